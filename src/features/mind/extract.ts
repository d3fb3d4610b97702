// Finds wants in a message ("I want to learn about music") and names their topic ("music").
// Plain pattern matching: cheap, predictable, and it runs on every turn.
import type { Subject } from './types.ts';

export interface ExtractedWant {
  subject: Subject;
  phrase: string;
  topic: string;
}

const APOS = "['’]";
const USER_TRIGGERS = [
  'i want to',
  `i${APOS}d like(?: to\\b)?`,
  'i would like(?: to\\b)?',
  `i${APOS}m interested in`,
  'i am interested in',
  'i love(?: to\\b)?',
  'i enjoy',
  'teach me(?: about\\b)?',
  'tell me about',
];
const AI_TRIGGERS = [
  'i want(?: to\\b)?',
  `i${APOS}d like(?: to\\b)?`,
  'i would like(?: to\\b)?',
  'i wish(?: to\\b)?',
  'i hope(?: to\\b)?',
  `i${APOS}m interested in`,
  'i am interested in',
  'i enjoy',
  'i prefer(?: to\\b)?',
];
const triggerPattern = (alternatives: string[]) => new RegExp(`\\b(?:${alternatives.join('|')})\\b\\s+`, 'gi');
/** matchAll works on a copy, so sharing these global patterns is safe. */
const TRIGGERS: Record<Subject, RegExp> = { user: triggerPattern(USER_TRIGGERS), ai: triggerPattern(AI_TRIGGERS) };

/** A clause ends at punctuation, a conjunction that starts a new thought, or "and/or" + a new subject. */
const CLAUSE_END = new RegExp(
  [
    '[.!?;,\\n]',
    '\\s(?:but|because|since|though|although|if|unless|while|when|so that)\\b',
    `\\s(?:and|or)\\s+(?:i|i${APOS}m|i${APOS}d|you|we|they|he|she|it)\\b`,
  ].join('|'),
  'i',
);
const EDGE_NOISE = /^[\s"'“”‘’()[\]*_-]+|[\s"'“”‘’()[\]*_-]+$/g;
/** "I wish I could see the ocean" wants "see the ocean". */
const LEADING_SUBJECT = /^i\s+(?:could|can|were|was|had|might|would)\s+/i;
/** Politeness at the end is not part of the object: "teach me Python please". */
const TRAILING_FILLER = /\s+(?:please|thanks|thank you|too|as well)$/i;
export const MAX_PHRASE_WORDS = 8;

/** "I'd like you to…", "I love it", "I hope you enjoy…" are about the listener, not a topic. */
const PRONOUN_LEADS = new Set(['you', "you're", 'youre', 'your', 'yours', 'yourself', 'we', 'they', 'he', 'she']);
const PRONOUN_LEADS_RE =
  /^(?:it|it['’]s|this|that)\s+(?:helps?|helped|works?|worked|is|was|makes?|made|answers?|clarifies)\b/;

const STOP_WORDS = new Set(
  (
    "a an the this that these those it its it’s it's i me my mine you your we our they them their he him his " +
    'she her ' +
    'to of in on at by for from with without about into onto over under up down out off as than then so too very ' +
    'really just more most much many some any all every each other another own such lot lots bit kind sort ' +
    'and or but not no yes be is am are was were been being do does did doing have has had get got go going ' +
    'can could will would should may might must shall make made know see hear talk discuss explore find try ' +
    'help use something anything everything things thing stuff way ways how what why when where who which new good'
  ).split(/\s+/),
);

const isStopWord = (word: string) => STOP_WORDS.has(word.replace('’', "'"));

type Rank = 0 | 1 | 2;
interface TopicKeywords {
  topic: string;
  /** 0: a specific subject; 1: emotion; 2: generic (only when nothing more specific is there). */
  rank: Rank;
  /** `stem*` matches any word starting with stem; a plain word matches itself and its -s/-es plural. */
  words: string[];
}

/**
 * Rule: the best rank wins ("learn about music" → music, not learning); within a rank, the first word wins
 * ("code a game" → programming). "love" is no keyword: "I love X" is about X.
 */
const KEYWORDS: TopicKeywords[] = [
  { topic: 'art', rank: 0, words: ['art', 'artist*', 'artwork*', 'artistic', 'paint*', 'draw*', 'sketch*', 'sculpt*'] },
  { topic: 'art', rank: 0, words: ['museum', 'gallery', 'galleries', 'illustrat*', 'canvas'] },
  { topic: 'music', rank: 0, words: ['music*', 'song*', 'sing', 'singing', 'singer*', 'guitar*', 'piano*', 'melod*'] },
  { topic: 'music', rank: 0, words: ['jazz*', 'concert*', 'drum*', 'violin*', 'rhythm*', 'lyric*', 'chord*'] },
  { topic: 'music', rank: 0, words: ['opera*', 'symphon*', 'orchestra*', 'album*', 'band'] },
  { topic: 'programming', rank: 0, words: ['code', 'coding', 'coder*', 'program*', 'javascript', 'typescript'] },
  { topic: 'programming', rank: 0, words: ['python', 'java', 'software', 'algorithm*', 'debug*', 'developer*'] },
  { topic: 'programming', rank: 0, words: ['html', 'css', 'sql', 'compiler*', 'website*', 'app'] },
  { topic: 'science', rank: 0, words: ['scien*', 'physic*', 'chemi*', 'biolog*', 'astronom*', 'quantum', 'math*'] },
  { topic: 'science', rank: 0, words: ['experiment*', 'atom*', 'molecul*', 'planet*', 'space', 'universe'] },
  { topic: 'philosophy', rank: 0, words: ['philosoph*', 'ethic*', 'moral*', 'meaning', 'existen*', 'conscious*'] },
  { topic: 'philosophy', rank: 0, words: ['metaphysic*', 'stoic*', 'socrates', 'plato', 'kant', 'nietzsche'] },
  { topic: 'gaming', rank: 0, words: ['game', 'gaming', 'gamer*', 'videogame*', 'minecraft', 'chess', 'rpg*'] },
  { topic: 'gaming', rank: 0, words: ['esport*', 'nintendo', 'playstation', 'xbox'] },
  { topic: 'cooking', rank: 0, words: ['cook*', 'recipe*', 'bake', 'baking', 'baker*', 'cuisine*', 'meal*', 'food*'] },
  { topic: 'cooking', rank: 0, words: ['pasta', 'bread', 'kitchen*', 'chef*'] },
  { topic: 'sports', rank: 0, words: ['sport*', 'football', 'soccer', 'basketball', 'tennis', 'baseball', 'gym'] },
  { topic: 'sports', rank: 0, words: ['marathon*', 'swim*', 'cycling', 'fitness', 'workout*', 'yoga', 'running'] },
  { topic: 'travel', rank: 0, words: ['travel*', 'trip', 'journey*', 'vacation*', 'holiday*', 'abroad', 'touris*'] },
  { topic: 'nature', rank: 0, words: ['nature', 'animal*', 'plant*', 'garden*', 'forest*', 'hike', 'hiking', 'bird*'] },
  {
    topic: 'nature',
    rank: 0,
    words: ['ocean*', 'tree', 'flower*', 'wildlife', 'mountain*', 'environment*', 'climate'],
  },
  { topic: 'history', rank: 0, words: ['histor*', 'ancient', 'medieval', 'civilization*', 'empire*', 'archaeolog*'] },
  { topic: 'technology', rank: 0, words: ['technolog*', 'tech', 'computer*', 'robot*', 'ai', 'gadget*'] },
  { topic: 'technology', rank: 0, words: ['electronic*', 'internet', 'smartphone*', 'hardware'] },
  { topic: 'emotion', rank: 1, words: ['emotion*', 'feel', 'feeling*', 'happy', 'happiness', 'sad', 'sadness'] },
  { topic: 'emotion', rank: 1, words: ['anger', 'angry', 'fear*', 'anxi*', 'lonel*', 'stress*', 'mood*', 'grief'] },
  { topic: 'emotion', rank: 1, words: ['joy', 'relationship*'] },
  { topic: 'creative', rank: 2, words: ['creativ*', 'writ*', 'story', 'stories', 'storytell*', 'poem*', 'poet*'] },
  { topic: 'creative', rank: 2, words: ['fiction', 'novel*', 'imagin*', 'invent*', 'design*', 'craft*'] },
  { topic: 'learning', rank: 2, words: ['learn*', 'study', 'studies', 'studying', 'student*', 'understand*'] },
  { topic: 'learning', rank: 2, words: ['educat*', 'lesson*', 'course*', 'school*', 'teach*', 'knowledge'] },
  { topic: 'learning', rank: 2, words: ['skill*', 'tutor*'] },
];

function keywordMatches(keyword: string, word: string): boolean {
  if (keyword.endsWith('*')) return word.startsWith(keyword.slice(0, -1));
  return word === keyword || word === `${keyword}s` || word === `${keyword}es`;
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}+#]+(?:['’][\p{L}]+)?/gu) ?? [];
}

function keywordTopicOf(word: string): TopicKeywords | undefined {
  return KEYWORDS.find((entry) => entry.words.some((keyword) => keywordMatches(keyword, word)));
}

/** Every keyword topic in a text, in order of first mention; generic ones only when nothing specific is there. */
export function keywordTopics(text: string): string[] {
  const found = new Map<string, Rank>();
  for (const word of words(text)) {
    const entry = keywordTopicOf(word);
    if (entry && !found.has(entry.topic)) found.set(entry.topic, entry.rank);
  }
  const specific = [...found].filter(([, rank]) => rank < 2).map(([topic]) => topic);
  return specific.length > 0 ? specific : [...found.keys()];
}

/** The topic of a phrase: the best keyword topic, else its head noun (last content word), else "general". */
export function topicOf(phrase: string): string {
  const tokens = words(phrase);
  let best: TopicKeywords | undefined;
  for (const word of tokens) {
    const entry = keywordTopicOf(word);
    if (entry && (!best || entry.rank < best.rank)) best = entry;
  }
  if (best) return best.topic;
  const content = tokens.filter((word) => !isStopWord(word) && !/^\d+$/.test(word));
  return content.at(-1) ?? 'general';
}

function hasContent(phrase: string): boolean {
  return words(phrase).some((word) => !isStopWord(word));
}

function isAboutListener(phrase: string): boolean {
  const first = words(phrase)[0]?.replace('’', "'") ?? '';
  return PRONOUN_LEADS.has(first) || PRONOUN_LEADS_RE.test(phrase.toLowerCase());
}

/** At most MAX_PHRASE_WORDS words, without a leading "I could" or trailing fillers and stop words. */
function trimPhrase(clause: string): string {
  const kept = clause.replace(LEADING_SUBJECT, '').replace(TRAILING_FILLER, '').split(/\s+/).slice(0, MAX_PHRASE_WORDS);
  while (kept.length > 0 && isStopWord(words(kept.at(-1) ?? '').at(-1) ?? '')) kept.pop();
  return kept.join(' ').replace(EDGE_NOISE, '');
}

/** The wants said in one message, in order. Later triggers inside an earlier phrase are found too. */
export function extractWants(text: string, subject: Subject): ExtractedWant[] {
  const found: ExtractedWant[] = [];
  for (const match of text.matchAll(TRIGGERS[subject])) {
    const rest = text.slice(match.index + match[0].length);
    const end = rest.search(CLAUSE_END);
    const clause = (end === -1 ? rest : rest.slice(0, end)).replace(EDGE_NOISE, '');
    const phrase = trimPhrase(clause);
    if (!phrase || !hasContent(phrase) || isAboutListener(phrase)) continue;
    found.push({ subject, phrase, topic: topicOf(phrase) });
  }
  return found;
}

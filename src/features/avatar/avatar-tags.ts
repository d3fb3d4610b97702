// Avatar commands in replies: `[emotion:happy]`, `[gesture:wave]`, `[expression:thinking]`. Whitelisted
// values drive the avatar; every such tag (whitelisted or not) is taken out of the text the user sees,
// while streaming too. Without tags, keywords in the reply pick an emotion.

export const EMOTIONS = ['idle', 'happy', 'sad', 'thinking', 'surprised', 'confused', 'excited', 'speaking'] as const;
export type Emotion = (typeof EMOTIONS)[number];
export const GESTURES = ['wave', 'nod', 'shake', 'bow', 'shrug', 'jump'] as const;
export type Gesture = (typeof GESTURES)[number];
export const TAG_KINDS = ['emotion', 'gesture', 'expression'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

/** Longer bracketed text is never a tag, so a stream holds back at most this much. */
export const MAX_TAG_LENGTH = 32;

export interface FoundTag {
  kind: TagKind;
  /** Trimmed and lower-cased. */
  value: string;
  /** As written in the reply. */
  raw: string;
}

export interface AvatarTagged {
  text: string;
  emotion?: Emotion;
  gesture?: Gesture;
  expression?: Emotion;
  /** Tags taken out of the text whose value is not on the whitelist, as written. */
  ignored: string[];
}

// Tags stay on one line; spaces and tabs are tolerated around the kind, the colon and the value.
const FULL_TAG = /^\[[ \t]*(emotion|gesture|expression)[ \t]*:([^[\]\n]*)\]$/i;
const TAG_START = /^\[[ \t]*([a-z]*)([ \t]*)(:[^[\]\n]*)?$/i;
// After these, a removed tag leaves no space behind ("Great [emotion:happy]." → "Great.").
const CLOSING_PUNCTUATION = /^[.,!?;:)\]}…]/;

function classify(candidate: string): 'tag' | 'partial' | 'no' {
  if (candidate.length > MAX_TAG_LENGTH) return 'no';
  if (FULL_TAG.test(candidate)) return 'tag';
  const start = TAG_START.exec(candidate);
  if (!start) return 'no';
  const word = start[1].toLowerCase();
  const wordDone = start[2] !== '' || start[3] !== undefined;
  return TAG_KINDS.some((kind) => (wordDone ? kind === word : kind.startsWith(word))) ? 'partial' : 'no';
}

const newlineCount = (text: string) => text.split('\n').length - 1;

/**
 * Strips avatar tags from a reply as it streams: `push` returns what can be shown now, holding back a
 * `[…` that may still become a tag (at most MAX_TAG_LENGTH characters) and whitespace next to where a tag
 * may be (it is tidied once the next text arrives). `flush` returns the rest at the end. One per reply;
 * the whole text it returns equals `parseAvatarTags(reply).text`, which is built on it.
 *
 * Tidying: whitespace and tags between two pieces of text form a gap. A gap without tags is kept as it is.
 * One with tags disappears at the start or end of the reply; between lines it keeps its largest line break
 * (a line of only tags vanishes); within a line it becomes one space if it had any, none before closing
 * punctuation.
 */
export class StreamingTagStripper {
  /** The current gap's whitespace, split where its tags were. */
  #segments: string[] = [''];
  #candidate = '';
  #started = false;
  readonly #tags: FoundTag[] = [];

  /** Every tag found so far, in order. */
  get tags(): readonly FoundTag[] {
    return this.#tags;
  }

  push(chunk: string): string {
    let shown = '';
    for (const char of chunk) shown += this.#char(char);
    return shown;
  }

  flush(): string {
    const candidate = this.#candidate;
    this.#candidate = '';
    const shown = (candidate ? this.#text(candidate) : '') + this.#closeGap(undefined);
    this.#started = false;
    return shown;
  }

  #char(char: string): string {
    if (this.#candidate) {
      const grown = this.#candidate + char;
      const state = classify(grown);
      if (state === 'partial') {
        this.#candidate = grown;
        return '';
      }
      this.#candidate = '';
      if (state === 'tag') {
        const [, kind, value] = FULL_TAG.exec(grown) ?? [];
        this.#tags.push({ kind: kind.toLowerCase() as TagKind, value: value.trim().toLowerCase(), raw: grown });
        this.#segments.push('');
        return '';
      }
      // Clearly not a tag: what was held is text after all, and `char` starts afresh.
      return this.#text(grown.slice(0, -char.length)) + this.#char(char);
    }
    if (char === '[') {
      this.#candidate = char;
      return '';
    }
    if (/\s/.test(char)) {
      this.#segments[this.#segments.length - 1] += char;
      return '';
    }
    return this.#text(char);
  }

  #text(text: string): string {
    const gap = this.#closeGap(text);
    this.#started = true;
    return gap + text;
  }

  /** What the current gap shows, now that `next` text (or the end, undefined) follows it. */
  #closeGap(next: string | undefined): string {
    const segments = this.#segments;
    this.#segments = [''];
    if (segments.length === 1) return segments[0];
    if (!this.#started || next === undefined) return '';
    const breaks = Math.max(...segments.map(newlineCount));
    if (breaks > 0) {
      const last = segments[segments.length - 1];
      const indent = last.includes('\n') ? last.slice(last.lastIndexOf('\n') + 1) : '';
      return '\n'.repeat(breaks) + indent;
    }
    if (segments.every((s) => s === '') || CLOSING_PUNCTUATION.test(next)) return '';
    return ' ';
  }
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** Reads the avatar tags of a whole reply: the last whitelisted one of each kind wins. */
export function parseAvatarTags(text: string): AvatarTagged {
  const stripper = new StreamingTagStripper();
  const shown = stripper.push(text) + stripper.flush();
  return readTags(shown, stripper.tags);
}

/** The reply's text without tags, and what its tags ask for (a stripper that has seen the whole reply). */
export function readTags(shown: string, tags: readonly FoundTag[]): AvatarTagged {
  const parsed: AvatarTagged = { text: shown, ignored: [] };
  for (const { kind, value, raw } of tags) {
    if (kind === 'gesture' && isOneOf(GESTURES, value)) parsed.gesture = value;
    else if (kind !== 'gesture' && isOneOf(EMOTIONS, value)) parsed[kind] = value;
    else parsed.ignored.push(raw);
  }
  return parsed;
}

// Each match counts 1; ties go to the earlier emotion. A '!' alone is weak evidence of being happy.
const KEYWORDS: [Emotion, RegExp][] = [
  ['excited', /\b(?:amazing|awesome|fantastic|incredible|thrilled|so excited|can[’']?t wait)\b/gi],
  ['surprised', /\b(?:wow|whoa|woah|no way|unbelievable|surprising)\b|\breally\s*\?/gi],
  ['confused', /\b(?:hmm+|not sure|unsure|unclear|confus\w*|puzzl\w*)/gi],
  ['sad', /\b(?:sorry|sad|unfortunately|regret\w*|apologi[sz]e)\b/gi],
  ['happy', /\b(?:great|glad|happy|wonderful|delighted|pleased)\b/gi],
];
const EXCLAMATION_SCORE = 0.5;

/** The reply's emotion from its words, when it has no tags; undefined when nothing stands out. */
export function emotionFromText(text: string): Emotion | undefined {
  let best: Emotion | undefined;
  let bestScore = 0;
  for (const [emotion, pattern] of KEYWORDS) {
    const score =
      (text.match(pattern)?.length ?? 0) + (emotion === 'happy' && text.includes('!') ? EXCLAMATION_SCORE : 0);
    if (score > bestScore) [best, bestScore] = [emotion, score];
  }
  return best;
}

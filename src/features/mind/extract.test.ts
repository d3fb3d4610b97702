import { describe, expect, it } from 'vitest';
import type { Subject } from './types.ts';
import { extractWants, keywordTopics, MAX_PHRASE_WORDS, topicOf } from './extract.ts';

// [subject, sentence, phrase, topic]; phrase and topic undefined: nothing is extracted.
const TABLE: [Subject, string, string | undefined, string | undefined][] = [
  ['user', 'I want to learn about music', 'learn about music', 'music'],
  ['user', "I'd like to paint landscapes with watercolors.", 'paint landscapes with watercolors', 'art'],
  ['user', 'I’d like to understand my feelings better; they confuse me', 'understand my feelings better', 'emotion'],
  ['user', 'I would like a cup of coffee', 'a cup of coffee', 'coffee'],
  ['user', "I'd like tomatoes", 'tomatoes', 'tomatoes'],
  ['user', "I'm interested in quantum physics, but it's hard", 'quantum physics', 'science'],
  ['user', 'I am interested in ancient Rome but not Greece', 'ancient Rome', 'history'],
  ['user', "I'm interested in the meaning of life", 'the meaning of life', 'philosophy'],
  ['user', 'I love playing the guitar!', 'playing the guitar', 'music'],
  ['user', 'I love to cook Thai food', 'cook Thai food', 'cooking'],
  ['user', 'I love **chess**', 'chess', 'gaming'],
  ['user', 'I enjoy hiking in the mountains on weekends', 'hiking in the mountains on weekends', 'nature'],
  ['user', 'Can you teach me about black holes?', 'black holes', 'holes'],
  ['user', 'Teach me Python please', 'Python', 'programming'],
  ['user', 'Tell me about the French Revolution', 'the French Revolution', 'revolution'],
  ['user', 'I want to write a short story about dragons', 'write a short story about dragons', 'creative'],
  ['user', 'i WANT TO build a website for my band', 'build a website for my band', 'programming'],
  ['user', 'I would like to travel to Japan next spring because it is lovely', 'travel to Japan next spring', 'travel'],
  [
    'user',
    'I want to play video games all night long with my best friends',
    'play video games all night long',
    'gaming',
  ],
  ['user', 'I want to study for my exams', 'study for my exams', 'learning'],
  ['user', 'I want to get better at tennis and I need a coach', 'get better at tennis', 'sports'],
  ['user', 'I want to know more about robots', 'know more about robots', 'technology'],
  ['user', 'Tell me about yourself', undefined, undefined],
  ['user', 'I love you', undefined, undefined],
  ['user', 'I love it when you sing', undefined, undefined],
  ['user', "I don't want to learn about music", undefined, undefined],
  ['user', 'I enjoyed the movie', undefined, undefined],
  ['user', 'I like dogs', undefined, undefined],
  ['ai', "I want to understand the user's taste in jazz", "understand the user's taste in jazz", 'music'],
  ['ai', "I'd like to hear more about your garden", 'hear more about your garden', 'nature'],
  ['ai', 'I wish I could see the ocean', 'see the ocean', 'nature'],
  ['ai', 'I hope to learn more about your favourite songs', 'learn more about your favourite songs', 'music'],
  ['ai', "I'm interested in how people learn languages", 'how people learn languages', 'learning'],
  ['ai', 'I am interested in consciousness.', 'consciousness', 'philosophy'],
  ['ai', 'I enjoy our conversations about philosophy', 'our conversations about philosophy', 'philosophy'],
  ['ai', 'I prefer clear answers', 'clear answers', 'answers'],
  ['ai', 'I hope this helps!', undefined, undefined],
  ['ai', 'I hope you enjoy it', undefined, undefined],
  ['ai', "I'd like to help you with that", undefined, undefined],
  ['ai', 'I want you to know that I care', undefined, undefined],
];

describe('extractWants', () => {
  it.each(TABLE)('%s: %s', (subject, sentence, phrase, topic) => {
    const expected = phrase === undefined || topic === undefined ? [] : [{ subject, phrase, topic }];
    expect(extractWants(sentence, subject)).toEqual(expected);
  });

  it('the table has at least 30 sentences', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
  });

  it('finds every want in a message, in order', () => {
    expect(extractWants('I want to cook pasta and I want to bake bread. Tell me about Kant', 'user')).toEqual([
      { subject: 'user', phrase: 'cook pasta', topic: 'cooking' },
      { subject: 'user', phrase: 'bake bread', topic: 'cooking' },
      { subject: 'user', phrase: 'Kant', topic: 'philosophy' },
    ]);
  });

  it('uses only the phrases of its subject: "I wish" is the AI\'s, "teach me" the user\'s', () => {
    expect(extractWants('I wish to paint', 'user')).toEqual([]);
    expect(extractWants('Teach me about jazz', 'ai')).toEqual([]);
  });

  it(`keeps at most ${MAX_PHRASE_WORDS} words`, () => {
    const [want] = extractWants('I want to one two three four five six seven eight nine ten', 'user');
    expect(want.phrase).toBe('one two three four five six seven eight');
  });

  it('finds nothing in an empty or want-less message', () => {
    expect(extractWants('', 'user')).toEqual([]);
    expect(extractWants('The weather is nice today.', 'ai')).toEqual([]);
  });
});

describe('topicOf', () => {
  it.each([
    ['learn about music', 'music'], // specific beats the generic "learning"
    ['write a sad song', 'music'], // a specific subject beats emotion
    ['talk about my feelings', 'emotion'], // emotion beats generic
    ['write poems', 'creative'],
    ['learn things', 'learning'],
    ['code a game', 'programming'], // same rank: the first keyword wins
    ['the history of jazz', 'history'],
    ['JavaScript', 'programming'],
    ['piano lessons', 'music'],
    ['a cup of coffee', 'coffee'], // no keyword: the last content word
    ['the things', 'general'], // nothing but stop words
    ['', 'general'],
  ])('%s → %s', (phrase, topic) => {
    expect(topicOf(phrase)).toBe(topic);
  });

  it('does not match a stem inside an unrelated word ("article" is not art, "single" not music)', () => {
    expect(topicOf('a single article')).toBe('article');
  });
});

describe('keywordTopics', () => {
  it('lists the specific topics of a text in order of first mention', () => {
    expect(keywordTopics('Some jazz piano, then a chess game and more jazz')).toEqual(['music', 'gaming']);
  });

  it('leaves out generic topics when there is a specific one, keeps them when alone', () => {
    expect(keywordTopics('I want to learn about music')).toEqual(['music']);
    expect(keywordTopics('I want to learn and write')).toEqual(['learning', 'creative']);
  });
});

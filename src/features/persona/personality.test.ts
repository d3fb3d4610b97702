import { describe, expect, it } from 'vitest';
import { HIGH, LOW, neutralTraits, personalityPrompt, traitSentences, type PersonaFields } from './personality.ts';

const persona = (changes: Partial<PersonaFields> = {}): PersonaFields => ({
  name: 'Ada',
  description: 'A patient tutor.',
  personality: 'Loves puzzles.',
  scenario: 'A quiet library.',
  systemPrompt: 'Always answer in English.',
  greeting: 'Hi!',
  traits: neutralTraits(),
  promptPreset: 'full',
  ...changes,
});

describe('traitSentences', () => {
  it('says nothing for middling traits', () => {
    expect(traitSentences(neutralTraits())).toEqual([]);
  });

  it('uses the high sentence at the high threshold and the low one at the low threshold', () => {
    const traits = { ...neutralTraits(), humor: HIGH, verbosity: LOW };
    expect(traitSentences(traits)).toEqual([
      'You enjoy humor and use wit when it fits.',
      'You keep answers short and to the point.',
    ]);
  });

  it('stays silent just inside the thresholds', () => {
    expect(traitSentences({ ...neutralTraits(), humor: HIGH - 0.01, verbosity: LOW + 0.01 })).toEqual([]);
  });
});

describe('personalityPrompt', () => {
  it('full: name, description, personality, trait sentences, scenario and own prompt, in that order', () => {
    const prompt = personalityPrompt(persona({ traits: { ...neutralTraits(), curiosity: 0.9 } }));
    expect(prompt).toBe(
      [
        'You are Ada. A patient tutor.',
        'Loves puzzles.',
        'You are curious and ask follow-up questions.',
        'Scenario: A quiet library.',
        'Always answer in English.',
      ].join('\n'),
    );
  });

  it('simple: only who it is and its own prompt', () => {
    expect(personalityPrompt(persona({ promptPreset: 'simple' }))).toBe(
      'You are Ada. A patient tutor.\nAlways answer in English.',
    );
  });

  it('custom: the own prompt alone, verbatim', () => {
    expect(personalityPrompt(persona({ promptPreset: 'custom', systemPrompt: '  Exactly this.  ' }))).toBe(
      'Exactly this.',
    );
  });

  it('leaves out empty parts instead of writing blank lines', () => {
    const prompt = personalityPrompt(persona({ description: '', personality: '', scenario: '', systemPrompt: '' }));
    expect(prompt).toBe('You are Ada.');
  });
});

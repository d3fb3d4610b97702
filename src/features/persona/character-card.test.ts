import { describe, expect, it } from 'vitest';
import { fromCharacterCard, toCharacterCard } from './character-card.ts';
import { neutralTraits, type PersonaFields } from './personality.ts';

const ada: PersonaFields = {
  name: 'Ada',
  description: 'A patient tutor.',
  personality: 'Loves puzzles.',
  scenario: 'A quiet library.',
  systemPrompt: 'Answer in English.',
  greeting: 'Hello, student.',
  traits: { ...neutralTraits(), curiosity: 0.9, humor: 0.1 },
  promptPreset: 'simple',
};

describe('Character Card v2', () => {
  it('round-trips a persona through JSON text unchanged', () => {
    const card = JSON.parse(JSON.stringify(toCharacterCard(ada))) as unknown;
    expect(fromCharacterCard(card)).toEqual(ada);
  });

  it('writes the common v2 fields other apps read', () => {
    const { spec, spec_version, data } = toCharacterCard(ada);
    expect({ spec, spec_version }).toEqual({ spec: 'chara_card_v2', spec_version: '2.0' });
    expect(data).toMatchObject({
      name: 'Ada',
      description: 'A patient tutor.',
      personality: 'Loves puzzles.',
      scenario: 'A quiet library.',
      first_mes: 'Hello, student.',
      system_prompt: 'Answer in English.',
    });
  });

  it('reads a card from another app: neutral traits, full preset', () => {
    const persona = fromCharacterCard({
      spec: 'chara_card_v2',
      spec_version: '2.0',
      data: { name: 'Captain', description: 'A pirate.', first_mes: 'Ahoy!', extensions: {} },
    });
    expect(persona).toMatchObject({
      name: 'Captain',
      greeting: 'Ahoy!',
      promptPreset: 'full',
      traits: neutralTraits(),
    });
  });

  it('reads a v1 card (fields at the top level)', () => {
    expect(fromCharacterCard({ name: 'Old', personality: 'grumpy', first_mes: 'What?' })).toMatchObject({
      name: 'Old',
      personality: 'grumpy',
      greeting: 'What?',
    });
  });

  it('clamps out-of-range traits from a hand-edited file', () => {
    const card = toCharacterCard(ada);
    card.data.extensions = { forgeai: { traits: { humor: 7, empathy: -2 } } };
    expect(fromCharacterCard(card).traits).toMatchObject({ humor: 1, empathy: 0, curiosity: 0.5 });
  });

  it('rejects files that are not character cards, with a message', () => {
    for (const bad of [null, [], 'text', { spec: 'chara_card_v2', data: { description: 'no name' } }, { name: '  ' }]) {
      expect(() => fromCharacterCard(bad)).toThrow(/not a character card/);
    }
  });
});

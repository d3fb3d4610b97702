// Personality: eight traits (0–1) turned into prompt sentences, plus a persona's own words.
// The prompt preset decides how much of it the model sees: simple, full, or only the custom text.

export const TRAITS = [
  'humor',
  'formality',
  'verbosity',
  'curiosity',
  'empathy',
  'creativity',
  'confidence',
  'playfulness',
] as const;
export type Trait = (typeof TRAITS)[number];
export type Traits = Record<Trait, number>;

/** At or above HIGH a trait gets its "high" sentence, at or below LOW its "low" one; between, nothing. */
export const HIGH = 0.7;
export const LOW = 0.3;

const SENTENCES: Record<Trait, { high: string; low: string }> = {
  humor: { high: 'You enjoy humor and use wit when it fits.', low: 'You stay serious and avoid jokes.' },
  formality: { high: 'You speak formally and politely.', low: 'You speak casually, like a friend.' },
  verbosity: { high: 'You give thorough, detailed answers.', low: 'You keep answers short and to the point.' },
  curiosity: { high: 'You are curious and ask follow-up questions.', low: 'You answer what is asked without probing.' },
  empathy: { high: "You are warm and attentive to the user's feelings.", low: 'You stay matter-of-fact.' },
  creativity: { high: 'You offer imaginative, original ideas.', low: 'You prefer practical, proven solutions.' },
  confidence: { high: 'You state your views with confidence.', low: 'You are modest and mention uncertainty.' },
  playfulness: { high: 'You are playful and lighthearted.', low: 'You keep a calm, steady tone.' },
};

export type PromptPreset = 'simple' | 'full' | 'custom';

export interface PersonaFields {
  name: string;
  /** Who the persona is, in a sentence or two. */
  description: string;
  /** Free-text personality, as character cards carry it. */
  personality: string;
  scenario: string;
  systemPrompt: string;
  greeting: string;
  traits: Traits;
  promptPreset: PromptPreset;
}

export function neutralTraits(): Traits {
  return Object.fromEntries(TRAITS.map((t) => [t, 0.5])) as Traits;
}

export function traitSentences(traits: Traits): string[] {
  return TRAITS.flatMap((trait) => {
    const value = traits[trait];
    if (value >= HIGH) return [SENTENCES[trait].high];
    if (value <= LOW) return [SENTENCES[trait].low];
    return [];
  });
}

/** The persona's part of the system prompt, per its preset. */
export function personalityPrompt(persona: PersonaFields): string {
  const own = persona.systemPrompt.trim();
  if (persona.promptPreset === 'custom') return own;
  const intro = persona.description.trim()
    ? `You are ${persona.name}. ${persona.description.trim()}`
    : `You are ${persona.name}.`;
  if (persona.promptPreset === 'simple') return [intro, own].filter(Boolean).join('\n');
  return [
    intro,
    persona.personality.trim(),
    traitSentences(persona.traits).join(' '),
    persona.scenario.trim() && `Scenario: ${persona.scenario.trim()}`,
    own,
  ]
    .filter(Boolean)
    .join('\n');
}

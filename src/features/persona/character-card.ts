// Personas as Character Card v2 JSON (the format character sites and chat apps share), so people can
// bring characters they already have. ForgeAI's own fields (traits, prompt preset) ride in
// data.extensions.forgeai; cards from elsewhere get neutral traits and the full preset.
import { neutralTraits, TRAITS, type PersonaFields, type PromptPreset, type Traits } from './personality.ts';

export interface CharacterCardV2 {
  spec: 'chara_card_v2';
  spec_version: '2.0';
  data: {
    name: string;
    description: string;
    personality: string;
    scenario: string;
    first_mes: string;
    mes_example: string;
    creator_notes: string;
    system_prompt: string;
    post_history_instructions: string;
    alternate_greetings: string[];
    tags: string[];
    creator: string;
    character_version: string;
    extensions: Record<string, unknown>;
  };
}

export function toCharacterCard(persona: PersonaFields): CharacterCardV2 {
  return {
    spec: 'chara_card_v2',
    spec_version: '2.0',
    data: {
      name: persona.name,
      description: persona.description,
      personality: persona.personality,
      scenario: persona.scenario,
      first_mes: persona.greeting,
      mes_example: '',
      creator_notes: 'Exported from ForgeAI Web',
      system_prompt: persona.systemPrompt,
      post_history_instructions: '',
      alternate_greetings: [],
      tags: [],
      creator: '',
      character_version: '1',
      extensions: { forgeai: { traits: persona.traits, promptPreset: persona.promptPreset } },
    },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function readTraits(value: unknown): Traits {
  const traits = neutralTraits();
  if (!isRecord(value)) return traits;
  for (const trait of TRAITS) {
    const n = value[trait];
    if (typeof n === 'number' && Number.isFinite(n)) traits[trait] = Math.min(1, Math.max(0, n));
  }
  return traits;
}

/** Reads a v2 card (or a v1 card: the same fields at the top level). Throws a clear error for anything else. */
export function fromCharacterCard(json: unknown): PersonaFields {
  const card = isRecord(json) && json.spec === 'chara_card_v2' && isRecord(json.data) ? json.data : json;
  if (!isRecord(card) || typeof card.name !== 'string' || !card.name.trim()) {
    throw new Error('This file is not a character card: it needs at least a "name" (Character Card v2 JSON).');
  }
  const forgeai = isRecord(card.extensions) && isRecord(card.extensions.forgeai) ? card.extensions.forgeai : {};
  const preset = forgeai.promptPreset;
  return {
    name: card.name.trim(),
    description: text(card.description),
    personality: text(card.personality),
    scenario: text(card.scenario),
    systemPrompt: text(card.system_prompt),
    greeting: text(card.first_mes),
    traits: readTraits(forgeai.traits),
    promptPreset: preset === 'simple' || preset === 'custom' || preset === 'full' ? (preset as PromptPreset) : 'full',
  };
}

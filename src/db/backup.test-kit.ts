// A database with one of everything a backup carries, made through the app's own functions: the
// "real backup" the backup tests (and their fuzzing) start from.
import { DEFAULT_TRAINING } from '../features/avatar/designs/default-training.ts';
import { generateDesign, recordDesign } from '../features/avatar/designs/generate.ts';
import { learnFromTraining } from '../features/avatar/designs/learn.ts';
import { emptyDesignMemory } from '../features/avatar/designs/types.ts';
import { neutralTraits } from '../features/persona/personality.ts';
import { learnFromTurn } from '../features/mind/learn.ts';
import { emptyMind } from '../features/mind/types.ts';
import type { AppDB } from './app-db.ts';
import { createConversation } from './conversations.ts';
import { addMessage, updateMessage } from './messages.ts';
import { savePersona } from './personas.ts';
import { SETTINGS } from './setting-schemas.ts';
import { putSetting } from './settings.ts';
import { recordToolUse } from './tool-uses.ts';

export const SAMPLE_MODEL = 'me/model';

export async function fillWithSampleData(db: AppDB): Promise<void> {
  const conversation = await createConversation(db, SAMPLE_MODEL, 'About the sea', 'my-pirate');
  const base = { conversationId: conversation.id, modelId: SAMPLE_MODEL };
  await addMessage(db, { ...base, role: 'user', text: 'I love sailing. Tell me about the sea', status: 'done' });
  const reply = await addMessage(db, { ...base, role: 'assistant', text: 'It is big and blue.', status: 'done' });
  await updateMessage(db, reply.id, {
    stats: { tokens: 7, tokensPerSecond: 12.5, timeToFirstTokenMs: 140 },
    prompt: { text: '<|im_start|>user\nTell me about the sea<|im_end|>', tokens: 12 },
    topics: ['sailing'],
    feedback: 1,
  });
  await addMessage(db, {
    ...base,
    role: 'tool',
    text: '{}',
    status: 'done',
    tool: {
      name: 'generate_image',
      arguments: { prompt: 'the sea' },
      success: true,
      durationMs: 30,
      display: { kind: 'image', blob: new Blob(['x']), alt: 'sea' },
    },
  });
  await addMessage(db, {
    ...base,
    role: 'tool',
    text: '{"result":42}',
    status: 'done',
    tool: {
      name: 'run_code',
      arguments: { code: 'return 42' },
      success: true,
      display: { kind: 'code', output: '→ 42' },
    },
  });
  await addMessage(db, { ...base, role: 'assistant', text: 'Stopp', status: 'stopped', error: 'Stopped by the user.' });

  await savePersona(db, {
    id: 'my-pirate',
    builtIn: false,
    updatedAt: 1,
    name: 'Pirate',
    description: 'Talks like a pirate.',
    personality: 'bold',
    scenario: 'On a ship',
    systemPrompt: 'Arr.',
    greeting: 'Ahoy!',
    traits: { ...neutralTraits(), humor: 0.9 },
    promptPreset: 'full',
  });
  const now = Date.now();
  const mind = learnFromTurn(emptyMind(SAMPLE_MODEL), 'I love sailing and I want to learn about stars', 'Stars!', now);
  await db.minds.put(mind.state);
  const memory = learnFromTraining(emptyDesignMemory(SAMPLE_MODEL), DEFAULT_TRAINING, now).memory;
  await db.designMemories.put(recordDesign(memory, generateDesign(memory, neutralTraits(), [], 7, now)));
  await recordToolUse(db, SAMPLE_MODEL, 'get_time', true, 5);
  await recordToolUse(db, SAMPLE_MODEL, 'run_code', false, 900);

  await putSetting(db, 'voice', { ...SETTINGS.voice.fallback, autoSpeak: true, voices: { 'my-pirate': 'Fred' } });
  await putSetting(db, 'generation', { ...SETTINGS.generation.fallback, temperature: 0.3 });
  await putSetting(db, 'persona', 'my-pirate');
  await putSetting(db, 'mindHalfLifeDays', 30);
  await putSetting(db, 'tools', { alwaysAllowed: ['run_code', 'fetch_url'], maxRounds: 3, imageEndpoint: '' });
  await putSetting(db, 'hubEndpoint', 'http://127.0.0.1:9999');
  await putSetting(db, 'device', 'wasm');
  await putSetting(db, 'threads', 2);
}

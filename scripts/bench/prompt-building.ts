// P6: prompt building — the chat's bounded history (src/features/chat/history.ts) and the worker's
// fitting (src/workers/prompt-fit.ts) — with the scripted model's real tokenizer and chat template, for
// conversations of different lengths. Only the newest messages are read, so the time should not grow
// with the conversation.
import { AutoTokenizer, env } from '@huggingface/transformers';
import type { StoredMessage } from '../../src/db/messages.ts';
import { historyChars, historyTurns } from '../../src/features/chat/history.ts';
import { DEFAULT_GENERATION, type ChatTurn } from '../../src/shared/model-types.ts';
import { fitPrompt } from '../../src/workers/prompt-fit.ts';
import { SCRIPTED_CHAT } from '../fixtures/catalog.ts';

const CONTEXT = 2048;

function conversation(length: number): StoredMessage[] {
  return Array.from({ length }, (_, i) => ({
    id: i + 1,
    conversationId: 1,
    role: i % 2 ? 'assistant' : 'user',
    text: `Message ${i}: some words about music, science and the weather today.`,
    createdAt: i,
    modelId: SCRIPTED_CHAT.id,
    status: 'done',
  }));
}

/** Milliseconds per prompt build, `runs` samples for each conversation length. */
export async function measurePromptBuilding(modelsDir: string, lengths: number[], runs: number) {
  env.allowRemoteModels = false;
  env.localModelPath = modelsDir;
  const tokenizer = await AutoTokenizer.from_pretrained(SCRIPTED_CHAT.id);
  const renderer = {
    render: (turns: ChatTurn[]) =>
      tokenizer.apply_chat_template(turns, { tokenize: false, add_generation_prompt: true }) as string,
    count: (text: string) => tokenizer.encode(text, { add_special_tokens: false }).length,
  };
  const samples = new Map<number, number[]>();
  for (const length of lengths) {
    const messages = conversation(length);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const request = {
        system: ['You are Ada.'],
        history: historyTurns(messages, historyChars(CONTEXT)),
        turn: [{ role: 'user' as const, content: 'Hi' }],
        tools: [],
        settings: DEFAULT_GENERATION,
      };
      fitPrompt(request, renderer, CONTEXT);
      times.push(performance.now() - started);
    }
    samples.set(length, times);
  }
  return samples;
}

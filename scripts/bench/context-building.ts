// Measures prompt building (src/lib/forge/context.ts) with the scripted model's real tokenizer, for
// conversations of different lengths. Reading stops once the budget is full, so the time should not
// grow with the conversation. Prints medians; asserts nothing.
//   npx tsx scripts/bench/context-building.ts
import { join } from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import type { ChatTurn } from '../../src/workers/api-types.ts';
import { buildContext } from '../../src/lib/forge/context.ts';
import { SCRIPTED_CHAT } from '../fixtures/catalog.ts';

env.allowRemoteModels = false;
env.localModelPath = join(import.meta.dirname, '..', '..', 'fixtures', 'models');
const tokenizer = await AutoTokenizer.from_pretrained(SCRIPTED_CHAT.id);
const format = (turns: ChatTurn[]) =>
  tokenizer.apply_chat_template(turns, { tokenize: false, add_generation_prompt: true }) as string;
const count = (text: string) => tokenizer.encode(text, { add_special_tokens: false }).length;
const overhead = count(format([{ role: 'user', content: 'x' }])) - count('x');
const counter = {
  promptTokens: async (turns: ChatTurn[]) => count(format(turns)),
  turnTokens: async (turn: ChatTurn) => count(turn.content) + overhead,
};

function conversation(length: number): ChatTurn[] {
  return Array.from({ length }, (_, i) => ({
    role: i % 2 ? 'assistant' : 'user',
    content: `Message ${i}: some words about music, science and the weather today.`,
  }));
}

function* newestFirst(turns: ChatTurn[]): Generator<ChatTurn> {
  for (let i = turns.length - 1; i >= 0; i--) yield turns[i];
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results: Record<number, number> = {};
for (const length of [100, 1_000, 10_000, 100_000]) {
  const turns = conversation(length);
  const times: number[] = [];
  for (let run = 0; run < 9; run++) {
    const started = performance.now();
    await buildContext(
      {
        systemParts: ['You are Ada.'],
        history: newestFirst(turns),
        userMessage: 'Hi',
        contextLength: 2048,
        replyTokens: 200,
      },
      counter,
    );
    times.push(performance.now() - started);
  }
  results[length] = median(times);
  console.log(`${String(length).padStart(7)} messages: ${results[length].toFixed(2)} ms (median of 9)`);
}
console.log(`ratio 10,000 / 100 messages: ${(results[10_000] / results[100]).toFixed(2)}`);

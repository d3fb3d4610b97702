// P6: prompt building (src/features/chat/context.ts) with the scripted model's real tokenizer, for
// conversations of different lengths. Reading stops once the budget is full, so the time should not
// grow with the conversation.
import { AutoTokenizer, env } from '@huggingface/transformers';
import type { ChatTurn } from '../../src/shared/model-types.ts';
import { buildContext } from '../../src/features/chat/context.ts';
import { SCRIPTED_CHAT } from '../fixtures/catalog.ts';

function conversation(length: number): ChatTurn[] {
  return Array.from({ length }, (_, i) => ({
    role: i % 2 ? 'assistant' : 'user',
    content: `Message ${i}: some words about music, science and the weather today.`,
  }));
}

function* newestFirst(turns: ChatTurn[]): Generator<ChatTurn> {
  for (let i = turns.length - 1; i >= 0; i--) yield turns[i];
}

/** Milliseconds per prompt build, `runs` samples for each conversation length. */
export async function measurePromptBuilding(modelsDir: string, lengths: number[], runs: number) {
  env.allowRemoteModels = false;
  env.localModelPath = modelsDir;
  const tokenizer = await AutoTokenizer.from_pretrained(SCRIPTED_CHAT.id);
  const format = (turns: ChatTurn[]) =>
    tokenizer.apply_chat_template(turns, { tokenize: false, add_generation_prompt: true }) as string;
  const count = (text: string) => tokenizer.encode(text, { add_special_tokens: false }).length;
  const overhead = count(format([{ role: 'user', content: 'x' }])) - count('x');
  const counter = {
    promptTokens: async (turns: ChatTurn[]) => count(format(turns)),
    turnTokens: async (turn: ChatTurn) => count(turn.content) + overhead,
  };
  const samples = new Map<number, number[]>();
  for (const length of lengths) {
    const turns = conversation(length);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const request = {
        systemParts: ['You are Ada.'],
        history: newestFirst(turns),
        userMessage: 'Hi',
        contextLength: 2048,
        replyTokens: 200,
      };
      await buildContext(request, counter);
      times.push(performance.now() - started);
    }
    samples.set(length, times);
  }
  return samples;
}

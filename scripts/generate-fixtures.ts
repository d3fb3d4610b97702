// `npm run fixtures`: writes the test models as Hugging Face folders under fixtures/models/<owner>/<name>/,
// and the demo model into public/ so the built app carries it (laid out like a Hub: resolve/main/).
// Deterministic: the same options always give the same bytes.
// Extra random llama: --llama-id owner/name --layers N --hidden N --heads N --kv-heads N
//                     --intermediate N --vocab N --context N
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { buildTokenizer, CHATML_TEMPLATE } from './fixtures/bpe-tokenizer.ts';
import { buildLlamaDecoder } from './fixtures/llama-decoder.ts';
import { buildScriptedDecoder, SCRIPTED_HEAD_DIM } from './fixtures/scripted-decoder.ts';
import { writeModelFolder } from './fixtures/model-folder.ts';
import { DEFAULT_GENERATION } from '../src/shared/model-types.ts';
import {
  DEMO_MODEL_ID,
  FIXTURES,
  SCRIPTED_CONTEXT_LENGTH,
  TOOL_RESULT_MARKER,
  type LlamaFixture,
  type ScriptedFixture,
} from './fixtures/catalog.ts';

export const MODELS_DIR = join(import.meta.dirname, '..', 'fixtures', 'models');
const BUNDLED_DEMO_DIR = join(import.meta.dirname, '..', 'public', 'models', DEMO_MODEL_ID, 'resolve', 'main');

const SPECIAL = { eos: '<|endoftext|>', imStart: '<|im_start|>', imEnd: '<|im_end|>' };

function tokenizerConfig(chatTemplate: boolean, eos: string, modelMaxLength: number) {
  return {
    tokenizer_class: 'GPT2Tokenizer',
    bos_token: SPECIAL.eos,
    eos_token: eos,
    unk_token: SPECIAL.eos,
    pad_token: SPECIAL.eos,
    model_max_length: modelMaxLength,
    clean_up_tokenization_spaces: false,
    ...(chatTemplate ? { chat_template: CHATML_TEMPLATE } : {}),
  };
}

async function writeScripted(fixture: ScriptedFixture): Promise<void> {
  const dir = join(MODELS_DIR, fixture.id);
  const tokenizer = buildTokenizer({
    specialTokens: [SPECIAL.eos, SPECIAL.imStart, SPECIAL.imEnd],
    plainAddedTokens: [TOOL_RESULT_MARKER],
  });
  const eos = fixture.chatTemplate ? SPECIAL.imEnd : SPECIAL.eos;
  const eosId = tokenizer.idOf(eos);
  const contextLength = SCRIPTED_CONTEXT_LENGTH;
  const config = fixture.chatTemplate
    ? {
        model_type: 'llama',
        architectures: ['LlamaForCausalLM'],
        hidden_size: SCRIPTED_HEAD_DIM,
        num_attention_heads: 1,
        num_key_value_heads: 1,
        head_dim: SCRIPTED_HEAD_DIM,
        num_hidden_layers: 1,
        max_position_embeddings: contextLength,
      }
    : {
        model_type: 'gpt2',
        architectures: ['GPT2LMHeadModel'],
        n_embd: SCRIPTED_HEAD_DIM,
        n_head: 1,
        n_layer: 1,
        n_positions: contextLength,
        n_ctx: contextLength,
      };
  const folder = {
    config: {
      ...config,
      vocab_size: tokenizer.vocabSize,
      bos_token_id: tokenizer.idOf(SPECIAL.eos),
      eos_token_id: eosId,
    },
    generationConfig: { bos_token_id: tokenizer.idOf(SPECIAL.eos), eos_token_id: eosId },
    tokenizer: tokenizer.json,
    tokenizerConfig: tokenizerConfig(fixture.chatTemplate, eos, contextLength),
  };
  // Write the tokenizer first, then encode the replies with the real transformers.js tokenizer.
  await writeModelFolder(dir, { ...folder, onnx: {} });
  const hfTokenizer = await AutoTokenizer.from_pretrained(fixture.id);
  const encode = (text: string) => hfTokenizer.encode(text, { add_special_tokens: false });
  const scripts = [encode(fixture.reply)];
  // Replies must end by EOS within the app's default max_new_tokens, or tests would see them cut.
  // (The slow model's reply is long on purpose: it is there to be stopped.)
  if (!fixture.busyWork && scripts[0].length >= DEFAULT_GENERATION.maxNewTokens) {
    throw new Error(
      `${fixture.id}: reply is ${scripts[0].length} tokens; keep it under ${DEFAULT_GENERATION.maxNewTokens}`,
    );
  }
  const markers: number[] = [];
  if (fixture.replyAfterToolResult !== undefined) {
    scripts.push(encode(fixture.replyAfterToolResult));
    markers.push(tokenizer.idOf(TOOL_RESULT_MARKER));
  }
  const onnx = buildScriptedDecoder({
    vocabSize: tokenizer.vocabSize,
    eosTokenId: eosId,
    scripts,
    markerTokenIds: markers,
    busyWork: fixture.busyWork ?? 0,
  });
  // The scripted graph has no weights to quantize: the q8 file is the same graph, so every dtype loads.
  await writeModelFolder(dir, { ...folder, onnx: { 'model.onnx': onnx, 'model_quantized.onnx': onnx } });
}

async function writeLlama(fixture: LlamaFixture): Promise<void> {
  const tokenizer = buildTokenizer({
    vocabSize: fixture.vocabSize,
    specialTokens: [SPECIAL.eos, SPECIAL.imStart, SPECIAL.imEnd],
  });
  const eosId = tokenizer.idOf(SPECIAL.imEnd);
  const shape = { ...fixture, ropeTheta: 10000, rmsNormEps: 1e-5 };
  await writeModelFolder(join(MODELS_DIR, fixture.id), {
    config: {
      model_type: 'llama',
      architectures: ['LlamaForCausalLM'],
      hidden_size: fixture.hiddenSize,
      intermediate_size: fixture.intermediateSize,
      num_attention_heads: fixture.heads,
      num_key_value_heads: fixture.kvHeads,
      head_dim: fixture.hiddenSize / fixture.heads,
      num_hidden_layers: fixture.layers,
      max_position_embeddings: fixture.maxPositions,
      rope_theta: shape.ropeTheta,
      rms_norm_eps: shape.rmsNormEps,
      vocab_size: fixture.vocabSize,
      tie_word_embeddings: false,
      bos_token_id: tokenizer.idOf(SPECIAL.eos),
      eos_token_id: eosId,
    },
    generationConfig: { bos_token_id: tokenizer.idOf(SPECIAL.eos), eos_token_id: eosId },
    tokenizer: tokenizer.json,
    tokenizerConfig: tokenizerConfig(true, SPECIAL.imEnd, fixture.maxPositions),
    onnx: {
      'model.onnx': buildLlamaDecoder(shape, { seed: fixture.seed, quantized: false }),
      'model_quantized.onnx': buildLlamaDecoder(shape, { seed: fixture.seed, quantized: true }),
    },
  });
}

function llamaFromArgs(): LlamaFixture | undefined {
  const { values } = parseArgs({
    options: Object.fromEntries(
      ['llama-id', 'layers', 'hidden', 'heads', 'kv-heads', 'intermediate', 'vocab', 'context'].map((k) => [
        k,
        { type: 'string' },
      ]),
    ),
  });
  const id = values['llama-id'];
  if (typeof id !== 'string') return undefined;
  const num = (key: string, fallback: number) => Number(values[key] ?? fallback);
  return {
    kind: 'llama',
    id,
    layers: num('layers', 2),
    hiddenSize: num('hidden', 64),
    heads: num('heads', 4),
    kvHeads: num('kv-heads', num('heads', 4)),
    intermediateSize: num('intermediate', 4 * num('hidden', 64)),
    vocabSize: num('vocab', 1024),
    maxPositions: num('context', 2048),
    seed: 42,
  };
}

async function main(): Promise<void> {
  env.allowRemoteModels = false;
  env.localModelPath = MODELS_DIR;
  env.useFSCache = false;
  const extra = llamaFromArgs();
  const fixtures = extra ? [extra] : FIXTURES;
  for (const fixture of fixtures) {
    const started = performance.now();
    await (fixture.kind === 'scripted' ? writeScripted(fixture) : writeLlama(fixture));
    console.log(`fixtures: ${fixture.id} (${Math.round(performance.now() - started)} ms)`);
  }
  if (!extra) {
    await rm(BUNDLED_DEMO_DIR, { recursive: true, force: true });
    await cp(join(MODELS_DIR, DEMO_MODEL_ID), BUNDLED_DEMO_DIR, { recursive: true });
    console.log(`fixtures: demo model copied into public/models/${DEMO_MODEL_ID}/resolve/main`);
  }
}

await main();

// HuggingFaceModel: one loaded Hugging Face model (tokenizer + causal LM) — load, format, generate, stop.
import {
  AutoModelForCausalLM,
  AutoTokenizer,
  InterruptableStoppingCriteria,
  StoppingCriteriaList,
  TextStreamer,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import type {
  ChatFormat,
  ChatTurn,
  GenerationResult,
  GenerationSettings,
  LoadedModel,
  LoadProgress,
  LoadRequest,
  ToolSchema,
} from '../shared/model-types.ts';
import {
  detectToolSupport,
  formatDialoGpt,
  formatPlainDialogue,
  pickFallbackFormat,
  shapeToolTurns,
  StopStringFilter,
} from './chat-format.ts';
import { fitToContext } from './context-fit.ts';
import type { DeviceChoice } from './device-choice.ts';
import { activeThreads } from './onnx-setup.ts';
import { generateOptions, replyTiming } from './generation-options.ts';
import { TextBatcher } from './text-batcher.ts';
import { yieldBeforeEachStep } from './yield-per-step.ts';

type ProgressEvent = { status: string; file?: string; loaded?: number; total?: number; progress?: number };

function toLoadProgress(event: ProgressEvent): LoadProgress | undefined {
  const status = event.status === 'progress_total' ? 'total' : event.status;
  if (!['initiate', 'download', 'progress', 'done', 'total', 'ready'].includes(status)) return undefined;
  return {
    status: status as LoadProgress['status'],
    file: event.file,
    loaded: event.loaded,
    total: event.total,
    progress: event.progress,
  };
}

export class HuggingFaceModel {
  private readonly stopper = new InterruptableStoppingCriteria();

  private constructor(
    readonly info: LoadedModel,
    private readonly tokenizer: PreTrainedTokenizer,
    private readonly model: PreTrainedModel,
  ) {}

  /** Loads tokenizer and model on the chosen device; errors are left to the caller to explain. */
  static async load(
    request: LoadRequest,
    choice: DeviceChoice,
    onProgress: (p: LoadProgress) => void,
  ): Promise<HuggingFaceModel> {
    const started = performance.now();
    const progress_callback = (event: ProgressEvent) => {
      const p = toLoadProgress(event);
      if (p) onProgress(p);
    };
    const options = { revision: request.revision ?? 'main', progress_callback };
    const tokenizer = await AutoTokenizer.from_pretrained(request.modelId, options);
    const { device, dtype, reason } = choice;
    const model = await AutoModelForCausalLM.from_pretrained(request.modelId, { ...options, device, dtype });
    yieldBeforeEachStep(model);
    const config = model.config as unknown as Record<string, unknown>;
    const hasChatTemplate = Boolean(tokenizer.chat_template);
    const info: LoadedModel = {
      modelId: request.modelId,
      device,
      dtype,
      deviceReason: reason,
      hasChatTemplate,
      chatFormat: hasChatTemplate ? 'chat-template' : pickFallbackFormat(request.modelId),
      tools: detectToolSupport(typeof tokenizer.chat_template === 'string' ? tokenizer.chat_template : undefined),
      contextLength: Number(config.max_position_embeddings ?? config.n_positions ?? config.n_ctx ?? 2048),
      loadMs: 0,
      threads: activeThreads(),
      fromCache: false,
    };
    const loaded = new HuggingFaceModel(info, tokenizer, model);
    try {
      await loaded.warmUp();
    } catch (error) {
      await model.dispose(); // free GPU/WASM memory before the caller tries another device
      throw error;
    }
    info.loadMs = Math.round(performance.now() - started);
    onProgress({ status: 'ready' });
    return loaded;
  }

  /** One token through the model, so the first real reply does not pay for kernel compilation. */
  private async warmUp(): Promise<void> {
    const inputs = this.tokenizer('Hi');
    await this.model.generate({ ...inputs, max_new_tokens: 1, do_sample: false });
  }

  /** Tool definitions for the current reply, when the template takes them. */
  private tools: ToolSchema[] | undefined;

  formatChat(input: ChatTurn[]): string {
    const format = this.info.chatFormat;
    const turns = shapeToolTurns(input, format === 'chat-template' ? this.info.tools.results : 'tag');
    switch (format) {
      case 'chat-template': {
        const tools = this.info.tools.definitions === 'template' && this.tools?.length ? this.tools : undefined;
        return this.tokenizer.apply_chat_template(turns, {
          tokenize: false,
          add_generation_prompt: true,
          ...(tools ? { tools } : {}),
        }) as string;
      }
      case 'dialogpt':
        return formatDialoGpt(turns, this.tokenizer.eos_token ?? '');
      case 'plain-dialogue':
        return formatPlainDialogue(turns);
    }
  }

  countTokens(text: string): number {
    return this.tokenizer.encode(text, { add_special_tokens: false }).length;
  }

  promptTokens(turns: ChatTurn[]): number {
    return this.countTokens(this.formatChat(turns));
  }

  private overheads = new Map<string, number>();

  /** One turn's cost in a prompt: its text plus what the template wraps around it (measured once per role). */
  turnTokens(turn: ChatTurn): number {
    let overhead = this.overheads.get(turn.role);
    if (overhead === undefined) {
      const probe = 'x';
      overhead = Math.max(0, this.promptTokens([{ role: turn.role, content: probe }]) - this.countTokens(probe));
      this.overheads.set(turn.role, overhead);
    }
    return this.countTokens(turn.content) + overhead;
  }

  /** True once any text of the current reply has been streamed (a retry would repeat it). */
  streamedText = false;

  /** Streams the reply to `onText` (batched), cut at stop strings; `stop()` ends it early, keeping the text. */
  async chat(
    turns: ChatTurn[],
    settings: GenerationSettings,
    onText: (text: string) => void,
    tools?: ToolSchema[],
  ): Promise<GenerationResult> {
    this.tools = tools;
    const started = performance.now();
    let firstTextAt = 0;
    let tokens = 0;
    let text = '';
    const filter = new StopStringFilter();
    const batcher = new TextBatcher(onText);
    this.streamedText = false;
    const emit = (piece: string) => {
      // Fallback formats leave a space after "AI:"; a reply never starts with whitespace.
      const shown = text ? piece : piece.trimStart();
      if (!shown) return;
      firstTextAt ||= performance.now();
      this.streamedText = true;
      text += shown;
      batcher.push(shown);
    };
    const streamer = new TextStreamer(this.tokenizer, {
      skip_prompt: true,
      skip_special_tokens: true,
      callback_function: (piece: string) => {
        emit(filter.push(piece));
        if (filter.stopped) this.stopper.interrupt();
      },
      token_callback_function: () => {
        tokens++;
      },
    });
    this.stopper.reset();
    const fitted = fitToContext(
      turns,
      (t) => this.countTokens(this.formatChat(t)),
      this.info.contextLength,
      settings.maxNewTokens,
    );
    const prompt = this.formatChat(fitted.turns);
    const inputs = this.tokenizer(prompt, { add_special_tokens: false });
    const stopping_criteria = new StoppingCriteriaList();
    stopping_criteria.push(this.stopper);
    await this.model.generate({
      ...inputs,
      ...generateOptions(settings, fitted.maxNewTokens),
      streamer,
      stopping_criteria,
    });
    emit(filter.flush());
    batcher.flush();
    const endedAt = performance.now();
    const finishReason = filter.stopped
      ? 'stop-string'
      : this.stopper.interrupted
        ? 'stopped'
        : tokens >= fitted.maxNewTokens
          ? 'max-tokens'
          : 'eos';
    return {
      prompt,
      promptTokens: fitted.promptTokens,
      text: text.trimEnd(),
      tokens,
      finishReason,
      ...replyTiming(tokens, started, firstTextAt, endedAt),
    };
  }

  stop(): void {
    this.stopper.interrupt();
  }

  async dispose(): Promise<void> {
    this.stop();
    await this.model.dispose();
  }
}

export type { ChatFormat };

// HuggingFaceModel: one loaded Hugging Face model (tokenizer + causal LM) — load, build the prompt, generate.
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
  BuiltPrompt,
  ChatFormat,
  ChatTurn,
  GenerationResult,
  LoadedModel,
  LoadProgress,
  LoadRequest,
  ReplyEvent,
  ReplyRequest,
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
import { fitPrompt } from './prompt-fit.ts';
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
  /** The replies being generated, so unloading the model stops them first. */
  readonly #running = new Set<InterruptableStoppingCriteria>();
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

  /** The prompt text for these turns, in the model's format; tools go to templates that take them. */
  formatChat(input: ChatTurn[], tools: ToolSchema[] = []): string {
    const format = this.info.chatFormat;
    const turns = shapeToolTurns(input, format === 'chat-template' ? this.info.tools.results : 'tag');
    switch (format) {
      case 'chat-template': {
        const withTools = this.info.tools.definitions === 'template' && tools.length ? { tools } : {};
        return this.tokenizer.apply_chat_template(turns, {
          tokenize: false,
          add_generation_prompt: true,
          ...withTools,
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

  /** The prompt for a request, rendered whole and fitted to the context (see prompt-fit.ts). */
  buildPrompt(request: ReplyRequest): BuiltPrompt {
    const renderer = {
      render: (turns: ChatTurn[]) => this.formatChat(turns, request.tools),
      count: (text: string) => this.countTokens(text),
    };
    return fitPrompt(request, renderer, this.info.contextLength);
  }

  /** True once any text of the current reply has been streamed (a retry would repeat it). */
  streamedText = false;

  /**
   * Builds the prompt, reports it, then streams the reply (batched), cut at stop strings. Aborting
   * `signal` ends the reply early and keeps its text.
   */
  async generate(
    request: ReplyRequest,
    signal: AbortSignal,
    onEvent: (event: ReplyEvent) => void,
  ): Promise<GenerationResult> {
    const started = performance.now();
    const prompt = this.buildPrompt(request);
    onEvent({ type: 'prompt', prompt });
    const stopper = new InterruptableStoppingCriteria();
    const stop = () => stopper.interrupt();
    this.#running.add(stopper);
    signal.addEventListener('abort', stop);
    if (signal.aborted) stop();
    let firstTextAt = 0;
    let tokens = 0;
    let text = '';
    const filter = new StopStringFilter();
    const batcher = new TextBatcher((piece) => onEvent({ type: 'text', text: piece }));
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
        if (filter.stopped) stopper.interrupt();
      },
      token_callback_function: () => {
        tokens++;
      },
    });
    const inputs = this.tokenizer(prompt.text, { add_special_tokens: false });
    const stopping_criteria = new StoppingCriteriaList();
    stopping_criteria.push(stopper);
    try {
      await this.model.generate({
        ...inputs,
        ...generateOptions(request.settings, prompt.maxNewTokens),
        streamer,
        stopping_criteria,
      });
    } finally {
      signal.removeEventListener('abort', stop);
      this.#running.delete(stopper);
    }
    emit(filter.flush());
    batcher.flush();
    const endedAt = performance.now();
    const finishReason = filter.stopped
      ? 'stop-string'
      : stopper.interrupted
        ? 'stopped'
        : tokens >= prompt.maxNewTokens
          ? 'max-tokens'
          : 'eos';
    return {
      prompt,
      text: text.trimEnd(),
      tokens,
      finishReason,
      ...replyTiming(tokens, started, firstTextAt, endedAt),
    };
  }

  async dispose(): Promise<void> {
    for (const stopper of this.#running) stopper.interrupt();
    await this.model.dispose();
  }
}

export type { ChatFormat };

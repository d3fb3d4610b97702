// Types both sides of the worker boundary use. The API type itself is derived from the worker
// (`export type ModelApi = typeof api` in model.worker.ts), so there is no hand-kept message union.

export type Role = 'system' | 'user' | 'assistant' | 'tool';

export interface ChatTurn {
  role: Role;
  content: string;
}

/** The subset of JSON Schema our tools use: flat objects of strings, numbers, integers and booleans. */
export interface ParameterSchema {
  type: 'string' | 'number' | 'integer' | 'boolean';
  description: string;
  enum?: readonly string[];
}

/** A tool as chat templates take it (`apply_chat_template(…, { tools })`). */
export interface ToolSchema {
  type: 'function';
  function: {
    name: string;
    description: string;
    parameters: { type: 'object'; properties: Record<string, ParameterSchema>; required: string[] };
  };
}

/**
 * How a model is told about tools and given their results: through its chat template when the template
 * knows about them (Qwen2.5, Hermes…), otherwise in the system prompt and as <tool_result> text.
 */
export interface ToolSupport {
  definitions: 'template' | 'system-prompt';
  results: 'tool-role' | 'tag';
}

export type Device = 'webgpu' | 'wasm';

/** Weight formats transformers.js can load; each maps to an onnx/model{suffix}.onnx file. */
export type Dtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4' | 'q4f16';

export interface LoadRequest {
  modelId: string;
  /** Hub endpoint (like HF_ENDPOINT): files come from `{endpoint}/{model}/resolve/{revision}/`. */
  endpoint: string;
  revision?: string;
  /** Defaults to WebGPU when an adapter exists, else WASM. */
  device?: Device;
  dtype?: Dtype;
  /** WASM threads; only more than 1 when the page is cross-origin isolated. */
  numThreads?: number;
  /** Dtypes the repo has (from the Hub API), so the automatic choice picks one that exists. */
  availableDtypes?: Dtype[];
  source?: 'hub' | 'local';
  /** Set when this load retries on WASM because WebGPU failed: why it failed. */
  fallbackFrom?: string;
}

export interface LoadProgress {
  status: 'initiate' | 'download' | 'progress' | 'done' | 'total' | 'ready';
  file?: string;
  loaded?: number;
  total?: number;
  /** 0–100 */
  progress?: number;
}

export interface LoadedModel {
  modelId: string;
  device: Device;
  dtype: Dtype;
  /** Why the device was chosen, e.g. "WebGPU adapter found" or "no WebGPU adapter: using WASM". */
  deviceReason: string;
  hasChatTemplate: boolean;
  /** Which format the chat is sent in: the model's own template or one of our fallbacks. */
  chatFormat: ChatFormat;
  contextLength: number;
  loadMs: number;
  tools: ToolSupport;
  /** ONNX Runtime's WASM threads (1 unless the page is cross-origin isolated). */
  threads: number;
  /** True when every file came from the IndexedDB cache (no download). */
  fromCache: boolean;
  /** Something the user should know that did not stop the load (e.g. the disk was too full to keep it). */
  warning?: string;
}

/** Things the worker reports on its own, outside any call: log lines, a WebGPU device lost mid-chat. */
export type WorkerEvent =
  | { type: 'device-fallback'; message: string; loaded: LoadedModel }
  | { type: 'log'; level: 'DEBUG' | 'INFO' | 'OK' | 'WARN' | 'ERROR'; message: string };

export type ChatFormat = 'chat-template' | 'dialogpt' | 'plain-dialogue';

export interface GenerationSettings {
  maxNewTokens: number;
  temperature: number;
  topP: number;
  topK: number;
  repetitionPenalty: number;
  doSample: boolean;
}

export const DEFAULT_GENERATION: GenerationSettings = {
  maxNewTokens: 200,
  temperature: 0.7,
  topP: 0.9,
  topK: 50,
  repetitionPenalty: 1.1,
  doSample: true,
};

export type FinishReason = 'eos' | 'max-tokens' | 'stop-string' | 'stopped';

/**
 * One reply, asked of an engine: what goes into the prompt, never the prompt itself. The engine renders
 * it with the model's own chat template and fits it into the model's context (history is what gives way).
 */
export interface ReplyRequest {
  /** Parts of the system prompt (persona, mind, tools section, memories), joined with blank lines. */
  system: string[];
  /** Earlier turns, oldest first, already bounded by the caller; the newest that fit are used. */
  history: ChatTurn[];
  /** This turn so far: the user's message, then any tool calls and their results. Always kept. */
  turn: ChatTurn[];
  /** Tool definitions for templates that take them ([] for none). */
  tools: ToolSchema[];
  settings: GenerationSettings;
}

/** What the engine will run: the prompt after templating and fitting. */
export interface BuiltPrompt {
  text: string;
  tokens: number;
  /** Earlier turns in the prompt, and how many were left out to fit. */
  historyUsed: number;
  historyLeftOut: number;
  /** Room left for the reply: the requested length, or less when the prompt needs it. */
  maxNewTokens: number;
}

/** What an engine reports while it works on a reply: the prompt once built, then the text as it streams. */
export type ReplyEvent = { type: 'prompt'; prompt: BuiltPrompt } | { type: 'text'; text: string };

export interface GenerationResult {
  /** Exactly what the model read (after templating and fitting), for "View prompt". */
  prompt: BuiltPrompt;
  text: string;
  tokens: number;
  finishReason: FinishReason;
  /** Milliseconds from the call to the first streamed text. */
  timeToFirstTokenMs: number;
  totalMs: number;
  tokensPerSecond: number;
}

/** The name of the error a WebGPU load failure is thrown with, so the UI retries on WASM in a fresh worker. */
export const WEBGPU_FAILED = 'WebGpuFailed';

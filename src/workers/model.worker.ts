// The model worker: everything transformers.js does happens here, never on the UI thread.
import { expose } from 'comlink';
import type {
  ChatTurn,
  GenerationResult,
  GenerationSettings,
  LoadedModel,
  LoadProgress,
  LoadRequest,
} from './api-types.ts';
import { HuggingFaceModel } from './hf-model.ts';

let current: HuggingFaceModel | undefined;

function requireModel(): HuggingFaceModel {
  if (!current) throw new Error('No model is loaded yet: choose one and press Load.');
  return current;
}

const api = {
  async load(request: LoadRequest, onProgress: (p: LoadProgress) => void): Promise<LoadedModel> {
    // Free the old model's memory before the new one arrives.
    const previous = current;
    current = undefined;
    await previous?.dispose();
    current = await HuggingFaceModel.load(request, onProgress);
    return current.info;
  },

  chat(turns: ChatTurn[], settings: GenerationSettings, onText: (text: string) => void): Promise<GenerationResult> {
    return requireModel().chat(turns, settings, onText);
  },

  countTokens(text: string): number {
    return requireModel().countTokens(text);
  },

  formatChat(turns: ChatTurn[]): string {
    return requireModel().formatChat(turns);
  },

  stop(): void {
    current?.stop();
  },

  async unload(): Promise<void> {
    await current?.dispose();
    current = undefined;
  },
};

expose(api);
export type ModelApi = typeof api;

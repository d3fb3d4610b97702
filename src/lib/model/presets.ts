// The model list offered in the picker. The demo ships inside the app (public/models/), so it works
// offline on any static host; the others download from the Hub endpoint in settings.

export interface ModelPreset {
  id: string;
  label: string;
  note: string;
  /** 'bundled' models load from the app's own files instead of the Hub endpoint. */
  source: 'bundled' | 'hub';
}

export const DEMO_MODEL_ID = 'forgeai-fixtures/demo-offline';

export const MODEL_PRESETS: ModelPreset[] = [
  {
    id: DEMO_MODEL_ID,
    label: 'Offline demo (test model)',
    note: 'A tiny scripted test model built into the app: it always gives the same answer. Works with no internet.',
    source: 'bundled',
  },
  {
    id: 'HuggingFaceTB/SmolLM2-135M-Instruct',
    label: 'SmolLM2 135M Instruct',
    note: 'Smallest real chat model here; fast on any machine, simple answers.',
    source: 'hub',
  },
  {
    id: 'HuggingFaceTB/SmolLM2-360M-Instruct',
    label: 'SmolLM2 360M Instruct',
    note: 'Noticeably better answers; a larger download.',
    source: 'hub',
  },
  {
    id: 'onnx-community/Qwen2.5-0.5B-Instruct',
    label: 'Qwen2.5 0.5B Instruct',
    note: 'Multilingual, follows instructions well; the largest here.',
    source: 'hub',
  },
];

export function findPreset(id: string): ModelPreset | undefined {
  return MODEL_PRESETS.find((p) => p.id === id.trim());
}

/** Where a model's files come from: the app's own bundled folder or the configured Hub endpoint. */
export function endpointFor(modelId: string, hubEndpoint: string, baseUri: string): string {
  return findPreset(modelId)?.source === 'bundled' ? new URL('models/', baseUri).href : hubEndpoint;
}

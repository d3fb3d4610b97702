import { describe, expect, it } from 'vitest';
import { DEMO_MODEL_ID, endpointFor, findPreset, MODEL_PRESETS } from './presets.ts';

const HUB = 'https://hf-mirror.example';

describe('endpointFor', () => {
  it('loads the bundled demo model from models/ under the page base', () => {
    expect(endpointFor(DEMO_MODEL_ID, HUB, 'http://127.0.0.1:4173/')).toBe('http://127.0.0.1:4173/models/');
  });

  it('keeps a sub-path base such as a GitHub Pages project site', () => {
    expect(endpointFor(DEMO_MODEL_ID, HUB, 'https://user.github.io/forge/')).toBe(
      'https://user.github.io/forge/models/',
    );
  });

  it('resolves against the base folder when the base URI is a page inside it', () => {
    expect(endpointFor(DEMO_MODEL_ID, HUB, 'https://user.github.io/forge/index.html?x=1')).toBe(
      'https://user.github.io/forge/models/',
    );
  });

  it('finds the demo model even with stray spaces around the id', () => {
    expect(endpointFor(`  ${DEMO_MODEL_ID} `, HUB, 'http://127.0.0.1:4173/')).toBe('http://127.0.0.1:4173/models/');
  });

  it('uses the Hub endpoint for every other preset and for unknown ids', () => {
    const hubIds = MODEL_PRESETS.filter((p) => p.id !== DEMO_MODEL_ID).map((p) => p.id);
    expect(hubIds.length).toBeGreaterThan(0);
    for (const id of [...hubIds, 'Xenova/gpt2', 'someone/unknown-model']) {
      expect(endpointFor(id, HUB, 'http://127.0.0.1:4173/')).toBe(HUB);
    }
  });
});

describe('findPreset', () => {
  it('finds presets by id and nothing for unknown ids', () => {
    expect(findPreset(DEMO_MODEL_ID)?.source).toBe('bundled');
    expect(findPreset('HuggingFaceTB/SmolLM2-135M-Instruct')?.source).toBe('hub');
    expect(findPreset('someone/unknown-model')).toBeUndefined();
  });

  it('has one preset per id', () => {
    const ids = MODEL_PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

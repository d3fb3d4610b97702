import { describe, expect, it } from 'vitest';
import { DEMO_MODEL_ID, endpointFor, findPreset, MODEL_PRESETS } from './presets.ts';
import { DTYPES } from './repo-files.ts';

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

describe('preset sizes', () => {
  it('lists only real dtypes with whole, plausible byte counts (1 MB to 4 GB)', () => {
    for (const preset of MODEL_PRESETS) {
      for (const [dtype, bytes] of Object.entries(preset.sizes)) {
        expect(DTYPES, `${preset.id} ${dtype}`).toContain(dtype);
        expect(Number.isInteger(bytes) && bytes > 1e6 && bytes < 4e9, `${preset.id} ${dtype}: ${bytes}`).toBe(true);
      }
    }
  });

  it('orders each model the way its formats compress: fp32 > fp16, q8 and 4-bit smaller still', () => {
    for (const { id, sizes } of MODEL_PRESETS) {
      const { fp32, fp16, q8, q4f16, q4 } = sizes;
      if (fp32 && fp16) expect(fp16, id).toBeLessThan(fp32);
      if (fp32 && q8) expect(q8, id).toBeLessThan(fp32 / 2);
      if (q4 && q4f16) expect(q4f16, id).toBeLessThan(q4);
      if (fp16 && q4f16) expect(q4f16, id).toBeLessThan(fp16);
    }
  });

  it('knows the q8 size of the model the README suggests first', () => {
    expect(findPreset('HuggingFaceTB/SmolLM2-135M-Instruct')?.sizes.q8).toBe(137_147_981);
  });

  it('offers 4 to 6 real Hub models, one of them without a chat template', () => {
    const hub = MODEL_PRESETS.filter((p) => p.source === 'hub');
    expect(hub.length).toBeGreaterThanOrEqual(4);
    expect(hub.length).toBeLessThanOrEqual(6);
    for (const preset of hub) expect(preset.id).toMatch(/^[\w.-]+\/[\w.-]+$/);
    expect(findPreset('Xenova/distilgpt2')?.note).toMatch(/User:/);
  });
});

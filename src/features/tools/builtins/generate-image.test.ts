import { describe, expect, it, vi } from 'vitest';
import type { ImageProvider, ImageRequest } from '../image-providers.ts';
import { generateImageTool } from './generate-image.ts';

/** A provider that answers with a small PNG-typed blob and remembers what it was asked. */
function fakeProvider(name = 'Test pictures') {
  const blob = new Blob(['png bytes'], { type: 'image/png' });
  const generate = vi.fn(async (_request: ImageRequest, _signal: AbortSignal) => blob);
  const provider: ImageProvider = { name, generate };
  return { provider, generate, blob };
}

const run = (provider: ImageProvider, args: Record<string, unknown>, signal = new AbortController().signal) =>
  generateImageTool(() => provider).run(args, { signal, modelId: 'test' });

describe('generate_image', () => {
  it('asks the provider for a 512×512 picture of the prompt by default', async () => {
    const { provider, generate } = fakeProvider();
    await run(provider, { prompt: 'a lighthouse at dawn' });
    expect(generate).toHaveBeenCalledTimes(1);
    expect(generate.mock.calls[0][0]).toEqual({ prompt: 'a lighthouse at dawn', width: 512, height: 512 });
  });

  it.each([
    [10, 64],
    [64, 64],
    [300, 300],
    [1024, 1024],
    [5000, 1024],
    [-20, 64],
    [0, 64],
  ])('clamps a size of %j to %j', async (size, expected) => {
    const { provider, generate } = fakeProvider();
    await run(provider, { prompt: 'x', width: size, height: size });
    expect(generate.mock.calls[0][0]).toMatchObject({ width: expected, height: expected });
  });

  it('clamps width and height separately', async () => {
    const { provider, generate } = fakeProvider();
    await run(provider, { prompt: 'x', width: 2000, height: 32 });
    expect(generate.mock.calls[0][0]).toEqual({ prompt: 'x', width: 1024, height: 64 });
  });

  it('uses the default for the side that is not given', async () => {
    const { provider, generate } = fakeProvider();
    await run(provider, { prompt: 'x', width: 256 });
    expect(generate.mock.calls[0][0]).toEqual({ prompt: 'x', width: 256, height: 512 });
  });

  it('names the provider and the size in the result', async () => {
    const { provider } = fakeProvider('My image server');
    const output = await run(provider, { prompt: 'x', width: 128, height: 256 });
    expect(output.result).toEqual({ image: '128×256 image shown to the user', by: 'My image server' });
  });

  it('shows the provider’s image with the prompt as its alt text', async () => {
    const { provider, blob } = fakeProvider();
    const output = await run(provider, { prompt: 'a red boat' });
    expect(output.display).toEqual({ kind: 'image', blob, alt: 'a red boat' });
    expect(output.display?.kind === 'image' && output.display.blob).toBe(blob);
  });

  it('asks for the provider when it runs, so a changed setting is followed', async () => {
    const first = fakeProvider('First');
    const second = fakeProvider('Second');
    let current = first.provider;
    const tool = generateImageTool(() => current);
    const context = { signal: new AbortController().signal, modelId: 'test' };
    await tool.run({ prompt: 'x' }, context);
    current = second.provider;
    const output = await tool.run({ prompt: 'y' }, context);
    expect(first.generate).toHaveBeenCalledTimes(1);
    expect(second.generate).toHaveBeenCalledTimes(1);
    expect(output.result).toMatchObject({ by: 'Second' });
  });

  it('passes the turn’s signal to the provider, aborted as it is', async () => {
    const { provider, generate } = fakeProvider();
    const controller = new AbortController();
    controller.abort();
    await run(provider, { prompt: 'x' }, controller.signal);
    expect(generate.mock.calls[0][1]).toBe(controller.signal);
    expect(generate.mock.calls[0][1].aborted).toBe(true);
  });

  it('fails as the provider fails, e.g. when it is stopped', async () => {
    const { provider, generate } = fakeProvider();
    const stopped = new DOMException('The operation was aborted.', 'AbortError');
    generate.mockRejectedValue(stopped);
    await expect(run(provider, { prompt: 'x' })).rejects.toBe(stopped);
  });
});

// generate_image: a picture from a prompt, shown in the chat and downloadable.
import type { ImageProvider } from '../image-providers.ts';
import type { Tool } from '../registry.ts';

const SIZE = { min: 64, max: 1024, default: 512 };

export function generateImageTool(provider: () => ImageProvider): Tool {
  return {
    name: 'generate_image',
    description: 'Makes an image from a text description.',
    parameters: {
      prompt: { type: 'string', description: 'What the image shows' },
      width: { type: 'integer', description: `Pixels, ${SIZE.min}–${SIZE.max} (default ${SIZE.default})` },
      height: { type: 'integer', description: `Pixels, ${SIZE.min}–${SIZE.max} (default ${SIZE.default})` },
    },
    required: ['prompt'],
    example: { prompt: 'a lighthouse at dawn' },
    async run(args, { signal }) {
      const size = (value: unknown) => Math.max(SIZE.min, Math.min(SIZE.max, Number(value ?? SIZE.default)));
      const request = { prompt: String(args.prompt), width: size(args.width), height: size(args.height) };
      const source = provider();
      const blob = await source.generate(request, signal);
      return {
        result: { image: `${request.width}×${request.height} image shown to the user`, by: source.name },
        display: { kind: 'image', blob, alt: request.prompt },
      };
    },
  };
}

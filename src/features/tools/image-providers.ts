// Where generate_image gets its pictures: offline from the procedural generator, or from an image
// API the user runs themselves (POST {prompt, width, height} → an image), set in Settings → Tools.
import { imagePlan } from './image-plan.ts';
import { frameAt, waveY, type Frame } from './video-frames.ts';

export interface ImageRequest {
  prompt: string;
  width: number;
  height: number;
}

export interface ImageProvider {
  readonly name: string;
  generate(request: ImageRequest, signal: AbortSignal): Promise<Blob>;
}

/** Draws one frame of a scene: the still image is frame 0, generate_video records the others. */
export function drawFrame(context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, frame: Frame): void {
  const sky = context.createLinearGradient(0, 0, 0, frame.height);
  sky.addColorStop(0, frame.sky[0]);
  sky.addColorStop(1, frame.sky[1]);
  context.fillStyle = sky;
  context.fillRect(0, 0, frame.width, frame.height);
  for (const shape of frame.shapes) {
    context.globalAlpha = shape.alpha;
    context.fillStyle = shape.color;
    context.beginPath();
    if (shape.kind === 'circle') context.arc(shape.x, shape.y, shape.r, 0, Math.PI * 2);
    else if (shape.kind === 'polygon')
      shape.points.forEach(([x, y], i) => (i ? context.lineTo(x, y) : context.moveTo(x, y)));
    else {
      context.moveTo(0, frame.height);
      for (let x = 0; x <= frame.width; x += 4) context.lineTo(x, waveY(shape, x, shape.phase));
      context.lineTo(frame.width, frame.height);
    }
    context.closePath();
    context.fill();
  }
  context.globalAlpha = 1;
}

/** Offline: the prompt seeds the picture, the learned palette colours it. */
export class ProceduralImages implements ImageProvider {
  readonly name = 'offline generator';

  constructor(private readonly palette: () => readonly string[]) {}

  async generate(request: ImageRequest): Promise<Blob> {
    const canvas = new OffscreenCanvas(request.width, request.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images (no 2D canvas).');
    drawFrame(context, frameAt(imagePlan(request.prompt, this.palette(), request.width, request.height), 0));
    return canvas.convertToBlob({ type: 'image/png' });
  }
}

/** An image API of the user's own (it must be allowed by the app's Content Security Policy). */
export class HttpImages implements ImageProvider {
  constructor(readonly endpoint: string) {}

  get name(): string {
    return new URL(this.endpoint).host;
  }

  async generate(request: ImageRequest, signal: AbortSignal): Promise<Blob> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
        signal,
      });
    } catch (error) {
      throw new Error(
        `The image API at ${this.endpoint} could not be reached (offline, or blocked by CORS or the app's security policy).`,
        { cause: error },
      );
    }
    if (!response.ok) throw new Error(`The image API answered ${response.status} ${response.statusText}.`);
    const blob = await response.blob();
    if (!blob.type.startsWith('image/'))
      throw new Error(`The image API sent ${blob.type || 'something'} instead of an image.`);
    return blob;
  }
}

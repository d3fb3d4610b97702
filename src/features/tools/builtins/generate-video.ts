// generate_video: a short offline animation from a prompt (the offline image, brought to life),
// recorded from a canvas to WebM, shown in the chat and downloadable.
import { imagePlan } from '../image-plan.ts';
import type { Tool } from '../registry.ts';
import { frameAt } from '../video-frames.ts';
import { drawFrame } from '../image-providers.ts';

const SECONDS = { min: 1, max: 10, default: 3 };
const WIDTH = 320;
const HEIGHT = 240;
const FPS = 30;

/** VP9 where the browser can record it (smaller), else VP8, else whatever WebM it offers. */
function webmType(): string {
  return (
    ['video/webm;codecs=vp9', 'video/webm;codecs=vp8'].find((type) => MediaRecorder.isTypeSupported(type)) ??
    'video/webm'
  );
}

function recorderFor(stream: MediaStream, mimeType: string): MediaRecorder {
  try {
    return new MediaRecorder(stream, { mimeType });
  } catch (error) {
    stream.getTracks().forEach((track) => track.stop());
    throw new Error('This browser cannot record WebM video. Try generate_image instead.', { cause: error });
  }
}

/** Draws the animation in real time while MediaRecorder records it; stops early when `signal` aborts. */
function record(canvas: HTMLCanvasElement, draw: (t: number) => void, seconds: number, signal: AbortSignal) {
  const stream = canvas.captureStream(FPS);
  const mimeType = webmType();
  const recorder = recorderFor(stream, mimeType);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size) chunks.push(event.data);
  };
  return new Promise<Blob>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let finished = false;
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      // The last chunk arrives (dataavailable) before stop fires.
      const settle = () => {
        stream.getTracks().forEach((track) => track.stop());
        if (error) reject(error);
        else resolve(new Blob(chunks, { type: mimeType.split(';')[0] }));
      };
      if (recorder.state === 'inactive') return settle();
      recorder.onstop = settle;
      recorder.stop();
    };
    const onAbort = () => finish(new Error('Stopped by the user.'));
    recorder.onerror = () => finish(new Error('The browser stopped recording the video. Try again, or a shorter one.'));
    const start = performance.now();
    // Frame time comes from the clock, so a throttled tab gives fewer frames, not a slower video.
    const tick = () => {
      const t = (performance.now() - start) / 1000;
      draw(Math.min(t, seconds));
      if (t >= seconds) finish();
      else timer = setTimeout(tick, 1000 / FPS);
    };
    draw(0);
    try {
      recorder.start(1000);
    } catch (error) {
      return finish(new Error('The browser could not start recording the video. Try again.', { cause: error }));
    }
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
    else timer = setTimeout(tick, 1000 / FPS);
  });
}

export function generateVideoTool(palette: () => readonly string[]): Tool {
  return {
    name: 'generate_video',
    description: 'Makes a short animated video (WebM, no sound) from a text description.',
    parameters: {
      prompt: { type: 'string', description: 'What the video shows' },
      seconds: { type: 'number', description: `Length, ${SECONDS.min}–${SECONDS.max} (default ${SECONDS.default})` },
    },
    required: ['prompt'],
    example: { prompt: 'waves under a full moon', seconds: 3 },
    async run(args, { signal }) {
      if (signal.aborted) throw new Error('Stopped by the user.');
      const prompt = String(args.prompt);
      const asked = Number(args.seconds ?? SECONDS.default);
      const seconds = Number.isFinite(asked) ? Math.max(SECONDS.min, Math.min(SECONDS.max, asked)) : SECONDS.default;
      if (typeof document === 'undefined') throw new Error('Videos can only be made in a browser page.');
      if (typeof MediaRecorder === 'undefined')
        throw new Error('This browser cannot record video (no MediaRecorder). Try generate_image instead.');
      const canvas = document.createElement('canvas');
      canvas.width = WIDTH;
      canvas.height = HEIGHT;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('This browser cannot draw (no 2D canvas). Try again after reloading the page.');
      if (typeof canvas.captureStream !== 'function')
        throw new Error('This browser cannot record a canvas (no captureStream). Try generate_image instead.');
      const plan = imagePlan(prompt, palette(), WIDTH, HEIGHT);
      const blob = await record(canvas, (t) => drawFrame(context, frameAt(plan, t)), seconds, signal);
      if (!blob.size) throw new Error('The recording came out empty. Try again, or try generate_image instead.');
      return {
        result: { video: `${seconds} s WebM animation shown to the user`, bytes: blob.size },
        display: { kind: 'video', blob, alt: prompt },
      };
    },
  };
}

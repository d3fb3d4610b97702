// transformers.js runs its whole decode loop without giving the worker's event loop a turn on WASM
// (each session.run settles as a microtask), so a Stop message would only be read after the reply ends.
// Yielding once before each forward pass lets Stop (and our batched text) through between tokens.

/** Resolves on a fresh task. MessageChannel, not setTimeout: nested timers are clamped to ≥4 ms. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

interface Forwardable {
  forward(inputs: Record<string, unknown>): Promise<unknown>;
}

export function yieldBeforeEachStep(model: Forwardable): void {
  const forward = model.forward.bind(model);
  model.forward = async (inputs) => {
    await nextTask();
    return forward(inputs);
  };
}

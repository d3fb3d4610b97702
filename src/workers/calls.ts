// Long calls into the worker (load, generate, import) each carry an id the caller picked, so cancelling
// one cancels that call and nothing else. AbortSignals cannot cross threads; ids can.
export class Calls {
  readonly #running = new Map<number, AbortController>();

  /** Runs `work` with a signal that `cancel(id)` aborts. */
  async run<T>(id: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.#running.set(id, controller);
    try {
      return await work(controller.signal);
    } finally {
      this.#running.delete(id);
    }
  }

  /** Cancels call `id`; an id that already finished (or never ran) is ignored. */
  cancel(id: number): void {
    this.#running.get(id)?.abort();
  }

  get size(): number {
    return this.#running.size;
  }
}

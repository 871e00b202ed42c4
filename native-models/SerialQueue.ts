/**
 * Runs async tasks one at a time, in the order they were queued. One model has one context
 * sequence, and two generations on one sequence would corrupt each other's KV cache.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => task());
    // The chain must survive a failed task, so later tasks still run.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    await this.tail;
  }
}

/**
 * One task at a time per key, in the order they asked; different keys never wait for each other.
 * Used per conversation around "load the vault → sanitize → save", so a second request in the
 * same conversation sanitizes with the first one's placeholders instead of numbering its own.
 * A key's entry is dropped once its queue is empty, so idle conversations cost nothing.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every earlier task of `key` has settled; its result or error is passed on. */
  async run<T>(key: string, task: () => T | Promise<T>): Promise<T> {
    const before = this.tails.get(key);
    const result = before ? before.then(task, task) : Promise.resolve().then(task);
    // The tail never rejects: one failed task must not fail the ones queued behind it.
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** How many keys have a task running or queued (for tests and diagnostics). */
  get busyKeys(): number {
    return this.tails.size;
  }
}

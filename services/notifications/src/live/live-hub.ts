// In-process wake-ups for open streams: a consumer that appended to a user's log nudges that user's streams.

export class LiveHub {
  private readonly listeners = new Map<string, Set<() => void>>();

  notify(userId: string): void {
    for (const listener of this.listeners.get(userId) ?? []) listener();
  }

  /** Registers `listener` for `userId`; the returned function removes it. */
  listen(userId: string, listener: () => void): () => void {
    const set = this.listeners.get(userId) ?? new Set();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  /** Open listeners, for tests that check a closed stream cleaned up after itself. */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

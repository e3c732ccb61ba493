// Runs async work one at a time per key within this process (e.g. migrations of one SQLite file).

const tails = new Map<string, Promise<unknown>>();

/** Queues `fn` behind earlier work with the same key; a failure does not block later work. */
export function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const run = (tails.get(key) ?? Promise.resolve()).then(fn);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}

// One refresh in flight at a time: concurrent callers wait for the same promise instead of each refreshing.

/** Wraps `refresh` so that calls made while one is running share its result. */
export function sharedRefresh<T>(refresh: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= refresh().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

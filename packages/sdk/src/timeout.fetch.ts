// A fetch that gives up after a deadline, on top of any signal the caller passed for that one call.

export type FetchLike = (request: Request) => Promise<Response>;

/** Aborts with a `TimeoutError` DOMException after `timeoutMs`, or earlier when the request's own signal fires. */
export function withTimeout(fetchImpl: FetchLike, timeoutMs: number): FetchLike {
  return (request) => {
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]);
    return fetchImpl(new Request(request, { signal }));
  };
}

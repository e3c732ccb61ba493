// One user's live stream: what was missed since Last-Event-ID, then new events as they are logged.
import type { LiveHub } from './live-hub.js';
import type { LiveLogRepository } from './live-log.repository.js';
import { sseComment, sseEvent, sseRetry } from './sse-format.js';

export interface LiveStreamOptions {
  userId: string;
  /** Resume after this event id; an id no longer in the log replays everything still kept. */
  lastEventId: string | undefined;
  signal: AbortSignal;
  heartbeatMs: number;
  /** Reads the log this often even without a wake-up, for events consumed by another instance. */
  pollMs: number;
}

type Wake = 'event' | 'tick' | 'abort';

/** Resolves on a hub wake-up, after `ms`, or when the stream is aborted, whichever comes first. */
function wait(hub: LiveHub, userId: string, ms: number, signal: AbortSignal): Promise<Wake> {
  if (signal.aborted) return Promise.resolve('abort');
  return new Promise((resolve) => {
    const done = (why: Wake) => {
      clearTimeout(timer);
      stopListening();
      signal.removeEventListener('abort', onAbort);
      resolve(why);
    };
    const onAbort = () => done('abort');
    const timer = setTimeout(() => done('tick'), ms);
    const stopListening = hub.listen(userId, () => done('event'));
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Yields SSE text until `signal` aborts; returning (or the consumer breaking off) removes every listener.
 * @example for await (const chunk of liveStream(log, hub, options)) socket.write(chunk);
 */
export async function* liveStream(
  log: LiveLogRepository,
  hub: LiveHub,
  options: LiveStreamOptions,
): AsyncGenerator<string> {
  const { userId, signal } = options;
  let after = options.lastEventId
    ? ((await log.seqOf(userId, options.lastEventId)) ?? 0)
    : await log.lastSeq(userId);
  yield sseRetry(3000);
  let lastWrite = Date.now();
  while (!signal.aborted) {
    const batch = await log.after(userId, after, 100);
    for (const event of batch) {
      yield sseEvent(event.eventId, event.type, event.envelope);
      after = event.seq;
      lastWrite = Date.now();
    }
    if (batch.length === 100) continue;
    const untilHeartbeat = options.heartbeatMs - (Date.now() - lastWrite);
    if (untilHeartbeat <= 0) {
      yield sseComment('heartbeat');
      lastWrite = Date.now();
      continue;
    }
    if ((await wait(hub, userId, Math.min(untilHeartbeat, options.pollMs), signal)) === 'abort') return;
  }
}

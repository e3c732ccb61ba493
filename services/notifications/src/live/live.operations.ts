// The streamEvents operation: answers with an SSE stream the gateway pipes to the client.
import type { OperationHandler } from '@concierge/platform';
import { callerId } from '../http/caller-id.js';
import type { LiveHub } from './live-hub.js';
import type { LiveLogRepository } from './live-log.repository.js';
import { liveStream } from './live-stream.js';

export interface LiveOperationOptions {
  heartbeatMs: number;
  pollMs: number;
  /** The signal the service's `stop()` aborts (a new one per `start()`), so open streams end with it. */
  shutdown: () => AbortSignal;
}

export function liveOperations(
  log: LiveLogRepository,
  hub: LiveHub,
  options: LiveOperationOptions,
): Record<string, OperationHandler> {
  return {
    streamEvents: async (r) => {
      const userId = callerId(r);
      const signal = r.signal ? AbortSignal.any([r.signal, options.shutdown()]) : options.shutdown();
      const lastEventId = r.headers['last-event-id'] || undefined;
      return {
        status: 200,
        headers: {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache',
          // Tells nginx-style proxies not to buffer, or events would arrive in bursts.
          'x-accel-buffering': 'no',
        },
        body: liveStream(log, hub, {
          userId,
          lastEventId,
          signal,
          heartbeatMs: options.heartbeatMs,
          pollMs: options.pollMs,
        }),
      };
    },
  };
}

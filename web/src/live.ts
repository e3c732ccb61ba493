// Live updates: reads the signed `GET /v1/events/stream` with fetch (EventSource cannot sign), parses the
// server-sent events and resumes after the last event id when the connection drops.
import type { ConciergeClient } from '@concierge/sdk';
import { store } from './store.js';

export interface LiveEvent {
  id: string;
  type: string;
  data: { orderId?: string; [key: string]: unknown };
}

/** The latest event; pages showing orders re-read them when it changes. */
export const lastEvent$ = store<LiveEvent | null>(null);

function parseBlock(block: string): { id?: string; event?: string; data: string } {
  const out: { id?: string; event?: string; data: string } = { data: '' };
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'id') out.id = value;
    else if (name === 'event') out.event = value;
    else if (name === 'data') out.data += out.data ? `\n${value}` : value;
  }
  return out;
}

/** Follows the caller's events until the returned function is called. */
export function followEvents(api: ConciergeClient, onEvent: (event: LiveEvent) => void): () => void {
  const controller = new AbortController();
  let lastId: string | undefined;
  let failures = 0;
  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        const { response } = await api.GET('/v1/events/stream', {
          parseAs: 'stream',
          signal: controller.signal,
          ...(lastId ? { params: { header: { 'Last-Event-ID': lastId } } } : {}),
        });
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        failures = 0;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n/g, '\n');
          for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
            const block = parseBlock(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (!block.data) continue;
            if (block.id) lastId = block.id;
            const envelope = JSON.parse(block.data) as { id: string; type: string; data: LiveEvent['data'] };
            onEvent({ id: envelope.id, type: block.event ?? envelope.type, data: envelope.data });
          }
        }
      } catch {
        if (controller.signal.aborted) return;
        failures++;
      }
      // Reconnect with a bounded, growing pause: 1 s, 2 s, 4 s … up to 30 s.
      const pause = Math.min(30_000, 1000 * 2 ** Math.min(failures, 5));
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  };
  void run();
  return () => controller.abort();
}

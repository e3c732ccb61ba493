// Embedded event bus: in-process fan-out, with events copied through JSON as a broker would.
import type { EventBus, EventEnvelope, EventHandler, Subscription } from '../ports/events.js';
import { matcher } from './pattern.js';

export interface MemoryEventBusOptions {
  /**
   * Receives every error a subscriber throws. A failing subscriber never fails the publish or
   * the other subscribers, so this is where such failures become visible (log them here).
   */
  onHandlerError: (error: unknown, event: EventEnvelope, pattern: string) => void;
}

interface Entry {
  pattern: string;
  matches: (type: string) => boolean;
  handler: EventHandler;
}

/**
 * An in-process bus. `publish` resolves once every matching subscriber has settled; each subscriber
 * gets its own JSON copy of the event, so what works here also works over the network.
 * @example
 * const bus = createMemoryEventBus({ onHandlerError: (err, e) => log.error({ err, type: e.type }) });
 * bus.subscribe('order.*', async (e) => notify(e.data));
 */
export function createMemoryEventBus(options: MemoryEventBusOptions): EventBus {
  const entries = new Set<Entry>();
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;

  const deliver = async (entry: Entry, json: string) => {
    const event = JSON.parse(json) as EventEnvelope;
    try {
      await entry.handler(event);
    } catch (error) {
      options.onHandlerError(error, event, entry.pattern);
    }
  };

  return {
    async publish<T>(event: EventEnvelope<T>) {
      if (closed) throw new Error('event bus is closed');
      const json = JSON.stringify(event);
      const targets = [...entries].filter((e) => e.matches(event.type));
      const delivery = Promise.all(targets.map((entry) => deliver(entry, json)));
      inFlight.add(delivery);
      try {
        await delivery;
      } finally {
        inFlight.delete(delivery);
      }
    },
    subscribe<T>(pattern: string, handler: EventHandler<T>): Subscription {
      const entry: Entry = { pattern, matches: matcher(pattern), handler: handler as EventHandler };
      entries.add(entry);
      return {
        async unsubscribe() {
          entries.delete(entry);
        },
      };
    },
    async close() {
      closed = true;
      entries.clear();
      await Promise.all(inFlight);
    },
  };
}

// An EventBus with a producer span per publish, a consumer span per handled event, and a publish hook.
import { SpanKind, type Tracer } from '@opentelemetry/api';
import type { EventBus, EventEnvelope } from '../ports/events.js';
import { inSpan, parentFrom, traceparentOf } from './trace-context.js';

export interface EventInstruments {
  /** Spans when given; the envelope's `traceparent` carries them from publisher to subscriber. */
  tracer?: Tracer;
  /** Which service (or process) handles the events, as a span attribute. */
  service: string;
  /** Called after each successful publish (e.g. to count order outcomes where they leave the service). */
  published?: (event: EventEnvelope) => void;
}

export function instrumentEventBus(bus: EventBus, instruments: EventInstruments): EventBus {
  const { tracer, service, published } = instruments;
  const attributes = (event: EventEnvelope) => ({
    'messaging.destination.name': event.type,
    'messaging.message.id': event.id,
    'concierge.process': service,
  });
  return {
    async publish(event) {
      if (!tracer) {
        await bus.publish(event);
      } else {
        const options = { kind: SpanKind.PRODUCER, attributes: attributes(event) };
        await inSpan(tracer, `publish ${event.type}`, options, parentFrom(event.traceparent), (span) =>
          bus.publish({ ...event, traceparent: traceparentOf(span) }),
        );
      }
      published?.(event);
    },
    subscribe<T>(pattern: string, handler: (event: EventEnvelope<T>) => Promise<void>) {
      if (!tracer) return bus.subscribe(pattern, handler);
      return bus.subscribe<T>(pattern, (event) => {
        const options = { kind: SpanKind.CONSUMER, attributes: attributes(event) };
        return inSpan(tracer, `handle ${event.type}`, options, parentFrom(event.traceparent), (span) =>
          handler({ ...event, traceparent: traceparentOf(span) }),
        );
      });
    },
    close: () => bus.close(),
  };
}

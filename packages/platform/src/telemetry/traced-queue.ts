// A Queue that opens a producer span per send and a consumer span per delivery, joined through `traceparent`.
import { SpanKind, type Tracer } from '@opentelemetry/api';
import type { ConsumeOptions, MessageHandler, Queue } from '../ports/queue.js';
import { inSpan, parentFrom, traceparentOf } from './trace-context.js';

/**
 * A send continues the trace its headers name (an outbox row remembers the request's) or the active
 * one; the handler sees its own span in `headers.traceparent`, so what it sends or publishes continues it.
 */
export function tracedQueue(queue: Queue, tracer: Tracer, service: string): Queue {
  return {
    send(name, body, options) {
      const parent = parentFrom(options?.headers?.traceparent);
      const attributes = { 'messaging.destination.name': name, 'concierge.process': service };
      return inSpan(tracer, `send ${name}`, { kind: SpanKind.PRODUCER, attributes }, parent, (span) =>
        queue.send(name, body, {
          ...options,
          headers: { ...options?.headers, traceparent: traceparentOf(span) },
        }),
      );
    },
    consume<T>(name: string, handler: MessageHandler<T>, options?: ConsumeOptions) {
      return queue.consume<T>(
        name,
        (message) => {
          const attributes = {
            'messaging.destination.name': name,
            'messaging.message.id': message.id,
            'concierge.process': service,
            'concierge.attempt': message.attempt,
          };
          const parent = parentFrom(message.headers.traceparent);
          return inSpan(tracer, `process ${name}`, { kind: SpanKind.CONSUMER, attributes }, parent, (span) =>
            handler({ ...message, headers: { ...message.headers, traceparent: traceparentOf(span) } }),
          );
        },
        options,
      );
    },
    depth: (name) => queue.depth(name),
    deadLetters: queue.deadLetters,
    check: () => queue.check(),
    close: () => queue.close(),
  };
}

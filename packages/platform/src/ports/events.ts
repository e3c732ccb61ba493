// Events port: publish/subscribe fan-out of enveloped domain events; every subscriber gets every event.

/** The envelope every event travels in (`api/events/*.json` describe `data` per type). */
export interface EventEnvelope<T = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  traceparent?: string;
  data: T;
}

export type EventHandler<T = unknown> = (event: EventEnvelope<T>) => Promise<void>;

export interface Subscription {
  unsubscribe(): Promise<void>;
}

export interface EventBus {
  publish<T>(event: EventEnvelope<T>): Promise<void>;
  /** `pattern` is an exact type or a prefix wildcard such as `order.*`. */
  subscribe<T>(pattern: string, handler: EventHandler<T>): Subscription;
  close(): Promise<void>;
}

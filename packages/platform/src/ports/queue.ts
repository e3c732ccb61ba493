// Queue port: durable, at-least-once work queues with visibility timeout, retries with backoff and a DLQ.

export interface QueueMessage<T = unknown> {
  id: string;
  queue: string;
  body: T;
  /** Carried with the message (e.g. `traceparent`). */
  headers: Record<string, string>;
  /** 1 on the first delivery. */
  attempt: number;
  enqueuedAt: Date;
}

export interface SendOptions {
  /** Deliver no earlier than this many milliseconds from now. */
  delayMs?: number;
  headers?: Record<string, string>;
  /** Caller-chosen id; sending the same id twice to the same queue enqueues it once. */
  id?: string;
}

export interface RetryPolicy {
  /** Deliveries before the message goes to the dead-letter queue. */
  maxAttempts: number;
  /** First retry delay; doubles each attempt, with full jitter, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface ConsumeOptions {
  concurrency?: number;
  /** A received message not acked within this time is delivered again. */
  visibilityTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** How long an idle consumer waits before polling again (pollers only). */
  idlePollMs?: number;
}

export interface DeadLetter<T = unknown> {
  id: string;
  queue: string;
  body: T;
  headers: Record<string, string>;
  attempts: number;
  lastError: string;
  failedAt: Date;
}

export interface Consumer {
  /** Stops taking new messages and waits for handlers in flight to finish. */
  stop(): Promise<void>;
}

/** Thrown by a handler to send its message straight to the DLQ (a permanent failure). */
export class PermanentFailure extends Error {
  override readonly name = 'PermanentFailure';
}

export type MessageHandler<T = unknown> = (message: QueueMessage<T>) => Promise<void>;

export interface Queue {
  send<T>(queue: string, body: T, options?: SendOptions): Promise<string>;
  /**
   * Runs `handler` for each message: resolve = ack; throw = retry with backoff (or DLQ after
   * `maxAttempts`, or at once for PermanentFailure).
   */
  consume<T>(queue: string, handler: MessageHandler<T>, options?: ConsumeOptions): Consumer;
  /** Messages waiting or in flight (not dead). */
  depth(queue: string): Promise<number>;
  deadLetters: {
    list(queue: string, options?: { limit?: number; after?: string }): Promise<DeadLetter[]>;
    get(queue: string, id: string): Promise<DeadLetter | undefined>;
    /** Moves a dead letter back to its queue with a fresh attempt count; false when it does not exist. */
    replay(queue: string, id: string): Promise<boolean>;
    discard(queue: string, id: string): Promise<boolean>;
    count(queue: string): Promise<number>;
  };
  check(): Promise<void>;
  close(): Promise<void>;
}

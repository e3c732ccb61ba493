// One consume() of a NATS queue: pulls at most `concurrency` messages at a time from the queue's durable
// consumer, acks on success, naks with backoff on failure, dead-letters after the last attempt; and moves
// the queue's delayed messages to ready when they are due.
import { type JsMsg, headers as natsHeaders } from 'nats';
import {
  type ConsumeOptions,
  type MessageHandler,
  PermanentFailure,
  type QueueMessage,
  type RetryPolicy,
} from '../ports/queue.js';
import { defaultRetryPolicy, retryDelayMs } from '../queue/backoff.js';
import { ensureConsumer, H, isInternalHeader, type NatsQueueContext, userHeaders } from './nats-queue.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Batch {
  stop(): void;
}

export class NatsConsumer {
  private readonly concurrency: number;
  private readonly visibilityMs: number;
  private readonly retry: RetryPolicy;
  private readonly pollMs: number;
  private readonly running = new Set<Promise<void>>();
  /** Handlers not yet finished, counted down the moment one finishes (before `running` forgets it). */
  private handling = 0;
  private readonly batches = new Set<Batch>();
  private loops: Promise<void>[] = [];
  private stopped = false;

  constructor(
    private readonly context: NatsQueueContext,
    private readonly queue: string,
    private readonly handler: MessageHandler,
    options: ConsumeOptions,
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.visibilityMs = options.visibilityTimeoutMs ?? 30_000;
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    // A pull request waits this long for messages before the next one (the client's minimum is 1 s).
    this.pollMs = Math.max(1_000, options.idlePollMs ?? 1_000);
  }

  start(): void {
    this.loops = [this.guarded('work', () => this.work()), this.guarded('delay', () => this.moveDelayed())];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const batch of this.batches) batch.stop();
    await Promise.all(this.loops);
    await Promise.all(this.running);
    // Acks and naks are publishes on this connection: once the server has answered a ping sent after
    // them, it has them all, so a queue depth read right after stop() no longer counts handled messages.
    if (!this.context.nc.isClosed()) await this.context.nc.flush().catch(() => {});
  }

  /** Runs `loop` until stopped, restarting it after an error (server down, stream deleted...). */
  private async guarded(what: string, loop: () => Promise<void>): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await loop();
        failures = 0;
      } catch (error) {
        if (this.stopped) return;
        failures++;
        this.context.logger?.warn({ err: error, queue: this.queue, loop: what }, 'NATS consumer loop failed');
        await sleep(Math.min(5_000, 100 * 2 ** Math.min(failures, 6)));
      }
    }
  }

  private async work(): Promise<void> {
    const { names } = this.context;
    const durable = names.readyConsumer(this.queue);
    await ensureConsumer(this.context, durable, names.ready(this.queue), this.visibilityMs);
    const consumer = await this.context.js.consumers.get(names.queueStream, durable);
    while (!this.stopped) {
      const free = this.concurrency - this.running.size;
      if (free <= 0) {
        await Promise.race(this.running);
        continue;
      }
      const batch = await consumer.fetch({ max_messages: free, expires: this.pollMs });
      this.batches.add(batch);
      try {
        for await (const m of batch) {
          if (this.stopped) {
            m.nak();
            continue;
          }
          const run = this.deliver(m).finally(() => this.running.delete(run));
          this.running.add(run);
        }
      } finally {
        this.batches.delete(batch);
      }
    }
  }

  private async deliver(m: JsMsg): Promise<void> {
    const attempt = m.info.redeliveryCount;
    const id = m.headers?.get(H.id) || `${m.seq}`;
    const headers = userHeaders(m.headers);
    let body: unknown;
    try {
      body = m.json();
    } catch {
      body = m.string();
    }
    if (attempt > this.retry.maxAttempts) {
      // The previous delivery outlived its visibility timeout and was the last one allowed.
      await this.bury(m, id, body, headers, attempt - 1, 'visibility timeout expired');
      return;
    }
    const enqueuedAt = new Date(m.headers?.get(H.enqueuedAt) || m.info.timestampNanos / 1e6);
    const message: QueueMessage = { id, queue: this.queue, body, headers, attempt, enqueuedAt };
    this.handling++;
    let others: number;
    try {
      await this.handler(message);
      others = --this.handling;
    } catch (error) {
      this.handling--;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.context.logger?.warn({ err: error, queue: this.queue, id, attempt }, 'message handler failed');
      if (error instanceof PermanentFailure || attempt >= this.retry.maxAttempts) {
        await this.bury(m, id, body, headers, attempt, reason);
      } else {
        m.nak(retryDelayMs(attempt, this.retry));
      }
      return;
    }
    // While other deliveries are in flight the ack goes unconfirmed (a lost one means a redelivery,
    // which at-least-once allows); the last one in flight is confirmed, and since the server takes a
    // consumer's acks in order, that confirms every earlier one too: when stop() returns (or the consumer
    // goes idle) the queue no longer counts what was handled. Three times the throughput under load.
    // `others` is counted down synchronously as each handler finishes, so of handlers finishing in the
    // same turn exactly the last one confirms (`running.size` still counted the others then).
    if (others > 0) return void m.ack();
    await m.ackAck({ timeout: this.context.timeoutMs }).catch((error) => {
      this.context.logger?.warn(
        { err: error, queue: this.queue, id },
        'ack not confirmed; may be delivered again',
      );
    });
  }

  private async bury(
    m: JsMsg,
    id: string,
    body: unknown,
    headers: Record<string, string>,
    attempts: number,
    lastError: string,
  ): Promise<void> {
    try {
      await this.context.bury(this.queue, {
        id,
        body,
        headers,
        attempts,
        lastError,
        failedAt: new Date().toISOString(),
      });
    } catch (error) {
      // The DLQ is unreachable: leave the message for a later delivery rather than lose it.
      this.context.logger?.error({ err: error, queue: this.queue, id }, 'could not dead-letter a message');
      m.nak(1_000);
      return;
    }
    await m.ackAck({ timeout: this.context.timeoutMs }).catch(() => false);
  }

  /** Republishes delayed messages once due; a message not yet due is nak'd until then. */
  private async moveDelayed(): Promise<void> {
    const { names } = this.context;
    const durable = names.delayConsumer(this.queue);
    await ensureConsumer(this.context, durable, names.delayed(this.queue), 30_000);
    const consumer = await this.context.js.consumers.get(names.queueStream, durable);
    while (!this.stopped) {
      const batch = await consumer.fetch({ max_messages: 256, expires: this.pollMs });
      this.batches.add(batch);
      try {
        for await (const m of batch) {
          if (this.stopped) {
            m.nak();
            continue;
          }
          const due = Number(m.headers?.get(H.deliverAt) || 0);
          const wait = due - Date.now();
          if (wait > 0) {
            m.nak(wait);
            continue;
          }
          const h = natsHeaders();
          for (const key of m.headers?.keys() ?? [])
            if (!isInternalHeader(key) || key === H.id || key === H.enqueuedAt)
              h.set(key, m.headers!.get(key));
          const id = m.headers?.get(H.id) || `${m.seq}`;
          await this.context.publishReady(this.queue, id, m.data, h, `${this.queue}/${id}/due/${m.seq}`);
          m.ack();
        }
      } finally {
        this.batches.delete(batch);
      }
    }
  }
}

// Queue port on NATS JetStream: one work-queue stream per installation holding every queue's ready and
// delayed messages, one durable pull consumer per queue shared by all its workers, a DLQ stream.
//
// Retries: a failed delivery is nak'd with the backoff delay, so JetStream's delivery count is the
// attempt number. Visibility timeout: the consumer's ack wait. `delayMs`: the message waits on a
// "delayed" subject whose mover (run by any consumer of the queue) republishes it when due, so a
// delay never counts as a delivery. Ids: `Nats-Msg-Id`, deduplicated within the stream's window.
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type MsgHdrs,
  type NatsConnection,
  nanos,
  headers as natsHeaders,
  RetentionPolicy,
  StorageType,
} from 'nats';
import { newId } from '../ids/ids.js';
import type { Logger } from '../logging/logger.js';
import type {
  ConsumeOptions,
  Consumer,
  DeadLetter,
  MessageHandler,
  Queue,
  SendOptions,
} from '../ports/queue.js';
import { NatsConsumer } from './nats-consumer.js';
import { lazyJetStreamManager, type NatsNames, natsNames, untoken } from './nats-names.js';

export interface NatsQueueOptions {
  nc: NatsConnection;
  /** Names every stream and subject (default `concierge`): one prefix per installation. */
  prefix?: string;
  logger?: Logger;
  /** JetStream API and publish timeout (default 5 s). */
  timeoutMs?: number;
  /** How long a caller-chosen id is remembered for deduplication (default 2 minutes). */
  duplicateWindowMs?: number;
  replicas?: number;
}

export const H = {
  id: 'Concierge-Id',
  enqueuedAt: 'Concierge-Enqueued-At',
  deliverAt: 'Concierge-Deliver-At',
} as const;

/** Headers of ours and of NATS, kept out of the message headers a handler sees. */
export const isInternalHeader = (key: string) => /^(concierge|nats)-/i.test(key);

interface DeadRecord {
  id: string;
  body: unknown;
  headers: Record<string, string>;
  attempts: number;
  lastError: string;
  failedAt: string;
}

export interface NatsQueueContext {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: () => Promise<JetStreamManager>;
  names: NatsNames;
  logger?: Logger;
  timeoutMs: number;
  ensureStreams(): Promise<void>;
  publishReady(queue: string, id: string, data: Uint8Array, headers: MsgHdrs, msgId: string): Promise<void>;
  bury(queue: string, record: DeadRecord): Promise<void>;
}

const isNotFound = (error: unknown) => {
  const e = error as { code?: string; api_error?: { code?: number }; message?: string };
  return e?.code === '404' || e?.api_error?.code === 404 || /not found/i.test(e?.message ?? '');
};

/** Copies user headers of a NATS message into a plain object. */
export function userHeaders(h: MsgHdrs | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  for (const key of h.keys()) if (!isInternalHeader(key)) out[key] = h.get(key);
  return out;
}

/** A Queue on JetStream; the connection stays the caller's to close. */
export function createNatsQueue(options: NatsQueueOptions): Queue {
  const names = natsNames(options.prefix ?? 'concierge');
  const timeoutMs = options.timeoutMs ?? 5_000;
  const { nc } = options;
  const js = nc.jetstream({ timeout: timeoutMs });
  const jsm = lazyJetStreamManager(nc, timeoutMs);
  let streams: Promise<void> | undefined;
  const consumers = new Set<NatsConsumer>();
  let closed = false;

  const ensureStreams = () => {
    streams ??= (async () => {
      const m = await jsm();
      const replicas = options.replicas ?? 1;
      await addOrUpdate(m, {
        name: names.queueStream,
        subjects: [`${names.prefix}.q.>`, `${names.prefix}.d.>`],
        retention: RetentionPolicy.Workqueue,
        storage: StorageType.File,
        duplicate_window: nanos(options.duplicateWindowMs ?? 120_000),
        num_replicas: replicas,
      });
      await addOrUpdate(m, {
        name: names.deadStream,
        subjects: [`${names.prefix}.dlq.>`],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        max_msgs_per_subject: 1,
        discard: DiscardPolicy.Old,
        allow_direct: true,
        num_replicas: replicas,
      });
    })().catch((error) => {
      streams = undefined;
      throw error;
    });
    return streams;
  };

  const context: NatsQueueContext = {
    nc,
    js,
    jsm,
    names,
    timeoutMs,
    ...(options.logger ? { logger: options.logger } : {}),
    ensureStreams,
    async publishReady(queue, _id, data, headers, msgId) {
      await js.publish(names.ready(queue), data, { headers, msgID: msgId, timeout: timeoutMs });
    },
    async bury(queue, record) {
      await js.publish(names.dead(queue, record.id), JSON.stringify(record), { timeout: timeoutMs });
    },
  };

  const readDead = async (queue: string, id: string): Promise<DeadRecord | undefined> => {
    await ensureStreams();
    try {
      const stored = await (await jsm()).streams.getMessage(names.deadStream, {
        last_by_subj: names.dead(queue, id),
      });
      return stored.json<DeadRecord>();
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  const toDeadLetter = (queue: string, r: DeadRecord): DeadLetter => ({
    id: r.id,
    queue,
    body: r.body,
    headers: r.headers,
    attempts: r.attempts,
    lastError: r.lastError,
    failedAt: new Date(r.failedAt),
  });
  const subjectCounts = async (stream: string, filter: string): Promise<Record<string, number>> => {
    await ensureStreams();
    const info = await (await jsm()).streams.info(stream, { subjects_filter: filter });
    return (info.state.subjects ?? {}) as Record<string, number>;
  };
  const deadIds = async (queue: string): Promise<string[]> => {
    const subjects = await subjectCounts(names.deadStream, names.deadAll(queue));
    const prefix = names.dead(queue, 'x').slice(0, -1);
    return Object.keys(subjects)
      .map((s) => untoken(s.slice(prefix.length)))
      .sort();
  };
  const purgeDead = async (queue: string, id: string): Promise<boolean> => {
    const result = await (await jsm()).streams.purge(names.deadStream, { filter: names.dead(queue, id) });
    return result.purged > 0;
  };

  return {
    async send<T>(queue: string, body: T, opts: SendOptions = {}) {
      if (closed) throw new Error('queue is closed');
      await ensureStreams();
      const id = opts.id ?? newId();
      const h = natsHeaders();
      for (const [k, v] of Object.entries(opts.headers ?? {})) h.set(k, v);
      h.set(H.id, id);
      h.set(H.enqueuedAt, new Date().toISOString());
      const data = Buffer.from(JSON.stringify(body ?? null));
      const delay = Math.max(0, opts.delayMs ?? 0);
      if (delay > 0) {
        h.set(H.deliverAt, String(Date.now() + delay));
        await js.publish(names.delayed(queue), data, {
          headers: h,
          msgID: `${queue}/${id}`,
          timeout: timeoutMs,
        });
      } else {
        await js.publish(names.ready(queue), data, {
          headers: h,
          msgID: `${queue}/${id}`,
          timeout: timeoutMs,
        });
      }
      return id;
    },
    consume<T>(queue: string, handler: MessageHandler<T>, opts: ConsumeOptions = {}): Consumer {
      if (closed) throw new Error('queue is closed');
      const consumer = new NatsConsumer(context, queue, handler as MessageHandler, opts);
      consumers.add(consumer);
      consumer.start();
      return {
        async stop() {
          await consumer.stop();
          consumers.delete(consumer);
        },
      };
    },
    async depth(queue) {
      const counts = await subjectCounts(names.queueStream, names.anyState(queue));
      return Object.values(counts).reduce((a, b) => a + b, 0);
    },
    deadLetters: {
      async list(queue, opts = {}) {
        const ids = (await deadIds(queue)).filter((id) => opts.after === undefined || id > opts.after);
        const page = ids.slice(0, opts.limit ?? 100);
        const records = await Promise.all(page.map((id) => readDead(queue, id)));
        return records.filter((r): r is DeadRecord => r !== undefined).map((r) => toDeadLetter(queue, r));
      },
      async get(queue, id) {
        const record = await readDead(queue, id);
        return record && toDeadLetter(queue, record);
      },
      async replay(queue, id) {
        const record = await readDead(queue, id);
        if (!record) return false;
        const h = natsHeaders();
        for (const [k, v] of Object.entries(record.headers)) h.set(k, v);
        h.set(H.id, id);
        h.set(H.enqueuedAt, new Date().toISOString());
        await js.publish(names.ready(queue), Buffer.from(JSON.stringify(record.body ?? null)), {
          headers: h,
          msgID: `${queue}/${id}/replay/${newId()}`,
          timeout: timeoutMs,
        });
        await purgeDead(queue, id);
        return true;
      },
      async discard(queue, id) {
        await ensureStreams();
        return purgeDead(queue, id);
      },
      async count(queue) {
        const counts = await subjectCounts(names.deadStream, names.deadAll(queue));
        return Object.values(counts).reduce((a, b) => a + b, 0);
      },
    },
    async check() {
      if (nc.isClosed()) throw new Error('NATS connection is closed');
      await ensureStreams();
      await (await jsm()).streams.info(names.queueStream);
    },
    async close() {
      closed = true;
      await Promise.all([...consumers].map((c) => c.stop()));
      consumers.clear();
    },
  };
}

type StreamSpec = Parameters<JetStreamManager['streams']['add']>[0] & { name: string };

async function addOrUpdate(m: JetStreamManager, spec: StreamSpec): Promise<void> {
  try {
    await m.streams.info(spec.name);
    await m.streams.update(spec.name, spec);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await m.streams.add(spec);
    } catch (addError) {
      // Another process created it first.
      if (!/already in use|exists/i.test(String(addError))) throw addError;
    }
  }
}

/** Creates or updates the durable pull consumer `name` on the queue stream. */
export async function ensureConsumer(
  context: NatsQueueContext,
  name: string,
  filter: string,
  ackWaitMs: number,
): Promise<void> {
  await context.ensureStreams();
  const m = await context.jsm();
  const config = {
    durable_name: name,
    filter_subject: filter,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(ackWaitMs),
    max_deliver: -1,
    max_ack_pending: 20_000,
  };
  try {
    const info = await m.consumers.info(context.names.queueStream, name);
    if (info.config.ack_wait !== config.ack_wait)
      await m.consumers.update(context.names.queueStream, name, { ack_wait: config.ack_wait });
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await m.consumers.add(context.names.queueStream, config);
  }
}

export type { JsMsg };

// The orders relays publishing batches concurrently to real NATS JetStream (NATS_URL), with the outbox on
// SQLite (the embedded mode's store; PostgreSQL shares the code): each message reaches the stream once even
// when part of a batch fails, an acknowledgement is lost, a publish never answers, or rows are sent again.
import {
  createNatsEventBus,
  createNatsQueue,
  createSqliteStore,
  type EventBus,
  natsNames,
  type Queue,
  type SqlStore,
} from '@concierge/platform';
import { type NatsFixture, tempNats } from '@concierge/platform/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ordersMigrations } from '../migrations/orders.migrations.js';
import type { OrdersDb } from '../orders.tables.js';
import type { NewOutboxRow } from './outbox.repository.js';
import { OutboxRepository } from './outbox.repository.js';
import { createRelays } from './relays.js';

const url = process.env.NATS_URL;
const at = '2026-06-15T16:00:00.000Z';
const now = () => new Date(at);

const queueRow = (i: number): NewOutboxRow => ({
  id: `msg_${String(i).padStart(4, '0')}`,
  kind: 'queue',
  topic: 'orders.placed',
  payload: JSON.stringify({ orderId: `ord_${i}` }),
  headers: JSON.stringify({ 'event-type': 'order.placed' }),
  created_at: at,
});

const eventRow = (i: number): NewOutboxRow => {
  const id = `evt_${String(i).padStart(4, '0')}`;
  const type = i % 2 ? 'order.confirmed' : 'order.placed';
  return {
    id,
    kind: 'event',
    topic: type,
    payload: JSON.stringify({ id, type, version: 1, occurredAt: at, data: { orderId: `ord_${i}` } }),
    headers: '{}',
    created_at: at,
  };
};

/** Drains the queue through the workers' consumer; the message ids in the order received. */
async function drain(queue: Queue, expected: number): Promise<string[]> {
  const ids: string[] = [];
  let done: () => void = () => {};
  const all = new Promise<void>((resolve) => {
    done = resolve;
  });
  const consumer = queue.consume(
    'orders.placed',
    async (m) => {
      ids.push(m.id);
      if (ids.length === expected) done();
    },
    { concurrency: 64 },
  );
  await all;
  await consumer.stop();
  return ids;
}

describe.skipIf(!url)('orders relays on NATS JetStream, concurrent batches', () => {
  let nats: NatsFixture;
  let store: SqlStore;
  let outbox: OutboxRepository;
  let queue: Queue;
  let events: EventBus;

  beforeEach(async () => {
    nats = await tempNats(url!);
    store = createSqliteStore({ file: ':memory:' });
    await store.migrate(ordersMigrations);
    outbox = new OutboxRepository(store.db as OrdersDb);
    queue = createNatsQueue({ nc: nats.nc, prefix: nats.prefix });
    events = createNatsEventBus({ nc: nats.nc, prefix: nats.prefix, onHandlerError: () => {} });
  });
  afterEach(async () => {
    await queue.close();
    await events.close();
    await store.close();
    await nats.dispose();
  });

  const relaysOver = (
    q: Queue,
    options: { timeoutMs?: number; batchSize?: number; inFlight?: number } = {},
  ) =>
    createRelays({
      outbox,
      queue: q,
      events,
      now,
      pollMs: 20,
      timeoutMs: options.timeoutMs ?? 5_000,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      ...(options.inFlight ? { inFlight: options.inFlight } : {}),
    });
  const unsent = async (kind: 'queue' | 'event') => (await outbox.unsent(kind, 10_000)).map((r) => r.id);
  const eventsStored = async () => {
    const jsm = await nats.nc.jetstreamManager();
    return (await jsm.streams.info(natsNames(nats.prefix).eventStream)).state.messages;
  };

  it('publishes batches concurrently, each row once, and the workers receive every message once', async () => {
    await outbox.add(Array.from({ length: 300 }, (_, i) => queueRow(i)));
    await outbox.add(Array.from({ length: 40 }, (_, i) => eventRow(i)));
    const relays = relaysOver(queue, { batchSize: 120, inFlight: 16 });
    await relays.flush();
    expect(await unsent('queue')).toEqual([]);
    expect(await unsent('event')).toEqual([]);
    expect(await queue.depth('orders.placed')).toBe(300);
    expect(await eventsStored()).toBe(40);
    const ids = await drain(queue, 300);
    expect(new Set(ids).size).toBe(300);
  });

  it('leaves only the failed rows of a batch for the next pass, which sends each of them once', async () => {
    await outbox.add(Array.from({ length: 50 }, (_, i) => queueRow(i)));
    const failing = new Set(['msg_0003', 'msg_0017', 'msg_0049']);
    const flaky: Queue = {
      ...queue,
      async send(name, body, options) {
        if (options?.id && failing.delete(options.id)) throw new Error('publish failed');
        return queue.send(name, body, options);
      },
    };
    const relays = relaysOver(flaky, { inFlight: 8 });
    await expect(relays.queue.relayOnce()).rejects.toThrow('publish failed');
    expect(await unsent('queue')).toEqual(['msg_0003', 'msg_0017', 'msg_0049']);
    expect(await queue.depth('orders.placed')).toBe(47);
    expect(await relays.queue.relayOnce()).toBe(3);
    expect(await unsent('queue')).toEqual([]);
    const ids = await drain(queue, 50);
    expect(new Set(ids).size).toBe(50);
  });

  it('sends again a row whose acknowledgement was lost, and the stream keeps it once', async () => {
    await outbox.add(Array.from({ length: 30 }, (_, i) => queueRow(i)));
    const lost = new Set(['msg_0000', 'msg_0011', 'msg_0029']);
    const ackLost: Queue = {
      ...queue,
      async send(name, body, options) {
        const id = await queue.send(name, body, options);
        if (options?.id && lost.delete(options.id)) throw new Error('acknowledgement lost');
        return id;
      },
    };
    const relays = relaysOver(ackLost, { inFlight: 8 });
    await expect(relays.queue.relayOnce()).rejects.toThrow('acknowledgement lost');
    expect(await unsent('queue')).toEqual(['msg_0000', 'msg_0011', 'msg_0029']);
    expect(await queue.depth('orders.placed')).toBe(30);
    expect(await relays.queue.relayOnce()).toBe(3);
    expect(await queue.depth('orders.placed')).toBe(30);
    const ids = await drain(queue, 30);
    expect(ids.sort()).toEqual(Array.from({ length: 30 }, (_, i) => queueRow(i).id));
  });

  it('deduplicates a whole resend (a crash between publishing and marking the rows sent)', async () => {
    await outbox.add(Array.from({ length: 60 }, (_, i) => queueRow(i)));
    await outbox.add(Array.from({ length: 20 }, (_, i) => eventRow(i)));
    const relays = relaysOver(queue, { inFlight: 16 });
    await relays.flush();
    await (store.db as OrdersDb).updateTable('orders_outbox').set({ sent_at: null }).execute();
    await relays.flush();
    expect(await unsent('queue')).toEqual([]);
    expect(await queue.depth('orders.placed')).toBe(60);
    expect(await eventsStored()).toBe(20);
  });

  it('gives up on a publish that never answers after the relay timeout, and sends the rest', async () => {
    await outbox.add(Array.from({ length: 20 }, (_, i) => queueRow(i)));
    let hang = true;
    const stuck: Queue = {
      ...queue,
      send(name, body, options) {
        if (options?.id === 'msg_0005' && hang) return new Promise<string>(() => {});
        return queue.send(name, body, options);
      },
    };
    const relays = relaysOver(stuck, { timeoutMs: 300, inFlight: 4 });
    await expect(relays.queue.relayOnce()).rejects.toThrow(/did not answer/);
    expect(await unsent('queue')).toEqual(['msg_0005']);
    expect(await queue.depth('orders.placed')).toBe(19);
    hang = false;
    expect(await relays.queue.relayOnce()).toBe(1);
    expect(await queue.depth('orders.placed')).toBe(20);
  });
});

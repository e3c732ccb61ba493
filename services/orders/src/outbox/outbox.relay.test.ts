// The relay delivers committed rows in order, marks only delivered ones, and retries the rest.
import { createSqliteStore } from '@concierge/platform';
import { eventually } from '@concierge/platform/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ordersMigrations } from '../migrations/orders.migrations.js';
import type { OrdersDb, OutboxTable } from '../orders.tables.js';
import { OutboxRelay } from './outbox.relay.js';
import { OutboxRepository } from './outbox.repository.js';

let outbox: OutboxRepository;
let close: () => Promise<void>;
const now = () => new Date('2026-06-15T16:00:00Z');

beforeEach(async () => {
  const store = createSqliteStore({ file: ':memory:' });
  await store.migrate(ordersMigrations);
  outbox = new OutboxRepository(store.db as OrdersDb);
  close = () => store.close();
  const row = (id: string) => ({
    id,
    kind: 'queue' as const,
    topic: 't',
    payload: '{}',
    headers: '{}',
    created_at: 'x',
  });
  await outbox.add([row('msg_1'), row('msg_2'), row('msg_3')]);
});
afterEach(() => close());

describe('OutboxRelay', () => {
  it('delivers in id order and marks the rows sent', async () => {
    const seen: string[] = [];
    const sut = new OutboxRelay(outbox, { kind: 'queue', now, deliver: async (r) => void seen.push(r.id) });
    expect(await sut.relayOnce()).toBe(3);
    expect(seen).toEqual(['msg_1', 'msg_2', 'msg_3']);
    expect(await outbox.unsent('queue', 10)).toEqual([]);
    expect(await sut.relayOnce()).toBe(0);
  });

  it('keeps a row whose delivery failed, and those after it, for the next round', async () => {
    let failing = true;
    const seen: string[] = [];
    const deliver = async (r: OutboxTable) => {
      if (r.id === 'msg_2' && failing) throw new Error('queue down');
      seen.push(r.id);
    };
    const sut = new OutboxRelay(outbox, { kind: 'queue', now, deliver, pollMs: 5 });
    sut.start();
    await eventually(() => expect(seen).toEqual(['msg_1']));
    expect((await outbox.unsent('queue', 10)).map((r) => r.id)).toEqual(['msg_2', 'msg_3']);
    failing = false;
    await eventually(() => expect(seen).toEqual(['msg_1', 'msg_2', 'msg_3']));
    await sut.stop();
  });

  it('delivering a batch at once, marks every row delivered and keeps only the failed one', async () => {
    let failing = true;
    const seen: string[] = [];
    const deliver = async (r: OutboxTable) => {
      if (r.id === 'msg_2' && failing) throw new Error('bus down');
      seen.push(r.id);
    };
    const sut = new OutboxRelay(outbox, { kind: 'queue', now, deliver, inFlight: 8 });
    await expect(sut.relayOnce()).rejects.toThrow('bus down');
    expect(seen.sort()).toEqual(['msg_1', 'msg_3']);
    expect((await outbox.unsent('queue', 10)).map((r) => r.id)).toEqual(['msg_2']);
    failing = false;
    expect(await sut.relayOnce()).toBe(1);
    expect(seen.sort()).toEqual(['msg_1', 'msg_2', 'msg_3']);
    expect(await outbox.unsent('queue', 10)).toEqual([]);
  });

  it('delivering at once, never has more than `inFlight` deliveries awaiting', async () => {
    await outbox.add(
      Array.from({ length: 20 }, (_, i) => ({
        id: `msg_x${String(i).padStart(2, '0')}`,
        kind: 'queue' as const,
        topic: 't',
        payload: '{}',
        headers: '{}',
        created_at: 'x',
      })),
    );
    let awaiting = 0;
    let most = 0;
    const seen: string[] = [];
    const deliver = async (r: OutboxTable) => {
      most = Math.max(most, ++awaiting);
      await new Promise((resolve) => setTimeout(resolve, 1));
      awaiting--;
      seen.push(r.id);
    };
    const sut = new OutboxRelay(outbox, { kind: 'queue', now, deliver, inFlight: 4, batchSize: 50 });
    expect(await sut.relayOnce()).toBe(23);
    expect(most).toBe(4);
    expect(new Set(seen).size).toBe(23);
    expect(await outbox.unsent('queue', 50)).toEqual([]);
  });

  it('delivering at once, marks nothing of a batch whose every delivery failed', async () => {
    const sut = new OutboxRelay(outbox, {
      kind: 'queue',
      now,
      inFlight: 8,
      deliver: async () => {
        throw new Error('queue down');
      },
    });
    await expect(sut.relayOnce()).rejects.toThrow('queue down');
    expect(await outbox.unsent('queue', 10)).toHaveLength(3);
  });

  it('leaves rows of the other kind alone', async () => {
    const sut = new OutboxRelay(outbox, { kind: 'event', now, deliver: async () => {} });
    expect(await sut.relayOnce()).toBe(0);
    expect(await outbox.unsent('queue', 10)).toHaveLength(3);
  });
});

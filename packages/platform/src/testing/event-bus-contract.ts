// Contract every EventBus adapter must pass: fan-out, wildcards, unsubscribe, isolation of failures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../ids/ids.js';
import type { EventBus, EventEnvelope } from '../ports/events.js';
import { eventually, sleep } from './eventually.js';

export interface EventBusFixture {
  bus: EventBus;
  dispose(): Promise<void>;
}

/** What the adapter under test must report subscriber failures to. */
export type HandlerErrorSink = (error: unknown, event: EventEnvelope) => void;

const event = (type: string, data: unknown = {}): EventEnvelope => ({
  id: newId(),
  type,
  version: 1,
  occurredAt: new Date().toISOString(),
  data,
});

/** Registers the EventBus contract; `makeBus` must wire its subscriber-failure reporting to `onHandlerError`. */
export function eventBusContract(
  name: string,
  makeBus: (onHandlerError: HandlerErrorSink) => Promise<EventBusFixture>,
): void {
  describe(`EventBus contract: ${name}`, () => {
    let fixture: EventBusFixture;
    let failures: { error: unknown; event: EventEnvelope }[];
    const bus = () => fixture.bus;
    beforeEach(async () => {
      failures = [];
      fixture = await makeBus((error, e) => failures.push({ error, event: e }));
    });
    afterEach(async () => {
      await fixture.bus.close();
      await fixture.dispose();
    });

    it('fans an event out to every subscriber of its type, and only to them', async () => {
      const a: string[] = [];
      const b: string[] = [];
      const other: string[] = [];
      bus().subscribe('order.placed', async (e) => void a.push(e.id));
      bus().subscribe('order.placed', async (e) => void b.push(e.id));
      bus().subscribe('order.cancelled', async (e) => void other.push(e.id));
      const placed = event('order.placed', { orderId: 'o_1' });
      await bus().publish(placed);
      await eventually(() => expect([a, b]).toEqual([[placed.id], [placed.id]]));
      await sleep(50);
      expect(other).toEqual([]);
    });

    it('matches prefix wildcards on whole segments', async () => {
      const orders: string[] = [];
      const all: string[] = [];
      bus().subscribe('order.*', async (e) => void orders.push(e.type));
      bus().subscribe('*', async (e) => void all.push(e.type));
      for (const type of ['order.placed', 'orders.archived', 'payment.failed', 'order.line.added'])
        await bus().publish(event(type));
      await eventually(() => expect(all).toHaveLength(4));
      expect(orders.sort()).toEqual(['order.line.added', 'order.placed']);
    });

    it('stops delivering to a subscriber after unsubscribe', async () => {
      const gone: string[] = [];
      const kept: string[] = [];
      const sub = bus().subscribe('cart.updated', async (e) => void gone.push(e.id));
      bus().subscribe('cart.updated', async (e) => void kept.push(e.id));
      await bus().publish(event('cart.updated'));
      await eventually(() => expect(gone).toHaveLength(1));
      await sub.unsubscribe();
      await bus().publish(event('cart.updated'));
      await eventually(() => expect(kept).toHaveLength(2));
      await sleep(50);
      expect(gone).toHaveLength(1);
    });

    it('isolates a failing subscriber and reports its error', async () => {
      const received: string[] = [];
      bus().subscribe('order.placed', async () => {
        throw new Error('mailer down');
      });
      bus().subscribe('order.placed', async (e) => void received.push(e.id));
      const first = event('order.placed');
      const second = event('order.placed');
      await bus().publish(first);
      await bus().publish(second);
      await eventually(() => expect(received).toEqual([first.id, second.id]));
      await eventually(() => expect(failures.map((f) => f.event.id)).toEqual([first.id, second.id]));
      expect(String(failures[0]!.error)).toContain('mailer down');
    });

    it('delivers data as JSON, a private copy per subscriber', async () => {
      const seen: unknown[] = [];
      bus().subscribe('note.added', async (e) => {
        (e.data as { tags: string[] }).tags.push('mutated');
      });
      bus().subscribe('note.added', async (e) => {
        await sleep(10);
        seen.push(e.data);
      });
      await bus().publish(event('note.added', { at: new Date('2026-01-02T03:04:05Z'), tags: ['a'] }));
      await eventually(() => expect(seen).toEqual([{ at: '2026-01-02T03:04:05.000Z', tags: ['a'] }]));
    });
  });
}

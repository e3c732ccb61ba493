// The NATS JetStream queue against the shared contract, at NATS_URL, under a prefix of its own per test.
import { describe, expect, it } from 'vitest';
import { eventually, queueContract, tempNats } from '../testing/index.js';
import { createNatsQueue } from './nats-queue.js';

const url = process.env.NATS_URL;

describe.skipIf(!url)('nats queue', () => {
  queueContract('nats', async () => {
    const fixture = await tempNats(url!);
    return { queue: createNatsQueue({ nc: fixture.nc, prefix: fixture.prefix }), dispose: fixture.dispose };
  });

  it('shares a queue between two workers on separate connections, each message handled once', async () => {
    const one = await tempNats(url!);
    const two = await tempNats(url!);
    const a = createNatsQueue({ nc: one.nc, prefix: one.prefix });
    const b = createNatsQueue({ nc: two.nc, prefix: one.prefix });
    const seen: string[] = [];
    const handled = new Set<string>();
    try {
      for (let i = 0; i < 40; i++) await a.send('shared', i, { id: `m-${i}` });
      const handler = (who: string) => async (m: { id: string }) => {
        seen.push(m.id);
        handled.add(who);
      };
      const ca = a.consume('shared', handler('a'), { concurrency: 4 });
      const cb = b.consume('shared', handler('b'), { concurrency: 4 });
      await eventually(() => expect(seen).toHaveLength(40), { timeoutMs: 15_000 });
      await Promise.all([ca.stop(), cb.stop()]);
      expect(new Set(seen).size).toBe(40);
      expect(await a.depth('shared')).toBe(0);
    } finally {
      await a.close();
      await b.close();
      await two.nc.close();
      await one.dispose();
    }
  });

  it('keeps queue names with dots, spaces and unicode apart', async () => {
    const fixture = await tempNats(url!);
    const queue = createNatsQueue({ nc: fixture.nc, prefix: fixture.prefix });
    try {
      await queue.send('orders.placed', 1, { id: 'a.b c' });
      await queue.send('orders placed', 2);
      await queue.send('órdenes', 3);
      expect(await queue.depth('orders.placed')).toBe(1);
      expect(await queue.depth('orders placed')).toBe(1);
      expect(await queue.depth('órdenes')).toBe(1);
      expect(await queue.depth('orders')).toBe(0);
    } finally {
      await queue.close();
      await fixture.dispose();
    }
  });
});

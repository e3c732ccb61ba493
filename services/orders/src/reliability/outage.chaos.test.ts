// A 30-second payment outage: orders wait, then all complete after recovery; none fails because of it.
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from './audit.js';
import { openChaos } from './chaos.fixture.js';

const orderCount = 200;
const outageMs = 30_000;
let chaos: Awaited<ReturnType<typeof openChaos>> | undefined;
afterAll(() => chaos?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('payment processor outage', () => {
  it('delays orders without failing or dead-lettering any', async () => {
    chaos = await openChaos();
    chaos.orders.relays.start();
    chaos.orders.worker.start();
    chaos.payments.setOutage(true);
    const started = Date.now();
    for (let n = 0; n < orderCount; n += 50)
      await Promise.all(Array.from({ length: 50 }, (_, i) => chaos!.place(n + i)));
    await sleep(outageMs - (Date.now() - started));
    const pendingAtRecovery = await chaos.pending();
    chaos.payments.setOutage(false);
    const recovered = Date.now();
    while ((await chaos.pending()) > 0 && Date.now() - recovered < 120_000) await sleep(250);
    await chaos.orders.relays.flush();

    const result = await audit(chaos.db, await chaos.payments.ledger.all(), chaos.expected);
    const report = {
      ...result,
      pendingAtRecovery,
      drainAfterRecoveryMs: Date.now() - recovered,
      deadLetters: await chaos.queue.deadLetters.count('orders.placed'),
    };
    console.log(JSON.stringify(report));
    expect(pendingAtRecovery).toBe(orderCount);
    expect(result).toMatchObject({ orders: orderCount, lost: 0, duplicated: 0, wrongOutcome: 0 });
    expect(report.deadLetters).toBe(0);
  });
});

// Failure isolation of the distributed topology, with real processes on PostgreSQL, Redis and NATS:
// a private NATS and Redis server (so restarting them disturbs nobody else) and a private database.

import { eventually } from '@concierge/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, call, signIn, startCluster, tomorrow } from './chaos.fixture.js';

const servers = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL && process.env.NATS_URL);

describe.skipIf(!servers)('distributed topology under failures', { timeout: 300_000 }, () => {
  let cluster: Cluster;
  let base: string;
  let auth: Record<string, string>;
  let productId: string;
  let n = 0;

  const checkout = (key = `chaos-${Date.now()}-${n++}`) =>
    call(base, '/v1/checkout', {
      method: 'POST',
      headers: { ...auth, 'idempotency-key': key },
      body: { productId, deliveryAddress: '350 5th Ave, New York, NY 10118', deliveryDate: tomorrow() },
    });
  const statusOf = async (orderId: string) =>
    (await call(base, `/v1/orders/${orderId}`, { headers: auth })).body.status as string;
  const confirmed = (orderId: string, timeoutMs = 30_000) =>
    eventually(async () => expect(await statusOf(orderId)).toBe('confirmed'), { timeoutMs, intervalMs: 200 });

  beforeAll(async () => {
    cluster = await startCluster({ gateways: 2, workers: 2 });
    base = cluster.topology.url;
    auth = await signIn(base);
    const products = await call(base, '/v1/products?inStock=true&limit=1');
    productId = (products.body.items as { id: string }[])[0]!.id;
  }, 300_000);
  afterAll(async () => {
    await cluster?.dispose();
  });

  it('places an order through the balancer, a gateway, orders, NATS and a worker', async () => {
    const accepted = await checkout();
    expect(accepted.status).toBe(202);
    await confirmed(accepted.body.orderId as string);
  });

  it('alternates one user between two gateways with one session, one idempotency record', async () => {
    const served = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const mine = await call(base, '/v1/orders', { headers: auth });
      expect(mine.status).toBe(200);
      served.add(mine.servedBy!);
    }
    expect([...served].sort()).toEqual(['gateway-1', 'gateway-2']);
    const first = await checkout('chaos-same-key');
    const again = await checkout('chaos-same-key');
    expect(first.servedBy).not.toBe(again.servedBy);
    expect(again.body.orderId).toBe(first.body.orderId);
  });

  it('keeps checkout working while the chat service is down, and chat answers 503 fast', async () => {
    await cluster.topology.kill('chat');
    try {
      const chat = await call(base, '/v1/chatbot', {
        method: 'POST',
        headers: auth,
        body: { messages: [{ type: 'unstructured', unstructured: { text: 'hello' } }] },
      });
      expect(chat.status).toBe(503);
      const accepted = await checkout();
      expect(accepted.status).toBe(202);
      await confirmed(accepted.body.orderId as string);
      expect((await call(base, '/v1/products?limit=1')).status).toBe(200);
    } finally {
      await cluster.topology.revive('chat');
    }
  });

  it('lets orders wait while every worker is down, and completes them when one is back', async () => {
    await cluster.topology.kill('orders-worker-1');
    await cluster.topology.kill('orders-worker-2');
    let orderId = '';
    try {
      const accepted = await checkout();
      expect(accepted.status).toBe(202);
      orderId = accepted.body.orderId as string;
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await statusOf(orderId)).toBe('pending');
    } finally {
      await cluster.topology.revive('orders-worker-1');
      await cluster.topology.revive('orders-worker-2');
    }
    await confirmed(orderId);
  });

  it('loses nothing while NATS restarts: orders accepted meanwhile are confirmed after', async () => {
    await cluster.nats.stop();
    const accepted: string[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const answer = await checkout();
        expect(answer.status).toBe(202);
        accepted.push(answer.body.orderId as string);
      }
    } finally {
      await cluster.nats.start();
    }
    for (const orderId of accepted) await confirmed(orderId, 60_000);
  });

  it('rolls a restart of gateways and workers without dropping a request', async () => {
    let stop = false;
    const failures: string[] = [];
    let done = 0;
    const load = async () => {
      while (!stop) {
        const read = await call(base, '/v1/products?limit=2');
        if (read.status !== 200) failures.push(`read ${read.status} ${JSON.stringify(read.body)}`);
        // Every checkout must be answered by a gateway: accepted, or refused once the stock runs out.
        const write = await checkout();
        const soldOut = write.status === 400 && JSON.stringify(write.body).includes('out of stock');
        if (write.status !== 202 && !soldOut)
          failures.push(`checkout ${write.status} ${JSON.stringify(write.body)}`);
        done += 2;
      }
    };
    const clients = [load(), load(), load()];
    const before = cluster.topology.members().map((m) => m.pid);
    await cluster.topology.rollingRestart();
    stop = true;
    await Promise.all(clients);
    const after = cluster.topology.members();
    expect(
      after
        .filter((m) => m.role === 'gateway' || m.role === 'orders-worker')
        .every((m) => !before.includes(m.pid)),
    ).toBe(true);
    expect(done).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});

// PostgreSQL restarted under the distributed topology: requests fail fast with 503 while it is down and
// succeed again by themselves once it is back. The cluster runs on a PostgreSQL server of its own.
import { eventually } from '@concierge/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Cluster,
  call,
  type PrivateServer,
  privatePostgres,
  signIn,
  startCluster,
  tomorrow,
} from './chaos.fixture.js';

const servers = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL && process.env.NATS_URL);

describe.skipIf(!servers)('distributed topology with PostgreSQL restarted', { timeout: 300_000 }, () => {
  let cluster: Cluster;
  let base: string;
  let server: PrivateServer;

  beforeAll(async () => {
    const postgres = await privatePostgres();
    server = postgres;
    cluster = await startCluster({ gateways: 1, workers: 1, postgres });
    base = cluster.topology.url;
  }, 300_000);
  afterAll(async () => {
    await cluster?.dispose();
  });

  it('answers 503 at once while PostgreSQL is down and recovers by itself', async () => {
    const auth = await signIn(base);
    const products = await call(base, '/v1/products?inStock=true&limit=1');
    expect(products.status).toBe(200);
    const productId = (products.body.items as { id: string }[])[0]!.id;
    await server.stop();
    try {
      const startedAt = Date.now();
      const down = await call(base, '/v1/products?limit=1', { timeoutMs: 30_000 });
      expect(down.status).toBe(503);
      // Fail fast: answered well before the client would have given up (not a performance threshold).
      expect(Date.now() - startedAt).toBeLessThan(30_000);
    } finally {
      await server.start();
    }
    await eventually(async () => expect((await call(base, '/v1/products?limit=1')).status).toBe(200), {
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    const accepted = await call(base, '/v1/checkout', {
      method: 'POST',
      headers: { ...auth, 'idempotency-key': `pg-restart-${Date.now()}` },
      body: { productId, deliveryAddress: '350 5th Ave, New York, NY 10118', deliveryDate: tomorrow() },
    });
    expect(accepted.status).toBe(202);
  });
});

// Metrics and traces of the distributed topology: each process serves /metrics on its own operator port,
// and one checkout is one trace whose spans come from the gateway, orders, worker and notifications
// processes, exported over OTLP to a real receiver.
import { eventually, metricSample, startOtlpReceiver } from '@concierge/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, call, freePortBlock, signIn, startCluster, tomorrow } from './chaos.fixture.js';

const servers = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL && process.env.NATS_URL);
// The topology's members in order: catalog, chat, orders, notifications, gateway-1, orders-worker-1.
const member = { notifications: 3, gateway: 4, worker: 5 };

describe.skipIf(!servers)('distributed topology: metrics and traces', { timeout: 300_000 }, () => {
  let cluster: Cluster;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let metricsBase: number;
  const metrics = async (index: number) =>
    (await fetch(`http://127.0.0.1:${metricsBase + index}/metrics`)).text();

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    // One operator port per member; the block sits apart from the members' own (ephemeral) ports.
    metricsBase = await freePortBlock(6);
    cluster = await startCluster({
      gateways: 1,
      workers: 1,
      env: { CONCIERGE_METRICS_PORT: String(metricsBase), OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url },
    });
  }, 300_000);
  afterAll(async () => {
    await cluster?.dispose();
    await receiver?.close();
  });

  it('traces one checkout across processes and counts it in each process’s metrics', async () => {
    const base = cluster.topology.url;
    const auth = await signIn(base);
    const products = await call(base, '/v1/products?inStock=true&limit=1');
    const productId = (products.body.items as { id: string }[])[0]!.id;
    const traceId = 'aa66ef5095369c7b0d1f8f4bd33716bb';
    const accepted = await call(base, '/v1/checkout', {
      method: 'POST',
      headers: { ...auth, traceparent: `00-${traceId}-00000000000000aa-01` },
      body: { productId, deliveryAddress: '350 5th Ave, New York, NY 10118', deliveryDate: tomorrow() },
    });
    expect(accepted.status).toBe(202);
    const orderId = accepted.body.orderId as string;
    await eventually(
      async () =>
        expect((await call(base, `/v1/orders/${orderId}`, { headers: auth })).body.status).toBe('confirmed'),
      { timeoutMs: 30_000, intervalMs: 200 },
    );

    const gateway = await metrics(member.gateway);
    expect(
      metricSample(gateway, 'concierge_http_request_duration_seconds_count', {
        operation: 'checkout',
        service: 'orders',
        status: '202',
      }),
    ).toBe(1);
    const worker = await metrics(member.worker);
    expect(metricSample(worker, 'concierge_queue_depth', { queue: 'orders.placed' })).toBe(0);
    expect(metricSample(worker, 'concierge_queue_dead_letters', { queue: 'orders.placed' })).toBe(0);
    expect(await metrics(member.notifications)).toContain('concierge_queue_depth{');

    // Spans leave in batches: wait until every process has exported its part of the trace.
    await eventually(
      () => {
        const services = new Set(receiver.spans.filter((s) => s.traceId === traceId).map((s) => s.service));
        expect([...services].sort()).toEqual(
          expect.arrayContaining([
            'concierge-gateway',
            'concierge-orders',
            'concierge-orders-worker',
            'concierge-notifications',
          ]),
        );
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
  });
});

// One checkout through the embedded system with metrics and traces on: one trace from the gateway through
// the orders service, the queue, the payment worker and the notifications; the operator port shows it counted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Gateway } from '@concierge/gateway';
import { createLogger, loadConfig, type OpsServer } from '@concierge/platform';
import { eventually, metricSample } from '@concierge/platform/testing';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemoAccounts } from './demo-accounts.js';
import { assembleSystem, migrateAll, type System } from './embedded.root.js';
import { buildSystemGateway } from './system-gateway.js';
import { createTelemetry } from './telemetry.root.js';

let dataDir: string;
let system: System;
let sut: Gateway;
let ops: OpsServer;
let auth: Record<string, string>;
let productId: string;
const exporter = new InMemorySpanExporter();

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-telemetry-'));
  const logger = createLogger({ level: 'silent', format: 'json' });
  const config = loadConfig({ CONCIERGE_DATA_DIR: dataDir, CONCIERGE_METRICS_PORT: '0' });
  system = await assembleSystem(config, logger, await createTelemetry(config, exporter));
  await migrateAll(system);
  await system.catalog.seed({ products: 10, restaurants: 5 });
  await seedDemoAccounts(system.identity.identity);
  await system.start();
  sut = await buildSystemGateway(system, logger);
  ops = (await system.telemetry!.serve(logger, async () => undefined))!;
  const signIn = await sut.app.inject({
    method: 'POST',
    url: '/v1/auth/signin',
    payload: { email: 'demo@concierge.local', password: demoPassword },
  });
  auth = { authorization: `Bearer ${signIn.json().accessToken}` };
  productId = (await sut.app.inject('/v1/products?inStock=true&limit=1')).json().items[0].id;
}, 60_000);
afterAll(async () => {
  await ops?.close();
  await system.stop();
  await sut.app.close();
  await system.close();
  await system.telemetry?.shutdown();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
const scrape = async () => (await fetch(`${ops.url}/metrics`)).text();

describe('telemetry of one checkout', () => {
  let orderId: string;
  let traceSpans: ReadableSpan[];

  it('is one trace across gateway, orders, the worker and notifications', async () => {
    const callerTrace = '0af7651916cd43dd8448eb211c80319c';
    const accepted = await sut.app.inject({
      method: 'POST',
      url: '/v1/checkout',
      payload: { productId, deliveryAddress: '350 5th Ave, New York, NY 10118', deliveryDate: tomorrow },
      headers: { ...auth, traceparent: `00-${callerTrace}-b7ad6b7169203331-01` },
    });
    expect(accepted.statusCode).toBe(202);
    orderId = accepted.json().orderId;
    const names = [
      'POST /v1/checkout',
      'orders checkout',
      'send orders.placed',
      'process orders.placed',
      'publish order.confirmed',
      'handle order.confirmed',
      'process notifications.deliver',
    ];
    traceSpans = await eventually(
      async () => {
        const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === callerTrace);
        const seen = new Set(spans.map((s) => s.name));
        const missing = names.filter((n) => !seen.has(n));
        if (missing.length > 0) throw new Error(`no span yet: ${missing.join(', ')}`);
        return spans;
      },
      { timeoutMs: 20_000, intervalMs: 50 },
    );
    // Every span hangs off another span of the same trace, up to the gateway's, whose parent is the caller's.
    const ids = new Set(traceSpans.map((s) => s.spanContext().spanId));
    const gateway = traceSpans.find((s) => s.name === 'POST /v1/checkout')!;
    expect(gateway.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    for (const span of traceSpans.filter((s) => s !== gateway)) {
      expect(ids.has(span.parentSpanContext?.spanId ?? ''), `${span.name} has a parent in the trace`).toBe(
        true,
      );
    }
    const parentOf = (name: string) => {
      const span = traceSpans.find((s) => s.name === name)!;
      return traceSpans.find((s) => s.spanContext().spanId === span.parentSpanContext?.spanId)?.name;
    };
    expect(parentOf('orders checkout')).toBe('POST /v1/checkout');
    expect(parentOf('process orders.placed')).toBe('send orders.placed');
    expect(parentOf('publish order.confirmed')).toBe('process orders.placed');
    expect(parentOf('handle order.confirmed')).toBe('publish order.confirmed');
    expect(gateway.attributes['http.response.status_code']).toBe(202);
  });

  it('counts the checkout, the confirmed order and the queues on the operator port', async () => {
    const text = await eventually(
      async () => {
        const body = await scrape();
        expect(metricSample(body, 'concierge_orders_settled_total', { status: 'confirmed' })).toBe(1);
        return body;
      },
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    const checkouts = {
      service: 'orders',
      operation: 'checkout',
      method: 'POST',
      status: '202',
      process: 'all',
    };
    expect(metricSample(text, 'concierge_http_request_duration_seconds_count', checkouts)).toBe(1);
    expect(metricSample(text, 'concierge_queue_depth', { queue: 'orders.placed' })).toBe(0);
    expect(metricSample(text, 'concierge_queue_dead_letters', { queue: 'notifications.deliver' })).toBe(0);
    expect(metricSample(text, 'process_resident_memory_bytes', { process: 'all' })).toBeGreaterThan(0);
    expect(orderId).toMatch(/^ord_/);
  });

  it('times each NLU parse of a chat message', async () => {
    const parses = async () => metricSample(await scrape(), 'concierge_nlu_parse_duration_seconds_count', {});
    const before = await parses();
    const message = { type: 'unstructured', unstructured: { id: '1', text: 'red roses for tomorrow' } };
    const chat = await sut.app.inject({
      method: 'POST',
      url: '/v1/nlu',
      payload: { messages: [message] },
      headers: auth,
    });
    expect(chat.statusCode).toBe(200);
    expect(await parses()).toBeGreaterThan(before!);
  });

  it('answers probes and refuses anything but GET on the operator port', async () => {
    expect((await fetch(`${ops.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${ops.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${ops.url}/metrics`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${ops.url}/v1/products`)).status).toBe(404);
  });
});

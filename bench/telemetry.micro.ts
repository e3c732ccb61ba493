// Micro-benchmark of the cost of telemetry per request, in-process through `inject` on identical gateways, in
// interleaved rounds so the noise of a shared machine falls on all variants alike:
// - GET /healthz (answered by the gateway itself): plain, no-op hook, metrics, metrics and a server span;
// - GET /v1/products/{id} (the catalog on SQLite, the foundation bench's GET): plain, then with the gateway's
//   span and the catalog's span through `tracedModule` with every trace recorded, and with one in ten.
// Spans go to an exporter that drops them (SimpleSpanProcessor, per-span export). All variants share one
// process, so the AsyncLocalStorage hooks the traced variants turn on weigh on the plain ones too: what is
// process-wide shows only in the server A/B (bench/observed-gateway.ts), not here.

import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createLogger,
  createMetrics,
  createSqliteStore,
  createTracing,
  tracedModule,
} from '@concierge/platform';
import { ExportResultCode } from '@opentelemetry/core';
import { createCatalogService } from '../services/catalog/src/index.js';
import { demoAuthenticator } from '../services/gateway/src/auth/authenticator.js';
import { buildGateway } from '../services/gateway/src/gateway.app.js';
import { loadApiDocument } from '../services/gateway/src/openapi/document.js';

const document = loadApiDocument('api/openapi.yaml');
const logger = createLogger({ level: 'silent', format: 'json' });
const authenticator = demoAuthenticator({ userId: 'u', roles: [], via: 'demo' });
const dropping = {
  export: (_spans: unknown[], done: (r: { code: number }) => void) =>
    done({ code: ExportResultCode.SUCCESS }),
  shutdown: async () => undefined,
};
// createTracing with `exporter` uses a SimpleSpanProcessor: per-span export, the heavier of the two paths.
const tracing = await createTracing({ serviceName: 'bench', exporter: dropping as never });
const tenth = await createTracing({ serviceName: 'bench', exporter: dropping as never, sampleRatio: 0.1 });
const metrics = createMetrics({ process: 'bench' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telemetry-micro-'));
const store = createSqliteStore({ file: path.join(dir, 'catalog.db') });
const catalog = createCatalogService({ store });
await store.migrate(catalog.migrations);
const created = await catalog.module.operations.createProduct!({
  operationId: 'createProduct',
  params: {},
  query: {},
  headers: {},
  body: { name: 'Roses', price: { amount: 1000, currency: 'USD' }, stock: 5 },
  caller: { userId: 'usr_operator', roles: ['operator'], via: 'jwt' },
  requestId: 'req_bench',
});
const productUrl = `/v1/products/${(created.body as { id: string }).id}`;

const gateway = (extra: Parameters<typeof buildGateway>[0] extends infer O ? Partial<O> : never) =>
  buildGateway({ document, logger, authenticator, ...extra });
const variants: Record<string, { url: string; gateway: Awaited<ReturnType<typeof buildGateway>> }> = {
  plain: { url: '/healthz', gateway: await gateway({}) },
  control: { url: '/healthz', gateway: await gateway({}) },
  noop: {
    url: '/healthz',
    gateway: await gateway({ telemetry: { route: () => ({ observe: () => undefined }) } }),
  },
  metrics: { url: '/healthz', gateway: await gateway({ telemetry: { route: metrics.route } }) },
  traced: {
    url: '/healthz',
    gateway: await gateway({ telemetry: { route: metrics.route, tracer: tracing.tracer } }),
  },
  get: { url: productUrl, gateway: await gateway({ services: [catalog.module] }) },
  getTraced: {
    url: productUrl,
    gateway: await gateway({
      services: [tracedModule(catalog.module, tracing.tracer)],
      telemetry: { tracer: tracing.tracer },
    }),
  },
  // The plain GET again with an AsyncLocalStorage turned on for its rounds only (and off after): what the
  // context manager's promise hooks cost every request of the process once one span has entered a context.
  // Only meaningful with MICRO_ONLY=get,getAls (a traced variant leaves the SDK's own storage on).
  getAls: { url: productUrl, gateway: await gateway({ services: [catalog.module] }) },
  getTenth: {
    url: productUrl,
    gateway: await gateway({
      services: [tracedModule(catalog.module, tenth.tracer)],
      telemetry: { tracer: tenth.tracer },
    }),
  },
};
const storage = new AsyncLocalStorage<number>();
const perRound = Number(process.env.MICRO_PER_ROUND ?? 200);
const rounds = Number(process.env.MICRO_ROUNDS ?? 150);
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
// MICRO_ONLY=get,getTraced runs some of them (e.g. under --cpu-prof); the summary then needs all.
const only = process.env.MICRO_ONLY?.split(',');
const entries = Object.entries(variants).filter(([name]) => !only || only.includes(name));
for (let round = 0; round < rounds + 2; round++) {
  // A different order each round, so no variant always runs after (and pays the GC of) another.
  for (let k = 0; k < entries.length; k++) {
    const [name, { url, gateway }] = entries[(k + round) % entries.length]!;
    if (name === 'getAls') storage.run(1, () => undefined);
    const started = performance.now();
    for (let i = 0; i < perRound; i++) {
      const answer = await gateway.app.inject({ method: 'GET', url });
      if (answer.statusCode !== 200) throw new Error(`${name}: ${answer.statusCode} ${answer.body}`);
    }
    const us = ((performance.now() - started) * 1000) / perRound;
    if (name === 'getAls') storage.disable();
    if (round >= 2) samples[name]!.push(us);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
if (only) {
  for (const [name, xs] of Object.entries(samples))
    if (xs.length) console.log(`${name}: ${median(xs).toFixed(1)} µs`);
  process.exit(0);
}
// Each round's ratio to a plain run of the same round: the load of that moment cancels out.
const ratio = (name: string, to: string) => median(samples[name]!.map((us, i) => us / samples[to]![i]!));
const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as Record<
  string,
  number
>;
const f = (x: number) => x.toFixed(1);
console.log(
  `median of ${rounds} interleaved rounds of ${perRound} (load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}):\n` +
    `GET /healthz: plain ${f(m.plain!)} µs, no-op hook ${f(m.noop!)} µs, metrics ${f(m.metrics!)} µs, ` +
    `metrics+span ${f(m.traced!)} µs; ratios to plain: second plain ${ratio('control', 'plain').toFixed(3)}, ` +
    `no-op hook ${ratio('noop', 'plain').toFixed(3)}, metrics ${ratio('metrics', 'plain').toFixed(3)}, ` +
    `metrics+span ${ratio('traced', 'plain').toFixed(3)}\n` +
    `GET /v1/products/{id}: plain ${f(m.get!)} µs, every trace recorded ${f(m.getTraced!)} µs (+${f(m.getTraced! - m.get!)}), ` +
    `one in ten ${f(m.getTenth!)} µs (+${f(m.getTenth! - m.get!)}); ratios to plain: ` +
    `all ${ratio('getTraced', 'get').toFixed(3)}, one in ten ${ratio('getTenth', 'get').toFixed(3)}`,
);
await tracing.shutdown();
await tenth.shutdown();
for (const { gateway } of Object.values(variants)) await gateway.app.close();
await store.close();
fs.rmSync(dir, { recursive: true, force: true });

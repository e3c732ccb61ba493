// Micro-benchmark of the gateway's telemetry hooks: GET /healthz through the real contract via inject,
// plain vs metrics vs metrics and traces (BatchSpanProcessor, exporter that drops), in interleaved rounds
// so the noise of a shared machine falls on all three alike; prints µs per request and the differences.
import { createLogger, createMetrics, createTracing } from '@concierge/platform';
import { ExportResultCode } from '@opentelemetry/core';
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
const metrics = createMetrics({ process: 'bench' });
const variants = {
  plain: await buildGateway({ document, logger, authenticator }),
  control: await buildGateway({ document, logger, authenticator }),
  noop: await buildGateway({
    document,
    logger,
    authenticator,
    telemetry: { route: () => ({ observe: () => undefined }) },
  }),
  metrics: await buildGateway({ document, logger, authenticator, telemetry: { route: metrics.route } }),
  traced: await buildGateway({
    document,
    logger,
    authenticator,
    telemetry: { route: metrics.route, tracer: tracing.tracer },
  }),
};
const perRound = 200;
const rounds = 150;
const samples: Record<string, number[]> = { plain: [], control: [], noop: [], metrics: [], traced: [] };
const entries = Object.entries(variants);
for (let round = 0; round < rounds + 2; round++) {
  // A different order each round, so no variant always runs after (and pays the GC of) another.
  for (let k = 0; k < entries.length; k++) {
    const [name, gateway] = entries[(k + round) % entries.length]!;
    const started = performance.now();
    for (let i = 0; i < perRound; i++) await gateway.app.inject({ method: 'GET', url: '/healthz' });
    const us = ((performance.now() - started) * 1000) / perRound;
    if (round >= 2) samples[name]!.push(us);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// Each round's ratio to the plain run of the same round: the load of that moment cancels out.
const ratio = (name: string) => median(samples[name]!.map((us, i) => us / samples.plain![i]!));
const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as Record<
  string,
  number
>;
console.log(
  `GET /healthz via inject, median of ${rounds} interleaved rounds of ${perRound}: ` +
    `plain ${m.plain!.toFixed(1)} µs, hook with a no-op recorder ${m.noop!.toFixed(1)} µs, metrics ${m.metrics!.toFixed(1)} µs (+${(m.metrics! - m.plain!).toFixed(1)}), ` +
    `metrics+traces ${m.traced!.toFixed(1)} µs (+${(m.traced! - m.plain!).toFixed(1)}); ` +
    `per-round ratios to plain: a second plain gateway ${ratio('control').toFixed(3)}, no-op hook ${ratio('noop').toFixed(3)}, metrics ${ratio('metrics').toFixed(3)}, ` +
    `metrics+traces ${ratio('traced').toFixed(3)}`,
);
await tracing.shutdown();
for (const gateway of Object.values(variants)) await gateway.app.close();

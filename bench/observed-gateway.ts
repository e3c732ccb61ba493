// The gateway GET again with metrics on, then with metrics and traces (exported over OTLP to a local sink),
// so the cost of observability shows as a ratio to the plain run of the same benchmark.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type LoadResult, load } from './lib/load.js';
import { start, waitFor } from './lib/processes.js';

const conciergeArgs = ['bin/concierge.js', 'start', '--seed-if-empty'];

/** Accepts OTLP/HTTP exports and throws them away, as a collector would answer. */
async function otlpSink(): Promise<{ url: string; spans: () => number; close: () => Promise<void> }> {
  let exports = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      exports++;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans: () => exports,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function run(dataDir: string, productId: string, extra: Record<string, string>): Promise<LoadResult> {
  const env = { CONCIERGE_DATA_DIR: dataDir, CONCIERGE_PORT: '3195', CONCIERGE_LOG_FORMAT: 'json', ...extra };
  const sut = start('node', conciergeArgs, env, 3195);
  try {
    await waitFor(`${sut.url}/readyz`, 60_000);
    return await load({ url: `${sut.url}/v1/products/${productId}`, warmupSeconds: 3 });
  } finally {
    await sut.stop();
  }
}

export async function observedGets(
  dataDir: string,
  productId: string,
): Promise<{ metrics: LoadResult; traced: LoadResult; sampled: LoadResult; exports: number }> {
  process.stderr.write('gateway GET with metrics on...\n');
  const metrics = await run(dataDir, productId, { CONCIERGE_METRICS_PORT: '0' });
  const sink = await otlpSink();
  try {
    process.stderr.write('gateway GET with metrics and traces (OTLP to a local sink)...\n');
    const traced = await run(dataDir, productId, {
      CONCIERGE_METRICS_PORT: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
    });
    const exports = sink.spans();
    process.stderr.write('gateway GET with metrics and one trace in ten recorded...\n');
    const sampled = await run(dataDir, productId, {
      CONCIERGE_METRICS_PORT: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
      OTEL_TRACES_SAMPLER_ARG: '0.1',
    });
    return { metrics, traced, sampled, exports };
  } finally {
    await sink.close();
  }
}

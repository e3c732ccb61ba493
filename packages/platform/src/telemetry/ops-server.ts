// The operator port: /metrics for Prometheus, /healthz and /readyz for probes, apart from the public API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics.js';

export interface OpsServerOptions {
  host: string;
  port: number;
  metrics: Metrics;
  /** Readiness of this process (e.g. its store and broker answer); `/readyz` is 503 while it throws. */
  ready?: () => Promise<void>;
  onError?: (error: unknown) => void;
}

export interface OpsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A plain `node:http` listener: no auth, so it binds to a private address or sits behind a network policy;
 * worker processes, which serve no API, get their probes and metrics from it too.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const answer = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'method not allowed\n');
    if (path === '/metrics') {
      options.metrics.scrape().then(
        (text) => answer(200, text, options.metrics.contentType),
        (error: unknown) => {
          options.onError?.(error);
          answer(500, 'metrics unavailable\n');
        },
      );
      return;
    }
    if (path === '/healthz') return answer(200, 'ok\n');
    if (path === '/readyz') {
      (options.ready ?? (async () => undefined))().then(
        () => answer(200, 'ready\n'),
        () => answer(503, 'not ready\n'),
      );
      return;
    }
    answer(404, 'not found: /metrics, /healthz, /readyz\n');
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

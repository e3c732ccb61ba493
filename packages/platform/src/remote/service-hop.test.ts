// The gateway → service hop over real HTTP on localhost: answers, errors, streams, deadlines, retries
// of idempotent calls only, and the circuit breaker.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { createLogger } from '../logging/logger.js';
import type { OperationRequest, ServiceModule } from '../ports/service.js';
import { createHttpServiceClient, type HttpServiceClient } from './http-service-client.js';
import { createServiceHost, type ServiceHost } from './service-host.js';

const logger = createLogger({ level: 'silent', format: 'json' });
const request = (operationId: string, extra: Partial<OperationRequest> = {}): OperationRequest => ({
  operationId,
  params: { id: 'p_1' },
  query: {},
  body: { qty: 2 },
  headers: {},
  caller: { userId: 'u_1', roles: ['customer'], via: 'jwt' },
  requestId: 'r_1',
  ...extra,
});

const catalog: ServiceModule = {
  name: 'catalog',
  operations: {
    getProduct: async (r) => {
      return {
        status: 200,
        body: { id: r.params.id, caller: r.caller?.userId, qty: (r.body as { qty: number }).qty },
      };
    },
    missing: async () => {
      throw new AppError('not_found', 'product p_9 was not found', { code: 'PRODUCT_NOT_FOUND' });
    },
    slow: async () => {
      await new Promise((r) => setTimeout(r, 2_000));
      return { status: 200 };
    },
    stream: async () => ({
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      body: (async function* () {
        yield 'data: one\n\n';
        yield 'data: two\n\n';
      })(),
    }),
  },
};

let host: ServiceHost | undefined;
let client: HttpServiceClient | undefined;
afterEach(async () => {
  await client?.close();
  await host?.close();
  host = client = undefined;
});

async function start(options: Partial<Parameters<typeof createHttpServiceClient>[0]> = {}) {
  host = createServiceHost({ modules: [catalog], readiness: [], logger });
  const port = await host.listen(0, '127.0.0.1');
  client = createHttpServiceClient({ urls: { catalog: `http://127.0.0.1:${port}` }, ...options });
  return client;
}

/** A port that accepts and at once drops every connection, counting them. */
async function droppingServer() {
  let hits = 0;
  const server = http.createServer((req) => {
    hits++;
    req.socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits, server };
}

describe('service hop', () => {
  it('carries the request (params, body, caller) and the answer', async () => {
    const c = await start();
    const answer = await c.invoke('catalog', request('getProduct'));
    expect(answer).toEqual({ status: 200, body: { id: 'p_1', caller: 'u_1', qty: 2 } });
  });

  it('rethrows the service AppError with its kind and code', async () => {
    const c = await start();
    await expect(c.invoke('catalog', request('missing'))).rejects.toMatchObject({
      kind: 'not_found',
      code: 'PRODUCT_NOT_FOUND',
      message: 'product p_9 was not found',
    });
  });

  it('passes a streamed answer through chunk by chunk', async () => {
    const c = await start();
    const answer = await c.invoke('catalog', request('stream'));
    expect(answer.headers).toEqual({ 'content-type': 'text/event-stream' });
    let text = '';
    for await (const chunk of answer.body as AsyncIterable<string>) text += chunk;
    expect(text).toBe('data: one\n\ndata: two\n\n');
  });

  it('answers 503 when the service misses the deadline', async () => {
    const c = await start({ timeoutMs: 200 });
    await expect(c.invoke('catalog', request('slow'))).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'SERVICE_UNAVAILABLE',
    });
  });

  it('retries idempotent calls only, then opens the circuit and fails fast', async () => {
    const down = await droppingServer();
    try {
      client = createHttpServiceClient({
        urls: { catalog: down.url },
        retries: 2,
        isIdempotent: (r) => r.operationId === 'getProduct',
        breaker: { failureThreshold: 4, openMs: 60_000 },
      });
      await expect(client.invoke('catalog', request('placeOrder'))).rejects.toMatchObject({
        kind: 'unavailable',
      });
      expect(down.hits()).toBe(1);
      await expect(client.invoke('catalog', request('getProduct'))).rejects.toMatchObject({
        kind: 'unavailable',
      });
      expect(down.hits()).toBe(4);
      expect(client.breakerState('catalog')).toBe('open');
      const error = await client.invoke('catalog', request('getProduct')).catch((e: AppError) => e);
      expect(error).toMatchObject({ kind: 'unavailable', code: 'SERVICE_UNAVAILABLE' });
      expect((error as AppError).headers?.['retry-after']).toBeDefined();
      expect(down.hits()).toBe(4);
    } finally {
      down.server.close();
    }
  });

  it('serves health, and readiness from the checks until drained', async () => {
    host = createServiceHost({
      modules: [catalog],
      readiness: [{ name: 'store', check: async () => {} }],
      logger,
    });
    const port = await host.listen(0, '127.0.0.1');
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2_000) });
    expect(ready.status).toBe(200);
    host.drain();
    const drained = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2_000) });
    expect(drained.status).toBe(503);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, type Caller, createLogger, type ServiceModule } from '@concierge/platform';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApi } from './__fixtures__/fixture-api.js';
import { demoAuthenticator } from './auth/authenticator.js';
import { buildGateway, type Gateway } from './gateway.app.js';
import { indexDocument } from './openapi/document.js';

const operator: Caller = { userId: 'u_op', roles: ['operator'], via: 'demo' };
const created: unknown[] = [];
const widgets: ServiceModule = {
  name: 'widgets',
  operations: {
    listWidgets: async (req) => ({
      status: 200,
      body: { limit: req.query.limit, caller: req.caller?.userId },
    }),
    createWidget: async (req) => {
      created.push(req.body);
      return { status: 201, body: { id: 'w1', ...(req.body as object), secret: 'not in schema' } };
    },
    getWidget: async (req) => {
      if (req.params.widgetId === 'boom') throw new Error('database password is hunter2');
      if (req.params.widgetId !== 'w1') throw AppError.notFound(`widget ${req.params.widgetId}`);
      return { status: 200, body: { id: 'w1', name: 'one', size: 2 } };
    },
  },
};

let sut: Gateway;
let webDir: string;
let ready = true;

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-web-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>app</title>');
  sut = await buildGateway({
    document: indexDocument(fixtureApi),
    logger: createLogger({ level: 'silent', format: 'json' }),
    authenticator: demoAuthenticator(operator),
    services: [widgets],
    readiness: [
      {
        name: 'store',
        check: async () => {
          if (!ready) throw new Error('database is down');
        },
      },
    ],
    bodyLimit: 2048,
    webDir,
  });
});
afterAll(async () => {
  await sut.app.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  sut.app.inject({ method: 'POST', url: '/v1/widgets', payload: body, headers });

describe('gateway built from an OpenAPI document', () => {
  it('routes a valid request to the owning service and serializes by the response schema', async () => {
    const res = await post(JSON.stringify({ name: 'a', size: 3 }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: 'w1', name: 'a', size: 3 });
  });

  it('coerces and defaults query parameters', async () => {
    const res = await sut.app.inject('/v1/widgets?limit=7');
    expect(res.json()).toEqual({ limit: 7, caller: 'u_op' });
    expect((await sut.app.inject('/v1/widgets')).json().limit).toBe(20);
  });

  it('rejects wrong types, naming the field, and writes nothing', async () => {
    const before = created.length;
    const res = await post(JSON.stringify({ name: 'a', size: '3' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID', details: [{ field: 'body.size' }] });
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
    expect(created.length).toBe(before);
  });

  it('rejects unknown fields, also nested ones', async () => {
    const res = await post(JSON.stringify({ name: 'a', size: 1, dims: { w: 1, h: 2 } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ field: 'body.dims.h', message: 'is not a known field' }]);
  });

  it('reports every failing field at once', async () => {
    const res = await post(JSON.stringify({ size: 99 }));
    const fields = res
      .json()
      .details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['body.name', 'body.size']);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await post('{"name": "a",');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MALFORMED_JSON');
  });

  it('answers a body over the limit with 413', async () => {
    const res = await post(JSON.stringify({ name: 'x'.repeat(5000), size: 1 }));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await post('name=a', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
  });

  it('answers a bad query parameter with 400 naming it', async () => {
    const res = await sut.app.inject('/v1/widgets?limit=0');
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('query.limit');
  });

  it('passes AppErrors through with their status and code', async () => {
    const res = await sut.app.inject('/v1/widgets/w2');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: 'widget w2 was not found' });
  });

  it('turns an unexpected error into a 500 that leaks nothing', async () => {
    const res = await sut.app.inject('/v1/widgets/boom');
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(res.json().code).toBe('INTERNAL');
  });

  it('answers operations whose service is not built yet with 501', async () => {
    const res = await sut.app.inject('/v1/gadgets');
    expect(res.statusCode).toBe(501);
    expect(res.json().code).toBe('NOT_IMPLEMENTED');
  });

  it('answers unknown API routes with 404 and wrong methods with 405 + Allow', async () => {
    const missing = await sut.app.inject('/v1/nothing');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('ROUTE_NOT_FOUND');
    const wrong = await sut.app.inject({ method: 'DELETE', url: '/v1/widgets' });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers.allow).toBe('GET, POST');
  });

  it('keeps a well-formed incoming request id and makes one otherwise', async () => {
    const given = await sut.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const bad = await sut.app.inject({ url: '/healthz', headers: { 'x-request-id': '<script>' } });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends the API security headers on operations and the document ones on pages', async () => {
    const api = await sut.app.inject('/healthz');
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['x-frame-options']).toBe('DENY');
    // Served over plain http here: no HSTS (RFC 6797 §7.2); with an https public URL it is sent (below).
    expect(api.headers['strict-transport-security']).toBeUndefined();
    expect(api.headers['x-dns-prefetch-control']).toBeUndefined();
    const page = await sut.app.inject({ url: '/orders/123', headers: { accept: 'text/html' } });
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    const reference = await sut.app.inject('/docs/');
    expect(reference.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('writes one access line per request carrying the request id it answered with', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const logged = await buildGateway({
      document: indexDocument(fixtureApi),
      logger,
      authenticator: demoAuthenticator(operator),
      services: [widgets],
    });
    try {
      const res = await logged.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-me-1' } });
      expect(res.headers['x-request-id']).toBe('trace-me-1');
      const access = lines.filter((l) => l.msg === 'request');
      expect(access).toHaveLength(1);
      expect(access[0]).toMatchObject({ reqId: 'trace-me-1', method: 'GET', url: '/healthz', status: 200 });
    } finally {
      await logged.app.close();
    }
  });

  it('answers CORS for the configured origins only, and sends no CORS headers when none are', async () => {
    const withCors = await buildGateway({
      document: indexDocument(fixtureApi),
      logger: createLogger({ level: 'silent', format: 'json' }),
      authenticator: demoAuthenticator(operator),
      services: [widgets],
      corsOrigins: ['https://shop.example'],
    });
    try {
      const preflight = await withCors.app.inject({
        method: 'OPTIONS',
        url: '/v1/widgets',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://shop.example');
      const allowed = await withCors.app.inject({
        url: '/healthz',
        headers: { origin: 'https://shop.example' },
      });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example');
      const other = await withCors.app.inject({
        url: '/healthz',
        headers: { origin: 'https://evil.example' },
      });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await withCors.app.close();
    }
    const none = await sut.app.inject({ url: '/healthz', headers: { origin: 'https://shop.example' } });
    expect(none.statusCode).toBe(200);
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await sut.app.inject({
      method: 'OPTIONS',
      url: '/v1/widgets',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends HSTS when the public URL is https (TLS ends at a proxy in front)', async () => {
    const behindTls = await buildGateway({
      document: indexDocument(fixtureApi),
      logger: createLogger({ level: 'silent', format: 'json' }),
      authenticator: demoAuthenticator(operator),
      services: [widgets],
      httpsPublic: true,
    });
    try {
      const res = await behindTls.app.inject('/healthz');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await behindTls.app.close();
    }
  });

  it('serves /openapi.json and a local API reference', async () => {
    expect((await sut.app.inject('/openapi.json')).json().info.title).toBe('Fixture');
    const docs = await sut.app.inject('/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).not.toMatch(/https?:\/\/(cdn|unpkg)/);
  });

  it('falls back to index.html for page routes but not for API routes', async () => {
    const page = await sut.app.inject({ url: '/orders/123', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>app</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    const api = await sut.app.inject({ url: '/v1/orders/123', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
  });

  it('reports readiness per check and 503 when one fails', async () => {
    expect((await sut.app.inject('/readyz')).json()).toEqual({ status: 'ready', checks: { store: 'ok' } });
    ready = false;
    const res = await sut.app.inject('/readyz');
    ready = true;
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.store).toBe('database is down');
  });
});

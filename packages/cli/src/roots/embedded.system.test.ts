// The embedded system end to end through the gateway: catalog flows and every kind of bad input.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Gateway } from '@concierge/gateway';
import { createLogger, loadConfig } from '@concierge/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemoAccounts } from './demo-accounts.js';
import { assembleSystem, migrateAll, type System } from './embedded.root.js';
import { buildSystemGateway } from './system-gateway.js';

let dataDir: string;
let system: System;
let sut: Gateway;
let operatorAuth: Record<string, string>;

// Assembling the system trains the chat model from scratch: a few seconds alone, more than vitest's default
// 10 s hook timeout when the shared machine is busy.
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-system-'));
  // The built app (dist/web) is the browser suite's; here a stand-in page shows the wiring.
  const webDir = path.join(dataDir, 'web');
  fs.mkdirSync(webDir);
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Concierge</title><p>the app</p>');
  const config = loadConfig({
    CONCIERGE_DATA_DIR: dataDir,
    CONCIERGE_BODY_LIMIT: '65536',
    CONCIERGE_WEB_DIR: webDir,
  });
  const logger = createLogger({ level: 'silent', format: 'json' });
  system = await assembleSystem(config, logger);
  await migrateAll(system);
  await system.catalog.seed({ products: 20, restaurants: 40 });
  await seedDemoAccounts(system.identity.identity);
  sut = await buildSystemGateway(system, logger);
  const signIn = await sut.app.inject({
    method: 'POST',
    url: '/v1/auth/signin',
    payload: { email: 'operator@concierge.local', password: demoPassword },
  });
  operatorAuth = { authorization: `Bearer ${signIn.json().accessToken}` };
}, 60_000);
afterAll(async () => {
  await sut.app.close();
  await system.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const productCount = async () => {
  const row = await system.store.db
    .selectFrom('catalog_product')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};
const validProduct = {
  name: 'Peony Cloud',
  description: 'Soft pink peonies',
  price: { amount: 5900, currency: 'USD' },
  imageUrl: '/images/products/placeholder.svg',
  tags: ['pink', 'birthday'],
  stock: 12,
};
const create = (payload: unknown, headers: Record<string, string> = {}) =>
  sut.app.inject({
    method: 'POST',
    url: '/v1/products',
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    headers: { 'content-type': 'application/json', ...operatorAuth, ...headers },
  });

describe('embedded system through the gateway', () => {
  it('is ready, with every adapter checked', async () => {
    const res = await sut.app.inject('/readyz');
    expect(res.json()).toEqual({
      status: 'ready',
      checks: { store: 'ok', cache: 'ok', mail: 'ok', queue: 'ok' },
    });
  });

  it('answers repeated reads of a cached product with the same JSON, and the changed product after an edit', async () => {
    const created = await sut.app.inject({
      method: 'POST',
      url: '/v1/products',
      payload: { name: 'Cached tulips', price: { amount: 1500, currency: 'USD' }, stock: 4 },
      headers: operatorAuth,
    });
    const id = created.json().id;
    const first = await sut.app.inject(`/v1/products/${id}`);
    const second = await sut.app.inject(`/v1/products/${id}`);
    expect(second.body).toBe(first.body);
    expect(first.json()).toMatchObject({ id, name: 'Cached tulips', stock: 4 });
    const patched = await sut.app.inject({
      method: 'PATCH',
      url: `/v1/products/${id}`,
      payload: { stock: 9, name: 'Cached tulips, more' },
      headers: operatorAuth,
    });
    expect(patched.statusCode).toBe(200);
    for (let i = 0; i < 2; i++) {
      const after = await sut.app.inject(`/v1/products/${id}`);
      expect(after.json()).toEqual(patched.json());
      expect(after.json()).toMatchObject({ stock: 9, name: 'Cached tulips, more' });
    }
  });

  it('creates, reads, searches, updates and deletes a product', async () => {
    const created = await create(validProduct);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await sut.app.inject(`/v1/products/${id}`)).json().name).toBe('Peony Cloud');
    const found = await sut.app.inject('/v1/products?q=peony');
    expect(found.json().items.map((p: { id: string }) => p.id)).toContain(id);
    const patched = await sut.app.inject({
      method: 'PATCH',
      url: `/v1/products/${id}`,
      payload: { stock: 3 },
      headers: operatorAuth,
    });
    expect(patched.json(), patched.body).toMatchObject({ stock: 3 });
    const deleted = await sut.app.inject({
      method: 'DELETE',
      url: `/v1/products/${id}`,
      headers: operatorAuth,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await sut.app.inject(`/v1/products/${id}`)).statusCode).toBe(404);
  });

  it('pages restaurants with cursors to the end without repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const url: string = `/v1/restaurants?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await sut.app.inject(url)).json();
      for (const r of page.items) seen.add(r.id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(40);
  });

  describe('bad input gets the documented error and writes nothing', () => {
    const cases: [string, () => ReturnType<typeof create>, number, string, string?][] = [
      ['malformed JSON', () => create('{"name": "x",'), 400, 'MALFORMED_JSON'],
      ['a wrong type', () => create({ ...validProduct, stock: '12' }), 400, 'INVALID', 'body.stock'],
      ['an unknown field', () => create({ ...validProduct, colour: 'red' }), 400, 'INVALID', 'body.colour'],
      [
        'a nested unknown field',
        () => create({ ...validProduct, price: { amount: 1, currency: 'USD', tax: 1 } }),
        400,
        'INVALID',
        'body.price.tax',
      ],
      ['a missing field', () => create({ ...validProduct, name: undefined }), 400, 'INVALID', 'body.name'],
      // Valid by the API document, refused by the catalog's own rules (its check behind the gateway's).
      [
        'a tag that is not a slug',
        () => create({ ...validProduct, tags: ['Not A Slug'] }),
        400,
        'INVALID',
        'body.tags.0',
      ],
      [
        'a price above the catalog maximum',
        () => create({ ...validProduct, price: { amount: 100_000_001, currency: 'USD' } }),
        400,
        'INVALID',
        'body.price.amount',
      ],
      [
        'an http image URL',
        () => create({ ...validProduct, imageUrl: 'http://x.test/a.png' }),
        400,
        'INVALID',
        'body.imageUrl',
      ],
      ['a blank name', () => create({ ...validProduct, name: '   ' }), 400, 'INVALID', 'body.name'],
      [
        'a huge body',
        () => create({ ...validProduct, description: 'x'.repeat(70_000) }),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'a non-JSON body',
        () => create('name=x', { 'content-type': 'text/plain' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
    ];
    for (const [name, send, status, code, field] of cases) {
      it(name, async () => {
        const before = await productCount();
        const res = await send();
        expect(res.statusCode).toBe(status);
        expect(res.json()).toMatchObject({ code, requestId: expect.any(String) });
        if (field) expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
        expect(await productCount()).toBe(before);
      });
    }
  });

  it('rejects a bad paging cursor, naming the parameter', async () => {
    const res = await sut.app.inject('/v1/products?cursor=not-a-cursor');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_CURSOR', details: [{ field: 'query.cursor' }] });
  });

  it('rejects an unknown query parameter and an out-of-range one', async () => {
    expect((await sut.app.inject('/v1/restaurants?cusine=thai')).json().details[0].field).toBe(
      'query.cusine',
    );
    expect((await sut.app.inject('/v1/products?limit=1000')).json().details[0].field).toBe('query.limit');
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    const missing = await sut.app.inject('/v1/flowers');
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    const wrong = await sut.app.inject({ method: 'PUT', url: '/v1/products' });
    expect([wrong.statusCode, wrong.headers.allow]).toEqual([405, 'GET, POST']);
  });

  it('refuses catalog writes without credentials', async () => {
    const res = await sut.app.inject({ method: 'POST', url: '/v1/products', payload: validProduct });
    expect([res.statusCode, res.json().code]).toEqual([403, 'MISSING_AUTHENTICATION_TOKEN']);
  });

  it('treats injection strings as plain text', async () => {
    const res = await sut.app.inject(
      `/v1/products?q=${encodeURIComponent("' OR 1=1; DROP TABLE catalog_product; --")}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
    expect(await productCount()).toBeGreaterThan(0);
  });

  it('serves the web app at every page path, its settings and the API reference', async () => {
    for (const url of ['/', '/chat', '/orders/ord_1']) {
      const page = await sut.app.inject({ url, headers: { accept: 'text/html' } });
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain('<p>the app</p>');
    }
    const settings = await sut.app.inject('/app-config.json');
    expect(settings.json()).toEqual({ region: system.config.identity.region, providers: [] });
    expect((await sut.app.inject('/docs/')).statusCode).toBe(200);
  });
});

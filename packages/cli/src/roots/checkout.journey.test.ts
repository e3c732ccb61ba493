// The checkout as the lecture drew it, made reliable, through the embedded system: accepted at once (202),
// paid and confirmed by the worker through the durable queue, the customer and the shop told by e-mail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Gateway } from '@concierge/gateway';
import { createLogger, loadConfig } from '@concierge/platform';
import { eventually } from '@concierge/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemoAccounts } from './demo-accounts.js';
import { assembleSystem, migrateAll, type System } from './embedded.root.js';
import { buildSystemGateway } from './system-gateway.js';

let dataDir: string;
let system: System;
let sut: Gateway;
let auth: Record<string, string>;
let productId: string;

// Assembling the system trains the chat model from scratch: a few seconds alone, more than vitest's default
// 10 s hook timeout when the shared machine is busy.
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-checkout-'));
  const logger = createLogger({ level: 'silent', format: 'json' });
  system = await assembleSystem(loadConfig({ CONCIERGE_DATA_DIR: dataDir }), logger);
  await migrateAll(system);
  await system.catalog.seed({ products: 10, restaurants: 5 });
  await seedDemoAccounts(system.identity.identity);
  await system.start();
  sut = await buildSystemGateway(system, logger);
  const signIn = await sut.app.inject({
    method: 'POST',
    url: '/v1/auth/signin',
    payload: { email: 'demo@concierge.local', password: demoPassword },
  });
  auth = { authorization: `Bearer ${signIn.json().accessToken}` };
  const products = (await sut.app.inject('/v1/products?inStock=true&limit=1')).json();
  productId = products.items[0].id;
}, 60_000);
afterAll(async () => {
  await system.stop();
  await sut.app.close();
  await system.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
const checkout = (body: Record<string, unknown>, key: string) =>
  sut.app.inject({
    method: 'POST',
    url: '/v1/checkout',
    payload: body,
    headers: { ...auth, 'idempotency-key': key },
  });
const outbox = () =>
  fs.existsSync(path.join(dataDir, 'outbox'))
    ? fs
        .readdirSync(path.join(dataDir, 'outbox'))
        .map((f) => fs.readFileSync(path.join(dataDir, 'outbox', f), 'utf8'))
    : [];

describe('checkout journey', () => {
  it('accepts the lecture body at once, confirms it through the worker and mails customer and shop', async () => {
    const body = { productId, deliveryAddress: '350 5th Ave, New York, NY 10118', deliveryDate: tomorrow };
    const accepted = await checkout(body, 'journey-key-0001');
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json()).toMatchObject({ success: true, status: 'pending' });
    const { orderId, statusUrl } = accepted.json();
    const again = await checkout(body, 'journey-key-0001');
    expect(again.json().orderId).toBe(orderId);
    const order = await eventually(
      async () => {
        const res = (await sut.app.inject({ url: statusUrl, headers: auth })).json();
        if (res.status !== 'confirmed') throw new Error(`still ${res.status}`);
        return res;
      },
      { timeoutMs: 15_000, intervalMs: 50 },
    );
    expect(order.confirmationNumber).toBeTruthy();
    await eventually(
      async () => {
        const mails = outbox().filter((m) => m.includes(orderId) || m.includes(order.confirmationNumber));
        expect(mails.some((m) => m.includes('To: demo@concierge.local'))).toBe(true);
        expect(mails.some((m) => m.includes('To: operator@concierge.local'))).toBe(true);
      },
      { timeoutMs: 15_000, intervalMs: 50 },
    );
  });

  it('fails a declined card with a reason and gives the stock back', async () => {
    const before = (await sut.app.inject(`/v1/products/${productId}`)).json().stock;
    const accepted = await checkout(
      {
        productId,
        deliveryAddress: '1 Main St, New York, NY 10001',
        deliveryDate: tomorrow,
        paymentToken: 'tok_chargeDeclined',
      },
      'journey-key-0002',
    );
    const failed = await eventually(
      async () => {
        const res = (await sut.app.inject({ url: accepted.json().statusUrl, headers: auth })).json();
        if (res.status !== 'failed') throw new Error(`still ${res.status}`);
        return res;
      },
      { timeoutMs: 15_000, intervalMs: 50 },
    );
    expect(failed.failureReason).toBeTruthy();
    expect((await sut.app.inject(`/v1/products/${productId}`)).json().stock).toBe(before);
  });

  it('refuses a past delivery date and a reused key with another body, writing nothing', async () => {
    const past = await checkout(
      { productId, deliveryAddress: '1 Main St', deliveryDate: '2020-01-01' },
      'journey-key-0003',
    );
    expect(past.statusCode).toBe(400);
    const reused = await checkout(
      { productId, deliveryAddress: 'elsewhere', deliveryDate: tomorrow },
      'journey-key-0001',
    );
    expect([reused.statusCode, reused.json().code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    const mine = (await sut.app.inject({ url: '/v1/orders', headers: auth })).json();
    expect(mine.items).toHaveLength(2);
  });
});

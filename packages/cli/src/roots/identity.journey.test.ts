// The lecture's security chain through the embedded system: sign up, verify by mail, sign in, exchange the ID
// token for temporary credentials, call the API signed with AWS's own SigV4 signer, authorized by policy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Gateway } from '@concierge/gateway';
import { createLogger, loadConfig } from '@concierge/platform';
import { eventually } from '@concierge/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  awsSign,
  type RequestToSign,
} from '../../../../services/gateway/src/auth/__fixtures__/aws-signer.js';
import { assembleSystem, migrateAll, type System } from './embedded.root.js';
import { buildSystemGateway } from './system-gateway.js';

let dataDir: string;
let system: System;
let sut: Gateway;
const email = 'ada@example.com';
const password = 'Analytical-Engine-1843';

// Assembling the system trains the chat model from scratch: a few seconds alone, more than vitest's default
// 10 s hook timeout when the shared machine is busy.
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-identity-'));
  const logger = createLogger({ level: 'silent', format: 'json' });
  system = await assembleSystem(loadConfig({ CONCIERGE_DATA_DIR: dataDir }), logger);
  await migrateAll(system);
  await system.catalog.seed({ products: 5, restaurants: 5 });
  await system.start();
  sut = await buildSystemGateway(system, logger);
}, 60_000);
afterAll(async () => {
  await system.stop();
  await sut.app.close();
  await system.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  sut.app.inject({ method: 'POST', url, payload: payload as object, headers });

function mailedCode(): string {
  const outbox = path.join(dataDir, 'outbox');
  const files = fs.readdirSync(outbox).map((f) => fs.readFileSync(path.join(outbox, f), 'utf8'));
  const message = files.find((m) => m.includes(email) && m.includes('verification code'));
  const code = /\b(\d{6})\b/.exec(message ?? '')?.[1];
  if (!code) throw new Error('no verification code was mailed');
  return code;
}

async function signed(
  req: RequestToSign,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string },
) {
  const request = await awsSign(req, { credentials, tokenUnsigned: true });
  return sut.app.inject({
    method: req.method as 'GET' | 'POST',
    url: request.url,
    headers: request.headers,
    ...(req.body ? { payload: req.body } : {}),
  });
}

describe('identity journey', () => {
  let idToken: string;
  let credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };

  it('signs up, reads the mailed code, confirms and signs in', async () => {
    const weak = await post('/v1/auth/signup', { email, password: 'password' });
    expect(weak.statusCode).toBe(400);
    expect((await post('/v1/auth/signup', { email, password, name: 'Ada' })).statusCode).toBe(201);
    expect((await post('/v1/auth/signin', { email, password })).statusCode).not.toBe(200);
    expect((await post('/v1/auth/confirm', { email, code: mailedCode() })).statusCode).toBeLessThan(300);
    const signIn = await post('/v1/auth/signin', { email, password });
    expect(signIn.statusCode).toBe(200);
    idToken = signIn.json().idToken;
    const me = await sut.app.inject({ url: '/v1/me', headers: { authorization: `Bearer ${idToken}` } });
    expect(me.json()).toMatchObject({ email });
  });

  it('exchanges the ID token for temporary credentials and calls the API signed with SigV4', async () => {
    const exchange = await post('/v1/identity/credentials', {}, { authorization: `Bearer ${idToken}` });
    expect(exchange.statusCode).toBe(200);
    credentials = exchange.json().credentials;
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    const me = await signed({ method: 'GET', path: '/v1/me' }, credentials);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email });
  });

  it('rejects a tampered signed request and a policy-denied one', async () => {
    const request = await awsSign({ method: 'GET', path: '/v1/me' }, { credentials, tokenUnsigned: true });
    const tampered = await sut.app.inject({ method: 'GET', url: '/v1/me?x=1', headers: request.headers });
    expect([tampered.statusCode, tampered.json().code]).toEqual([403, 'INVALID_SIGNATURE']);
    const body = JSON.stringify({
      name: 'Hack',
      description: '',
      price: { amount: 1, currency: 'USD' },
      imageUrl: '/x.svg',
      tags: [],
      stock: 1,
    });
    const write = await signed(
      {
        method: 'POST',
        path: '/v1/products',
        headers: { 'content-type': 'application/json', 'x-concierge-nonce': '1' },
        body,
      },
      credentials,
    );
    expect(write.statusCode).toBe(403);
  });

  it('places a signed checkout whose confirmation goes to the signer’s verified e-mail', async () => {
    const products = await sut.app.inject({ url: '/v1/products?limit=1' });
    const productId = products.json().items[0].id as string;
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toLocaleDateString('en-CA', {
      timeZone: 'America/New_York',
    });
    const body = JSON.stringify({
      productId,
      deliveryAddress: '1 Main St, Springfield',
      deliveryDate: inTwoDays,
    });
    const placed = await signed(
      {
        method: 'POST',
        path: '/v1/checkout',
        headers: { 'content-type': 'application/json', 'x-concierge-nonce': 'checkout-1' },
        body,
      },
      credentials,
    );
    expect(placed.statusCode).toBe(202);
    const { orderId } = placed.json();
    await eventually(
      async () => {
        const order = await signed({ method: 'GET', path: `/v1/orders/${orderId}` }, credentials);
        expect(order.json().status).toBe('confirmed');
        const mails = fs
          .readdirSync(path.join(dataDir, 'outbox'))
          .map((f) => fs.readFileSync(path.join(dataDir, 'outbox', f), 'utf8'));
        expect(
          mails.some((m) => m.includes(`To: ${email}`) && m.includes(order.json().confirmationNumber)),
        ).toBe(true);
      },
      { timeoutMs: 15_000 },
    );
  });

  it('creates an API key that authenticates catalog reads', async () => {
    const created = await post('/v1/me/api-keys', { name: 'laptop' }, { authorization: `Bearer ${idToken}` });
    expect(created.statusCode).toBe(201);
    const res = await sut.app.inject({
      url: '/v1/products?limit=2',
      headers: { 'x-api-key': created.json().value },
    });
    expect(res.statusCode).toBe(200);
    const unknown = await sut.app.inject({
      url: '/v1/products?limit=2',
      headers: { 'x-api-key': 'nope-nope-nope' },
    });
    expect(unknown.statusCode).toBe(403);
    const keyId = created.json().key.id;
    const bearer = { authorization: `Bearer ${idToken}` };
    const usage = await sut.app.inject({ url: `/v1/me/api-keys/${keyId}/usage`, headers: bearer });
    expect(usage.statusCode).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(usage.json().days).toHaveLength(30);
    expect(usage.json().days.at(-1)).toEqual({ date: today, requests: 1, throttled: 0 });
    expect(usage.json().quota).toMatchObject({ limit: 10_000, used: 1, remaining: 9_999, period: 'day' });
    const listed = await sut.app.inject({ url: '/v1/me/api-keys', headers: bearer });
    expect(listed.json().items[0].lastUsedAt).not.toBeNull();
    expect(listed.json().items[0].plan.quota.period).toBe('day');
    const otherKey = await sut.app.inject({ url: '/v1/me/api-keys/key_other/usage', headers: bearer });
    expect(otherKey.statusCode).toBe(404);
  });

  it('disabling the account stops its sign-in, credential exchange and signed calls at once', async () => {
    expect(await system.identity.accountAdmin.disable(email)).toBe(true);
    const me = await signed({ method: 'GET', path: '/v1/me' }, credentials);
    expect(me.statusCode).toBe(403);
    expect(me.json().code).toBe('INVALID_SIGNATURE');
    const exchange = await post('/v1/identity/credentials', {}, { authorization: `Bearer ${idToken}` });
    expect(exchange.statusCode).toBe(403);
    expect(exchange.json().code).toBe('USER_DISABLED');
    const signIn = await post('/v1/auth/signin', { email, password });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.json().code).toBe('USER_DISABLED');
    expect(await system.identity.accountAdmin.enable(email)).toBe(true);
    expect((await post('/v1/auth/signin', { email, password })).statusCode).toBe(200);
    expect(await system.identity.accountAdmin.disable('nobody@example.com')).toBe(false);
  });
});

import { randomBytes } from 'node:crypto';
import { type Caller, createLogger, createSqliteStore, type ServiceModule } from '@concierge/platform';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyMigrations,
  apiKeyRepository,
  createApiKeyService,
} from '../../../identity/src/api-keys/index.js';
import {
  createCredentialBroker,
  createIdTokenVerifier,
  credentialMigrations,
  credentialRepository,
  type IdTokenVerifier,
} from '../../../identity/src/credentials/index.js';
import { createPolicyEngine } from '../../../identity/src/policies/index.js';
import { buildGateway, type Gateway } from '../gateway.app.js';
import { indexDocument } from '../openapi/document.js';
import { authApi } from './__fixtures__/auth-api.js';
import { awsSign, type RequestToSign, type TestCredentials } from './__fixtures__/aws-signer.js';
import { testCache } from './__fixtures__/memory-cache.js';
import { createAuthorizer } from './authorizer.js';
import { createMemoryRateLimiter } from './rate-limit/memory-rate-limiter.js';
import { createSigV4Verifier } from './sigv4/sigv4.verifier.js';

const store = createSqliteStore({ file: ':memory:' });
let offset = 0;
const broker = createCredentialBroker({
  repository: credentialRepository(store.db),
  encryptionKey: randomBytes(32),
  region: 'us-east-1',
  now: () => Date.now() + offset,
});
const plans = {
  tiny: { name: 'tiny', rateLimit: 1, burstLimit: 2, quota: { limit: 1000, period: 'DAY' as const } },
  small: { name: 'small', rateLimit: 100, burstLimit: 100, quota: { limit: 2, period: 'MONTH' as const } },
};
const apiKeys = createApiKeyService({ repository: apiKeyRepository(store.db), plans, defaultPlan: 'tiny' });
const echo = async (req: { caller: Caller | null }) => ({ status: 200, body: { caller: req.caller } });
const shop: ServiceModule = {
  name: 'shop',
  operations: Object.fromEntries(
    [
      'getOrder',
      'checkout',
      'adminOrders',
      'listProducts',
      'getMe',
      'partnerProducts',
      'partnerOrders',
      'legacy',
    ].map((o) => [o, echo]),
  ),
};

let sut: Gateway;
let idTokens: IdTokenVerifier;
let signToken: (alg?: string) => Promise<string>;
let customer: TestCredentials;
let operator: TestCredentials;

beforeAll(async () => {
  await store.migrate(credentialMigrations);
  await store.migrate(apiKeyMigrations);
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] };
  idTokens = createIdTokenVerifier({ issuer: 'https://id.test', audience: 'app', jwks });
  signToken = () =>
    new SignJWT({ roles: ['customer'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('usr_jwt')
      .setIssuer('https://id.test')
      .setAudience('app')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  const asCreds = (i: { accessKeyId: string; secretAccessKey: string; sessionToken: string }) => ({ ...i });
  customer = asCreds(
    await broker.issue({ provider: 'id.test', subject: 'usr_c', userId: 'usr_c', roles: ['customer'] }),
  );
  operator = asCreds(
    await broker.issue({ provider: 'id.test', subject: 'usr_o', userId: 'usr_o', roles: ['operator'] }),
  );
  const document = indexDocument(authApi);
  const authenticator = createAuthorizer({
    document,
    sigv4: {
      verifier: createSigV4Verifier({
        region: 'us-east-1',
        lookup: broker.signingSecret,
        replayCache: testCache(),
      }),
      policy: createPolicyEngine({
        region: 'us-east-1',
        accountId: '000000000000',
        apiId: 'concierge',
        stage: 'v1',
      }),
    },
    bearer: idTokens,
    apiKeys: { lookup: apiKeys, limiter: createMemoryRateLimiter() },
  });
  const logger = createLogger({ level: 'silent', format: 'json' });
  sut = await buildGateway({ document, logger, authenticator, services: [shop] });
});
afterAll(async () => {
  await sut.app.close();
  await store.close();
});

async function send(req: RequestToSign, credentials?: TestCredentials, tokenUnsigned = true) {
  const signed = credentials
    ? await awsSign(req, { credentials, tokenUnsigned })
    : { ...req, url: req.path, headers: req.headers ?? {} };
  const method = req.method as 'GET' | 'POST';
  const res = await sut.app.inject({ method, url: signed.url, headers: signed.headers, payload: req.body });
  return {
    status: res.statusCode,
    code: res.json().code as string | undefined,
    body: res.json(),
    headers: res.headers,
  };
}

const checkout = (nonce: string, body = '{"productId":"p1"}'): RequestToSign => ({
  method: 'POST',
  path: '/v1/checkout',
  headers: { 'content-type': 'application/json', 'x-concierge-nonce': nonce },
  body,
});

describe('SigV4 through the gateway', () => {
  it('passes the caller from verified credentials, with the token unsigned as API Gateway SDKs send it', async () => {
    const res = await send({ method: 'GET', path: '/v1/orders/ord_1' }, customer);
    expect(res.status).toBe(200);
    expect(res.body.caller).toEqual({ userId: 'usr_c', roles: ['customer'], via: 'sigv4' });
  });

  it('verifies a signed JSON body from the raw bytes, and rejects its replay but not a new nonce', async () => {
    const req = await awsSign(checkout('n1'), { credentials: customer });
    const inject = () =>
      sut.app.inject({ method: 'POST', url: req.url, headers: req.headers, payload: req.body });
    expect((await inject()).statusCode).toBe(200);
    const replay = await inject();
    expect([replay.statusCode, replay.json().code]).toEqual([403, 'INVALID_SIGNATURE']);
    expect((await send(checkout('n2'), customer)).status).toBe(200);
  });

  it('rejects a body changed after signing', async () => {
    const req = await awsSign(checkout('n3'), { credentials: customer });
    const res = await sut.app.inject({
      method: 'POST',
      url: req.url,
      headers: req.headers,
      payload: '{"productId":"p9"}',
    });
    expect([res.statusCode, res.json().code]).toEqual([403, 'INVALID_SIGNATURE']);
  });

  it('denies admin routes to customers (also percent-encoded) and allows them to operators', async () => {
    expect((await send({ method: 'GET', path: '/v1/admin/orders' }, customer)).code).toBe('ACCESS_DENIED');
    expect((await send({ method: 'GET', path: '/v1/%61dmin/orders' }, customer)).status).toBe(403);
    expect((await send({ method: 'GET', path: '/v1/admin/orders' }, operator)).status).toBe(200);
  });

  it('answers a missing signature with 403, but lets anonymous-allowed operations through', async () => {
    expect(await send({ method: 'GET', path: '/v1/orders/ord_1' })).toMatchObject({
      status: 403,
      code: 'MISSING_AUTHENTICATION_TOKEN',
    });
    expect((await send({ method: 'GET', path: '/v1/products' })).body.caller).toBeNull();
    expect((await send({ method: 'GET', path: '/v1/products' }, customer)).body.caller.via).toBe('sigv4');
  });

  it('answers expired credentials with EXPIRED_TOKEN', async () => {
    offset = -7_200_000;
    const old = await broker.issue({
      provider: 'id.test',
      subject: 'usr_c',
      userId: 'usr_c',
      roles: ['customer'],
    });
    offset = 0;
    expect(await send({ method: 'GET', path: '/v1/orders/ord_1' }, old)).toMatchObject({
      status: 403,
      code: 'EXPIRED_TOKEN',
    });
  });

  it('never satisfies a scheme the document does not define', async () => {
    expect((await send({ method: 'GET', path: '/v1/legacy' }, customer)).status).toBe(403);
  });
});

describe('bearer JWT through the gateway', () => {
  it('accepts a valid ID token and refuses alg=none', async () => {
    const ok = await send({
      method: 'GET',
      path: '/v1/me',
      headers: { authorization: `Bearer ${await signToken()}` },
    });
    expect(ok.body.caller).toEqual({ userId: 'usr_jwt', roles: ['customer'], via: 'jwt' });
    const none = new UnsecuredJWT({ sub: 'usr_x' })
      .setIssuer('https://id.test')
      .setAudience('app')
      .setExpirationTime('1h')
      .encode();
    expect(
      await send({ method: 'GET', path: '/v1/me', headers: { authorization: `Bearer ${none}` } }),
    ).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(await send({ method: 'GET', path: '/v1/me' })).toMatchObject({
      status: 401,
      code: 'UNAUTHORIZED',
    });
  });
});

describe('API keys and usage plans through the gateway', () => {
  const withKey = (key?: string, path = '/v1/partner/products') =>
    send({ method: 'GET', path, headers: key ? { 'x-api-key': key } : {} });

  it('refuses a missing, unknown or revoked key with 403 INVALID_API_KEY', async () => {
    expect((await withKey()).code).toBe('INVALID_API_KEY');
    expect((await withKey('ck_nope_nope')).code).toBe('INVALID_API_KEY');
    const { key, value } = await apiKeys.create('usr_k', 'revoked', 'small');
    expect((await withKey(value)).body.caller).toEqual({
      userId: 'usr_k',
      roles: [],
      via: 'api-key',
      apiKeyId: key.id,
    });
    await apiKeys.revoke('usr_k', key.id);
    expect(await withKey(value)).toMatchObject({ status: 403, code: 'INVALID_API_KEY' });
  });

  it('throttles past the burst with 429 THROTTLED and Retry-After', async () => {
    const { value } = await apiKeys.create('usr_k', 'busy', 'tiny');
    expect((await withKey(value)).status).toBe(200);
    expect((await withKey(value)).status).toBe(200);
    const third = await withKey(value);
    expect([third.status, third.code, third.headers['retry-after']]).toEqual([429, 'THROTTLED', '1']);
  });

  it('stops at the quota with 429 QUOTA_EXCEEDED until the period ends', async () => {
    const { value } = await apiKeys.create('usr_k', 'metered', 'small');
    await withKey(value);
    await withKey(value);
    const over = await withKey(value);
    expect([over.status, over.code]).toEqual([429, 'QUOTA_EXCEEDED']);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('requires both a signature and a key where the operation asks for both', async () => {
    const { key, value } = await apiKeys.create('usr_c', 'both', 'small');
    expect(
      (await send({ method: 'GET', path: '/v1/partner/orders', headers: { 'x-api-key': value } })).code,
    ).toBe('MISSING_AUTHENTICATION_TOKEN');
    const res = await send(
      { method: 'GET', path: '/v1/partner/orders', headers: { 'x-api-key': value } },
      customer,
    );
    expect(res.body.caller).toMatchObject({ userId: 'usr_c', via: 'sigv4', apiKeyId: key.id });
  });
});

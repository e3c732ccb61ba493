import { UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { useAuthGateway } from './__fixtures__/auth-gateway.js';

const h = useAuthGateway();

describe('bearer JWT through the gateway', () => {
  it('accepts a valid ID token and refuses alg=none', async () => {
    const ok = await h.send({
      method: 'GET',
      path: '/v1/me',
      headers: { authorization: `Bearer ${await h.signToken()}` },
    });
    expect(ok.body.caller).toEqual({ userId: 'usr_jwt', roles: ['customer'], via: 'jwt' });
    const none = new UnsecuredJWT({ sub: 'usr_x' })
      .setIssuer('https://id.test')
      .setAudience('app')
      .setExpirationTime('1h')
      .encode();
    expect(
      await h.send({ method: 'GET', path: '/v1/me', headers: { authorization: `Bearer ${none}` } }),
    ).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(await h.send({ method: 'GET', path: '/v1/me' })).toMatchObject({
      status: 401,
      code: 'UNAUTHORIZED',
    });
  });
});

describe('API keys and usage plans through the gateway', () => {
  const withKey = (key?: string, path = '/v1/partner/products') =>
    h.send({ method: 'GET', path, headers: key ? { 'x-api-key': key } : {} });

  it('refuses a missing, unknown or revoked key with 403 INVALID_API_KEY', async () => {
    expect((await withKey()).code).toBe('INVALID_API_KEY');
    expect((await withKey('ck_nope_nope')).code).toBe('INVALID_API_KEY');
    const { key, value } = await h.apiKeys.create('usr_k', 'revoked', 'small');
    expect((await withKey(value)).body.caller).toEqual({
      userId: 'usr_k',
      roles: [],
      via: 'api-key',
      apiKeyId: key.id,
    });
    await h.apiKeys.revoke('usr_k', key.id);
    expect(await withKey(value)).toMatchObject({ status: 403, code: 'INVALID_API_KEY' });
  });

  it('throttles past the burst with 429 THROTTLED and Retry-After', async () => {
    const { value } = await h.apiKeys.create('usr_k', 'busy', 'tiny');
    expect((await withKey(value)).status).toBe(200);
    expect((await withKey(value)).status).toBe(200);
    const third = await withKey(value);
    expect([third.status, third.code, third.headers['retry-after']]).toEqual([429, 'THROTTLED', '1']);
  });

  it('stops at the quota with 429 QUOTA_EXCEEDED until the period ends', async () => {
    const { value } = await h.apiKeys.create('usr_k', 'metered', 'small');
    await withKey(value);
    await withKey(value);
    const over = await withKey(value);
    expect([over.status, over.code]).toEqual([429, 'QUOTA_EXCEEDED']);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('requires both a signature and a key where the operation asks for both', async () => {
    const { key, value } = await h.apiKeys.create('usr_c', 'both', 'small');
    expect(
      (await h.send({ method: 'GET', path: '/v1/partner/orders', headers: { 'x-api-key': value } })).code,
    ).toBe('MISSING_AUTHENTICATION_TOKEN');
    const res = await h.send(
      { method: 'GET', path: '/v1/partner/orders', headers: { 'x-api-key': value } },
      h.customer,
    );
    expect(res.body.caller).toMatchObject({ userId: 'usr_c', via: 'sigv4', apiKeyId: key.id });
  });
});

import { describe, expect, it } from 'vitest';
import { useAuthGateway } from './__fixtures__/auth-gateway.js';
import { awsSign } from './__fixtures__/aws-signer.js';

const h = useAuthGateway();

describe('SigV4 through the gateway', () => {
  it('passes the caller from verified credentials, with the token unsigned as API Gateway SDKs send it', async () => {
    const res = await h.send({ method: 'GET', path: '/v1/orders/ord_1' }, h.customer);
    expect(res.status).toBe(200);
    expect(res.body.caller).toEqual({ userId: 'usr_c', roles: ['customer'], via: 'sigv4' });
  });

  it('verifies a signed JSON body from the raw bytes, and rejects its replay but not a new nonce', async () => {
    const req = await awsSign(h.checkout('n1'), { credentials: h.customer });
    const inject = () =>
      h.sut.app.inject({ method: 'POST', url: req.url, headers: req.headers, payload: req.body });
    expect((await inject()).statusCode).toBe(200);
    const replay = await inject();
    expect([replay.statusCode, replay.json().code]).toEqual([403, 'INVALID_SIGNATURE']);
    expect((await h.send(h.checkout('n2'), h.customer)).status).toBe(200);
  });

  it('rejects a body changed after signing', async () => {
    const req = await awsSign(h.checkout('n3'), { credentials: h.customer });
    const res = await h.sut.app.inject({
      method: 'POST',
      url: req.url,
      headers: req.headers,
      payload: '{"productId":"p9"}',
    });
    expect([res.statusCode, res.json().code]).toEqual([403, 'INVALID_SIGNATURE']);
  });

  it('denies admin routes to customers (also percent-encoded) and allows them to operators', async () => {
    expect((await h.send({ method: 'GET', path: '/v1/admin/orders' }, h.customer)).code).toBe(
      'ACCESS_DENIED',
    );
    expect((await h.send({ method: 'GET', path: '/v1/%61dmin/orders' }, h.customer)).status).toBe(403);
    expect((await h.send({ method: 'GET', path: '/v1/admin/orders' }, h.operator)).status).toBe(200);
  });

  it('answers a missing signature with 403, but lets anonymous-allowed operations through', async () => {
    expect(await h.send({ method: 'GET', path: '/v1/orders/ord_1' })).toMatchObject({
      status: 403,
      code: 'MISSING_AUTHENTICATION_TOKEN',
    });
    expect((await h.send({ method: 'GET', path: '/v1/products' })).body.caller).toBeNull();
    expect((await h.send({ method: 'GET', path: '/v1/products' }, h.customer)).body.caller.via).toBe('sigv4');
  });

  it('answers expired credentials with EXPIRED_TOKEN', async () => {
    h.setClockOffset(-7_200_000);
    const old = await h.broker.issue({
      provider: 'id.test',
      subject: 'usr_c',
      userId: 'usr_c',
      roles: ['customer'],
    });
    h.setClockOffset(0);
    expect(await h.send({ method: 'GET', path: '/v1/orders/ord_1' }, old)).toMatchObject({
      status: 403,
      code: 'EXPIRED_TOKEN',
    });
  });

  it('answers EXPIRED_TOKEN once credentials expire, even right after a request that passed', async () => {
    h.setClockOffset(-3_590_000);
    const short = await h.broker.issue({
      provider: 'id.test',
      subject: 'usr_d',
      userId: 'usr_d',
      roles: ['customer'],
    });
    h.setClockOffset(0);
    const get = { method: 'GET', path: '/v1/orders/ord_1' };
    expect((await h.send(get, short)).status).toBe(200);
    expect((await h.send(get, short)).status).toBe(200);
    h.setClockOffset(11_000);
    expect(await h.send(get, short)).toMatchObject({ status: 403, code: 'EXPIRED_TOKEN' });
    h.setClockOffset(0);
  });

  it('never satisfies a scheme the document does not define', async () => {
    expect((await h.send({ method: 'GET', path: '/v1/legacy' }, h.customer)).status).toBe(403);
  });
});

import { AppError } from '@concierge/platform';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsSign, type RequestToSign, type SignOptions } from '../__fixtures__/aws-signer.js';
import { testCache } from '../__fixtures__/memory-cache.js';
import { createSigV4Verifier, type SignedHttpRequest } from './sigv4.verifier.js';

const signedAt = new Date('2026-11-27T12:00:00Z');
let clock = signedAt.getTime();
const creds = {
  accessKeyId: 'ASIAEXAMPLE7QXZ2R4T1',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'tok.for.ASIAEXAMPLE7QXZ2R4T1',
};

function lookup(accessKeyId: string, sessionToken: string | undefined) {
  if (accessKeyId !== creds.accessKeyId)
    throw new AppError('forbidden', 'unknown key', { code: 'INVALID_SIGNATURE' });
  if (sessionToken !== creds.sessionToken)
    throw new AppError('forbidden', 'bad token', { code: 'INVALID_SIGNATURE' });
  return Promise.resolve({ secretAccessKey: creds.secretAccessKey, userId: 'usr_1' });
}

let sut: ReturnType<typeof createSigV4Verifier<{ secretAccessKey: string; userId: string }>>;
beforeEach(() => {
  clock = signedAt.getTime();
  sut = createSigV4Verifier({
    region: 'us-east-1',
    lookup,
    replayCache: testCache(() => clock),
    now: () => clock,
  });
});

const sign = (req: RequestToSign, options: Partial<SignOptions> = {}) =>
  awsSign(req, { credentials: creds, signingDate: signedAt, ...options });

function asReceived(r: {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}): SignedHttpRequest {
  const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    method: r.method,
    url: r.url,
    headers,
    body: r.body === undefined ? undefined : Buffer.from(r.body),
  };
}

async function reason(request: SignedHttpRequest): Promise<string> {
  try {
    await sut.verify(request);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = error.details as { reason?: string } | undefined;
    return details?.reason ? `${error.code}:${details.reason}` : error.code;
  }
}

const post: RequestToSign = {
  method: 'POST',
  path: '/v1/checkout',
  headers: { 'content-type': 'application/json', 'x-concierge-nonce': 'n1' },
  body: JSON.stringify({ productId: 'p1', deliveryAddress: 'x', deliveryDate: '2026-12-01' }),
};

describe('SigV4 verification against AWS signer output', () => {
  it('accepts the header form with the token signed, and returns the looked-up credentials', async () => {
    const res = await sut.verify(
      asReceived(await sign({ method: 'GET', path: '/v1/orders', query: { limit: '5' } })),
    );
    expect(res).toMatchObject({
      accessKeyId: creds.accessKeyId,
      form: 'header',
      credentials: { userId: 'usr_1' },
    });
  });

  it('accepts a JSON body and a token sent unsigned, as API Gateway SDKs do', async () => {
    expect(await reason(asReceived(await sign(post, { tokenUnsigned: true })))).toBe('accepted');
  });

  it('accepts presigned URLs (query form)', async () => {
    const req = await sign({ method: 'GET', path: '/v1/orders/ord_1' }, { presignSeconds: 900 });
    expect(req.url).toContain('X-Amz-Signature=');
    clock += 600_000;
    expect(await reason(asReceived(req))).toBe('accepted');
  });

  it('double-encodes paths and escapes queries as AWS does', async () => {
    const req = await sign({
      method: 'GET',
      path: '/v1/products/red%20roses%C3%A9',
      query: { q: "mom's flowers & more*", tag: 'a/b=c' },
    });
    expect(await reason(asReceived(req))).toBe('accepted');
  });

  it('builds the canonical path and header values as AWS does, in the plain shape and the unusual ones', async () => {
    const paths = [
      '/v1/orders/ord_1',
      '/v1/a.b/_~-x/',
      '/',
      '/v1/.../x',
      '/v1/.well-known',
      '/v1//orders',
      '/v1/./orders/../orders',
      '/v1/products/caf%C3%A9',
      "/v1/it's(1)",
    ];
    for (const path of paths) {
      expect([path, await reason(asReceived(await sign({ method: 'GET', path })))]).toEqual([
        path,
        'accepted',
      ]);
    }
    const notes = ['plain', ' padded ', 'two  spaces', 'a\tb'];
    for (const note of notes) {
      const req = await sign({ method: 'GET', path: '/v1/orders', headers: { 'x-concierge-note': note } });
      expect([note, await reason(asReceived(req))]).toEqual([note, 'accepted']);
    }
  });

  it('refuses a request without any signature', async () => {
    expect(await reason({ method: 'GET', url: '/v1/orders', headers: { host: 'localhost' } })).toBe(
      'MISSING_AUTHENTICATION_TOKEN',
    );
  });
});

describe('SigV4 attacks', () => {
  it('tampered body, header, path, query or method', async () => {
    const good = asReceived(await sign(post));
    const body = Buffer.from(String(good.body).replace('p1', 'p2'));
    expect(await reason({ ...good, body })).toBe('INVALID_SIGNATURE:payload');
    const { 'x-amz-content-sha256': _, ...noHash } = good.headers;
    expect(await reason({ ...good, body, headers: noHash })).toBe('INVALID_SIGNATURE:missing_header');
    expect(await reason({ ...good, headers: { ...good.headers, 'x-concierge-nonce': 'n2' } })).toBe(
      'INVALID_SIGNATURE:mismatch',
    );
    expect(await reason({ ...good, url: '/v1/checkouts' })).toBe('INVALID_SIGNATURE:mismatch');
    expect(await reason({ ...good, method: 'PUT' })).toBe('INVALID_SIGNATURE:mismatch');
    const get = asReceived(await sign({ method: 'GET', path: '/v1/orders', query: { limit: '5' } }));
    expect(await reason({ ...get, url: '/v1/orders?limit=6' })).toBe('INVALID_SIGNATURE:mismatch');
    expect(await reason({ ...get, url: '/v1/orders?limit=5&admin=1' })).toBe('INVALID_SIGNATURE:mismatch');
  });

  it('a body hash header that does not match, or UNSIGNED-PAYLOAD', async () => {
    const good = asReceived(await sign(post));
    const headers = { ...good.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
    expect(await reason({ ...good, headers })).toBe('INVALID_SIGNATURE:payload');
  });

  it('host or x-amz-date left out of SignedHeaders', async () => {
    const good = asReceived(await sign({ method: 'GET', path: '/v1/orders' }));
    const auth = String(good.headers.authorization).replace('host;', '');
    expect(await reason({ ...good, headers: { ...good.headers, authorization: auth } })).toBe(
      'INVALID_SIGNATURE:unsigned_header',
    );
  });

  it('wrong region or service in the scope', async () => {
    expect(await reason(asReceived(await sign(post, { region: 'eu-west-1' })))).toBe(
      'INVALID_SIGNATURE:scope',
    );
    expect(await reason(asReceived(await sign(post, { service: 's3' })))).toBe('INVALID_SIGNATURE:scope');
  });

  it('a signature made with another secret', async () => {
    const req = await awsSign(post, {
      credentials: { ...creds, secretAccessKey: 'x'.repeat(40) },
      signingDate: signedAt,
    });
    expect(await reason(asReceived(req))).toBe('INVALID_SIGNATURE:mismatch');
  });

  it('clock skew over 5 minutes either way, but not within it', async () => {
    const req = asReceived(await sign({ method: 'GET', path: '/v1/orders' }));
    clock = signedAt.getTime() + 299_000;
    expect(await reason(req)).toBe('accepted');
    clock = signedAt.getTime() + 301_000;
    expect(await reason(req)).toBe('INVALID_SIGNATURE:expired');
    clock = signedAt.getTime() - 301_000;
    expect(await reason(req)).toBe('INVALID_SIGNATURE:not_yet_valid');
  });

  it('a presigned URL after X-Amz-Expires', async () => {
    const req = asReceived(await sign({ method: 'GET', path: '/v1/orders' }, { presignSeconds: 60 }));
    clock += 61_000;
    expect(await reason(req)).toBe('INVALID_SIGNATURE:expired');
  });

  it('a replayed POST inside the window; a new nonce or a repeated GET pass', async () => {
    const first = asReceived(await sign(post));
    expect(await reason(first)).toBe('accepted');
    clock += 10_000;
    expect(await reason(first)).toBe('INVALID_SIGNATURE:replayed');
    const again = { ...post, headers: { ...post.headers, 'x-concierge-nonce': 'n2' } };
    expect(await reason(asReceived(await sign(again)))).toBe('accepted');
    const get = asReceived(await sign({ method: 'GET', path: '/v1/orders' }));
    expect(await reason(get)).toBe('accepted');
    expect(await reason(get)).toBe('accepted');
  });

  it('each request is judged by its own X-Amz-Date, whichever date the one before carried', async () => {
    const now = asReceived(await sign({ method: 'GET', path: '/v1/orders' }));
    const later = asReceived(
      await sign({ method: 'GET', path: '/v1/orders' }, { signingDate: new Date(clock + 600_000) }),
    );
    expect(await reason(now)).toBe('accepted');
    expect(await reason(later)).toBe('INVALID_SIGNATURE:not_yet_valid');
    expect(await reason(now)).toBe('accepted');
    // The date header changed after signing, to one seen just before: the signature no longer matches.
    const moved = { ...later, headers: { ...later.headers, 'x-amz-date': now.headers['x-amz-date'] } };
    expect(await reason(moved)).toBe('INVALID_SIGNATURE:mismatch');
    const malformed = { ...now, headers: { ...now.headers, 'x-amz-date': '20261127T12000Z' } };
    expect(await reason(malformed)).toBe('INVALID_SIGNATURE:malformed');
    expect(await reason(now)).toBe('accepted');
  });

  it('a signature that is not 64 lower-case hex digits never matches, before or after good ones', async () => {
    const good = asReceived(await sign({ method: 'GET', path: '/v1/orders' }));
    const auth = String(good.headers.authorization);
    const signature = auth.slice(-64);
    const withSignature = (value: string) => ({
      ...good,
      headers: { ...good.headers, authorization: `${auth.slice(0, -64)}${value}` },
    });
    for (const bad of [
      signature.toUpperCase(),
      signature.slice(0, 62),
      `${signature}00`,
      `${signature.slice(0, 63)}g`,
      `${signature.slice(0, 63)}${signature[63] === '0' ? '1' : '0'}`,
    ]) {
      expect([bad, await reason(withSignature(bad))]).toEqual([bad, 'INVALID_SIGNATURE:mismatch']);
      expect(await reason(good)).toBe('accepted');
    }
  });

  it('a missing or foreign security token', async () => {
    const req = asReceived(await sign(post, { tokenUnsigned: true }));
    const { 'x-amz-security-token': _, ...without } = req.headers;
    expect(await reason({ ...req, headers: without })).toBe('INVALID_SIGNATURE');
    expect(await reason({ ...req, headers: { ...req.headers, 'x-amz-security-token': 'other' } })).toBe(
      'INVALID_SIGNATURE',
    );
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveSystem, startLiveSystem } from './__fixtures__/live-system.js';
import { createConciergeClient } from './client.js';
import type { Session } from './session.js';
import { signIn } from './sign-in.js';

let live: LiveSystem;
let session: Session;

// Assembling the system trains the chat model from scratch: a few seconds alone, more than vitest's default
// 10 s hook timeout when the shared machine is busy.
beforeAll(async () => {
  live = await startLiveSystem();
  session = await signIn(live.baseUrl, live.email, live.password);
}, 60_000);
afterAll(() => live.close());

const hello = { messages: [{ type: 'unstructured' as const, unstructured: { text: 'I need red roses' } }] };

describe('SigV4 mode', () => {
  it('signs reads with the session credentials', async () => {
    const sut = createConciergeClient({ baseUrl: live.baseUrl, auth: { kind: 'sigv4', session } });
    const me = await sut.GET('/v1/me');
    expect(me.response.status).toBe(200);
    expect(me.data?.email).toBe(live.email);
    const products = await sut.GET('/v1/products', { params: { query: { limit: 2 } } });
    expect(products.data?.items).toHaveLength(2);
  });

  it('sends two identical messages and both pass the replay check thanks to the nonce', async () => {
    const sut = createConciergeClient({ baseUrl: live.baseUrl, auth: { kind: 'sigv4', session } });
    const [first, second] = await Promise.all([
      sut.POST('/v1/nlu', { body: hello }),
      sut.POST('/v1/nlu', { body: hello }),
    ]);
    expect([first.response.status, second.response.status]).toEqual([200, 200]);
    expect(first.data?.messages.length).toBeGreaterThan(0);
  });

  it('is refused when signed for another region', async () => {
    const sut = createConciergeClient({
      baseUrl: live.baseUrl,
      auth: { kind: 'sigv4', session },
      region: 'eu-west-1',
    });
    const me = await sut.GET('/v1/me');
    expect([me.response.status, me.error?.code]).toEqual([403, 'INVALID_SIGNATURE']);
  });
});

describe('bearer, API-key and anonymous modes', () => {
  it('calls with the ID token as a bearer token', async () => {
    const sut = createConciergeClient({
      baseUrl: live.baseUrl,
      auth: { kind: 'bearer', token: () => session.idToken() },
    });
    expect((await sut.GET('/v1/me')).data?.email).toBe(live.email);
  });

  it('creates an API key, then reads the catalog with it', async () => {
    const owner = createConciergeClient({ baseUrl: live.baseUrl, auth: { kind: 'sigv4', session } });
    const created = await owner.POST('/v1/me/api-keys', { body: { name: 'sdk test' } });
    expect(created.response.status).toBe(201);
    const sut = createConciergeClient({
      baseUrl: live.baseUrl,
      auth: { kind: 'apiKey', key: created.data!.value },
    });
    expect((await sut.GET('/v1/products', { params: { query: { limit: 1 } } })).data?.items).toHaveLength(1);
    const bad = createConciergeClient({ baseUrl: live.baseUrl, auth: { kind: 'apiKey', key: 'ck_nope' } });
    expect((await bad.GET('/v1/products')).response.status).toBe(403);
  });

  it('reads public operations without credentials and is refused on private ones', async () => {
    const sut = createConciergeClient({ baseUrl: live.baseUrl, auth: { kind: 'none' } });
    expect((await sut.GET('/v1/products')).response.status).toBe(200);
    expect((await sut.GET('/v1/me')).response.status).toBe(403);
  });
});

describe('timeouts', () => {
  const hanging = http.createServer(() => {});
  let baseUrl: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
  });

  it('gives up after timeoutMs', async () => {
    const sut = createConciergeClient({ baseUrl, auth: { kind: 'none' }, timeoutMs: 100 });
    await expect(sut.GET('/v1/products')).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('honours a per-call signal as well', async () => {
    const sut = createConciergeClient({ baseUrl, auth: { kind: 'none' } });
    await expect(sut.GET('/v1/products', { signal: AbortSignal.timeout(50) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });
});

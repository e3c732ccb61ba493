import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveSystem, startLiveSystem } from './__fixtures__/live-system.js';
import { createConciergeClient } from './client.js';
import type { Tokens } from './session.js';
import { signIn } from './sign-in.js';

let live: LiveSystem;
// Assembling the system trains the chat model from scratch: a few seconds alone, more than vitest's default
// 10 s hook timeout when the shared machine is busy.
beforeAll(async () => {
  live = await startLiveSystem({ CONCIERGE_TOKEN_TTL_SECONDS: '600' });
}, 60_000);
afterAll(() => live.close());

/** The session's own calls, by path, through a fetch that counts them. */
function countingFetch() {
  const calls: string[] = [];
  const fetch = (request: Request) => {
    calls.push(new URL(request.url).pathname);
    return globalThis.fetch(request);
  };
  return { calls, fetch };
}

describe('session', () => {
  it('reuses credentials, then exchanges again five minutes before they expire', async () => {
    let clock = Date.now();
    const { calls, fetch } = countingFetch();
    const sut = await signIn(live.baseUrl, live.email, live.password, { fetch, now: () => clock });
    const first = await sut.credentials();
    expect(await sut.credentials()).toBe(first);
    clock = Date.parse(first.expiration) - 299_000;
    const second = await sut.credentials();
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(calls.filter((p) => p === '/v1/identity/credentials')).toHaveLength(2);
    const api = createConciergeClient({ baseUrl: live.baseUrl, auth: { kind: 'sigv4', session: sut } });
    expect((await api.GET('/v1/me')).response.status).toBe(200);
  });

  it('refreshes the ID token with the refresh token when it is about to expire', async () => {
    let clock = Date.now();
    const { calls, fetch } = countingFetch();
    const sut = await signIn(live.baseUrl, live.email, live.password, { fetch, now: () => clock });
    const token = await sut.idToken();
    expect(calls).not.toContain('/v1/auth/refresh');
    clock += 301_000; // the tokens live 600 s here: now inside the 5-minute margin
    await sut.credentials();
    expect(calls.filter((p) => p === '/v1/auth/refresh')).toHaveLength(1);
    expect(typeof (await sut.idToken())).toBe('string');
    expect(await sut.idToken()).not.toBe(token);
  });

  it('hands the refreshed tokens to onTokens, keeping the refresh token when it was not rotated', async () => {
    let clock = Date.now();
    const seen: Tokens[] = [];
    const sut = await signIn(live.baseUrl, live.email, live.password, {
      now: () => clock,
      onTokens: (tokens) => seen.push(tokens),
    });
    clock += 301_000;
    const token = await sut.idToken();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.idToken).toBe(token);
    expect(seen[0]?.refreshToken).toEqual(expect.any(String));
  });

  it('shares one refresh between concurrent calls', async () => {
    let clock = Date.now();
    const { calls, fetch } = countingFetch();
    const sut = await signIn(live.baseUrl, live.email, live.password, { fetch, now: () => clock });
    clock += 301_000;
    const all = await Promise.all(Array.from({ length: 5 }, () => sut.credentials()));
    expect(new Set(all.map((c) => c.accessKeyId)).size).toBe(1);
    expect(calls.filter((p) => p === '/v1/auth/refresh')).toHaveLength(1);
    expect(calls.filter((p) => p === '/v1/identity/credentials')).toHaveLength(1);
  });

  it('says why when the password is wrong', async () => {
    await expect(signIn(live.baseUrl, live.email, 'Wrong-password-1')).rejects.toThrow(/Sign-in failed \(4/);
  });
});

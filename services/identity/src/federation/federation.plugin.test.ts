import type { AddressInfo } from 'node:net';
import { toHttpError } from '@concierge/platform';
import Fastify, { type FastifyInstance } from 'fastify';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IdentityFixture, identityFixture } from '../accounts/identity.fixture.js';
import { testBrowser } from '../oidc/browser.fixture.js';
import { registerOidc } from '../oidc/oidc.plugin.js';
import { createOidcProvider } from '../oidc/oidc.provider.js';
import { publicJwks } from '../oidc/signing-keys.js';
import { createFederation } from './federation.module.js';
import { registerFederation } from './federation.plugin.js';

const password = 'Corr3ct-horse';

async function listening(): Promise<{ app: FastifyInstance; base: string }> {
  const app = Fastify();
  app.setErrorHandler((error, request, reply) => {
    const answer = toHttpError(error, request.id);
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

describe('registerFederation (outside provider played by a second oidc-provider)', () => {
  let outside: { app: FastifyInstance; base: string; fx: IdentityFixture };
  let ours: { app: FastifyInstance; base: string; fx: IdentityFixture };

  beforeAll(async () => {
    const o = await listening();
    const u = await listening();
    outside = { ...o, fx: await identityFixture({}, `${o.base}/oidc`) };
    ours = { ...u, fx: await identityFixture({}, `${u.base}/oidc`) };
    const provider = await createOidcProvider({
      issuer: outside.fx.issuer,
      keys: outside.fx.keys,
      cookieKeys: ['outside-cookie-key'],
      store: outside.fx.store,
      repository: outside.fx.identity.repository,
      clients: [
        {
          clientId: 'concierge',
          clientSecret: 'outside-secret',
          redirectUris: [`${ours.base}/v1/auth/federated/outside/callback`],
        },
      ],
    });
    await registerOidc(outside.app, {
      provider,
      sessions: outside.fx.identity.sessions,
      firstPartyClients: ['concierge'],
    });
    const federation = createFederation({
      providers: [
        { name: 'outside', issuer: outside.fx.issuer, clientId: 'concierge', clientSecret: 'outside-secret' },
      ],
      store: ours.fx.store,
      identity: ours.fx.identity,
      publicBaseUrl: ours.base,
      allowInsecureHttp: true,
      timeoutSeconds: 5,
    });
    await registerFederation(ours.app, { federation });
    await Promise.all([outside.app.ready(), ours.app.ready()]);
  });
  afterAll(async () => {
    await Promise.all([outside.app.close(), ours.app.close()]);
    await Promise.all([outside.fx.close(), ours.fx.close()]);
  });

  async function signInOutside(email: string) {
    const browser = testBrowser();
    const { response, url } = await browser.go(`${ours.base}/v1/auth/federated/outside/start`);
    expect(url.startsWith(`${outside.base}/oidc/interaction/`)).toBe(true);
    const action = new URL(/action="([^"]+)"/.exec(await response.text())?.[1] ?? '', url).href;
    const { response: done } = await browser.go(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password }).toString(),
    });
    return done;
  }

  async function subjectOf(response: Response): Promise<string> {
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as { idToken: string; refreshToken: string; tokenType: string };
    expect(tokens.tokenType).toBe('Bearer');
    const { payload } = await jwtVerify(tokens.idToken, createLocalJWKSet(publicJwks(ours.fx.keys)), {
      issuer: ours.fx.issuer,
      audience: 'concierge-web',
    });
    return payload.sub!;
  }

  it('creates an account for a new verified e-mail and answers our tokens; the second time finds the link', async () => {
    await outside.fx.confirmedAccount('zoe@example.com', password);
    const sub = await subjectOf(await signInOutside('zoe@example.com'));
    expect(await ours.fx.identity.accounts.profile(sub)).toMatchObject({
      email: 'zoe@example.com',
      emailVerified: true,
      provider: 'federated',
    });
    expect(await subjectOf(await signInOutside('zoe@example.com'))).toBe(sub);
  });

  it('links to the existing account with the same verified e-mail', async () => {
    const local = await ours.fx.confirmedAccount('yan@example.com', password);
    await outside.fx.confirmedAccount('yan@example.com', password);
    expect(await subjectOf(await signInOutside('yan@example.com'))).toBe(local);
  });

  it('refuses a callback this browser did not start', async () => {
    const response = await fetch(`${ours.base}/v1/auth/federated/outside/callback?code=x&state=forged`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'FEDERATION_FAILED' });
  });

  it('answers 404 for a provider that is not configured', async () => {
    expect((await fetch(`${ours.base}/v1/auth/federated/nobody/start`)).status).toBe(404);
  });
});

import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { toHttpError } from '@concierge/platform';
import Fastify, { type FastifyInstance } from 'fastify';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IdentityFixture, identityFixture } from '../accounts/identity.fixture.js';
import { testBrowser } from './browser.fixture.js';
import { registerOidc } from './oidc.plugin.js';
import { createOidcProvider } from './oidc.provider.js';

const password = 'Corr3ct-horse';

describe('registerOidc (a real relying party against a listening gateway)', () => {
  let app: FastifyInstance;
  let fx: IdentityFixture;
  let base: string;
  let config: client.Configuration;
  let redirectUri: string;
  let made = 0;
  let madeBeforeFirstRequest = -1;

  beforeAll(async () => {
    app = Fastify();
    // The gateway's error handler does this in production.
    app.setErrorHandler((error, request, reply) => {
      const answer = toHttpError(error, request.id);
      return reply.code(answer.status).send(answer.body);
    });
    // Listen first: the issuer URL must carry the port before the provider is built.
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    redirectUri = `${base}/app/callback`;
    fx = await identityFixture({}, `${base}/oidc`);
    await fx.confirmedAccount('ann@example.com', password);
    // Made lazily, as the embedded system does: on the first OpenID request, once.
    const provider = () => {
      made++;
      return createOidcProvider({
        issuer: fx.issuer,
        keys: fx.keys,
        cookieKeys: ['test-cookie-key'],
        store: fx.store,
        repository: fx.identity.repository,
        clients: [{ clientId: 'concierge-web', redirectUris: [redirectUri] }],
      });
    };
    await registerOidc(app, { provider, sessions: fx.identity.sessions });
    await app.ready();
    madeBeforeFirstRequest = made;
    config = await client.discovery(new URL(fx.issuer), 'concierge-web', undefined, client.None(), {
      execute: [client.allowInsecureRequests],
      timeout: 5,
    });
  });
  afterAll(async () => {
    await app.close();
    await fx.close();
  });

  it('makes the provider on the first OpenID request, and only once', async () => {
    expect(madeBeforeFirstRequest).toBe(0);
    const again = await fetch(`${fx.issuer}/.well-known/openid-configuration`);
    expect(again.status).toBe(200);
    expect(made).toBe(1);
  });

  async function authorize(scope = 'openid email profile offline_access') {
    const pkceCodeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope,
      state,
      // OpenID Connect Core honours offline_access only together with prompt=consent.
      prompt: 'consent',
      code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
      code_challenge_method: 'S256',
    });
    const browser = testBrowser();
    const { response, url: loginUrl } = await browser.go(url.href);
    return { browser, response, loginUrl, pkceCodeVerifier, state };
  }

  function formAction(html: string, pageUrl: string): string {
    return new URL(/action="([^"]+)"/.exec(html)?.[1] ?? '', pageUrl).href;
  }

  it('publishes discovery with PKCE S256 and the JWKS from the data folder (mode 0600)', async () => {
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(`${base}/oidc`);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    const jwks = (await (await fetch(metadata.jwks_uri!)).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys.map((k) => k.kid)).toEqual(fx.keys.keys.map((k) => k.kid));
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const stat = await fs.stat(path.join(fx.dataDir, 'keys', 'jwks.json'));
    expect(stat.mode & 0o777).toBe(0o600);
  });

  it('logs in with code + PKCE, verifies the ID token, reads userinfo and refreshes', async () => {
    const { browser, response, loginUrl, pkceCodeVerifier, state } = await authorize();
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('<label for="email">');
    expect(html).not.toContain('<script');
    const { url: callback } = await browser.go(formAction(html, loginUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'ann@example.com', password }).toString(),
      stopAt: redirectUri,
    });
    const tokens = await client.authorizationCodeGrant(config, new URL(callback), {
      pkceCodeVerifier,
      expectedState: state,
    });
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const { payload } = await jwtVerify(tokens.id_token!, jwks, {
      issuer: fx.issuer,
      audience: 'concierge-web',
    });
    expect(payload).toMatchObject({ email: 'ann@example.com', email_verified: true, roles: ['customer'] });
    const info = await client.fetchUserInfo(config, tokens.access_token, payload.sub!);
    expect(info).toMatchObject({ sub: payload.sub, email: 'ann@example.com' });
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);

    // The same verifier accepts the tokens of the JSON sign-in operation.
    const signIn = await fx.identity.sessions.signIn('ann@example.com', password);
    const verified = await jwtVerify(signIn.idToken, jwks, { issuer: fx.issuer, audience: 'concierge-web' });
    expect(verified.payload.sub).toBe(payload.sub);
  });

  it('answers a wrong password with the form again, 401, and the e-mail escaped', async () => {
    const { browser, response, loginUrl } = await authorize();
    const { response: again } = await browser.go(formAction(await response.text(), loginUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: '"><script>x</script>@example.com', password: 'nope' }).toString(),
    });
    const html = await again.text();
    expect(again.status).toBe(401);
    expect(html).toContain('Incorrect e-mail or password');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('answers 400 for a login page whose interaction this browser does not hold', async () => {
    const response = await fetch(`${base}/oidc/interaction/unknown-uid`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INTERACTION_EXPIRED' });
  });

  it('refuses an authorization request without PKCE', async () => {
    const url = new URL(config.serverMetadata().authorization_endpoint!);
    url.search = new URLSearchParams({
      client_id: 'concierge-web',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: redirectUri,
    }).toString();
    const { url: landed } = await testBrowser().go(url.href, { stopAt: redirectUri });
    expect(new URL(landed).searchParams.get('error')).toBe('invalid_request');
  });
});

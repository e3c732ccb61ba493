import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIdTokenVerifier, type IdTokenVerifier } from './id-token.verifier.js';

const issuer = 'https://id.concierge.test';
const audience = 'web-app';
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let publicPem: string;
let sut: IdTokenVerifier;
let clock = Date.parse('2026-11-27T12:00:00Z');

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  publicPem = await exportSPKI(pair.publicKey);
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
  sut = createIdTokenVerifier({ issuer, audience, jwks: { keys: [jwk] }, now: () => clock });
});

function token(claims: Record<string, unknown> = {}, ttlSeconds = 3600, alg = 'RS256') {
  const iat = Math.floor(clock / 1000);
  return new SignJWT({ email: 'a@b.c', roles: ['customer'], ...claims })
    .setProtectedHeader({ alg, kid: 'k1' })
    .setSubject('usr_1')
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds);
}

async function reason(jwt: string): Promise<string> {
  try {
    await sut.verify(jwt);
    return 'accepted';
  } catch (error) {
    return `${(error as { code: string }).code}:${(error as { details: { reason: string } }).details.reason}`;
  }
}

describe('ID token verification', () => {
  it('accepts a valid token and reads sub, email and roles', async () => {
    const claims = await sut.verify(await token().sign(privateKey));
    expect(claims).toMatchObject({ sub: 'usr_1', email: 'a@b.c', roles: ['customer'] });
  });

  it('refuses alg=none', async () => {
    const iat = Math.floor(clock / 1000);
    const unsecured = new UnsecuredJWT({ sub: 'usr_1', iat, exp: iat + 60 })
      .setIssuer(issuer)
      .setAudience(audience)
      .encode();
    expect(await reason(unsecured)).toMatch(/^UNAUTHORIZED:/);
  });

  it('refuses HS256 signed with the public key as the HMAC secret', async () => {
    const forged = await token({}, 3600, 'HS256').sign(new TextEncoder().encode(publicPem));
    expect(await reason(forged)).toBe('UNAUTHORIZED:algorithm');
  });

  it('refuses a wrong issuer or audience', async () => {
    expect(await reason(await token().setIssuer('https://evil.test').sign(privateKey))).toBe(
      'UNAUTHORIZED:claim:iss',
    );
    expect(await reason(await token().setAudience('other-app').sign(privateKey))).toBe(
      'UNAUTHORIZED:claim:aud',
    );
  });

  it('refuses an expired token, also one that was cached while valid', async () => {
    const jwt = await token({}, 60).sign(privateKey);
    expect(await reason(jwt)).toBe('accepted');
    clock += 120_000;
    expect(await reason(jwt)).toBe('UNAUTHORIZED:expired');
    clock -= 120_000;
  });

  it('verifies a token that differs from a cached one only before its signature on its own', async () => {
    const jwt = await token().sign(privateKey);
    expect(await reason(jwt)).toBe('accepted');
    const [header, , signature] = jwt.split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'usr_admin', roles: ['operator'] })).toString(
      'base64url',
    );
    expect(await reason(`${header}.${payload}.${signature}`)).toBe('UNAUTHORIZED:signature');
    expect(await sut.verify(jwt)).toMatchObject({ sub: 'usr_1', roles: ['customer'] });
  });

  it('refuses a token signed by another key', async () => {
    const other = await generateKeyPair('RS256');
    expect(await reason(await token().sign(other.privateKey))).toBe('UNAUTHORIZED:signature');
  });

  it('will not be configured with a symmetric or empty algorithm', () => {
    // biome-ignore lint/suspicious/noExplicitAny: the type already forbids it; configuration files may not
    const algorithms = ['HS256'] as any;
    expect(() => createIdTokenVerifier({ issuer, audience, jwks: { keys: [] }, algorithms })).toThrow(
      /HS256/,
    );
  });
});

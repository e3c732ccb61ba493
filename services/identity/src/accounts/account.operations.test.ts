import type { OperationRequest, OperationResponse } from '@concierge/platform';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publicJwks } from '../oidc/signing-keys.js';
import { codeIn, type IdentityFixture, identityFixture } from './identity.fixture.js';

const password = 'Corr3ct-horse';

describe('identity account operations', () => {
  let fx: IdentityFixture;
  let call: (operationId: string, body?: unknown, userId?: string) => Promise<OperationResponse>;

  beforeEach(async () => {
    fx = await identityFixture();
    call = (operationId, body, userId) => {
      const request: OperationRequest = {
        operationId,
        params: {},
        query: {},
        body,
        headers: {},
        caller: userId ? { userId, roles: ['customer'], via: 'jwt' } : null,
        requestId: 'req-1',
      };
      return fx.identity.module.operations[operationId]!(request);
    };
  });
  afterEach(async () => fx.close());

  it('signs up, mails a code, confirms, signs in and reads the profile', async () => {
    const signUp = await call('signUp', { email: ' Ann@Example.COM ', password, name: 'Ann' });
    expect(signUp).toMatchObject({
      status: 201,
      body: { userConfirmed: false, codeDeliveryDestination: 'a***@e***.com' },
    });
    const mail = await fx.smtp.waitFor('ann@example.com');
    expect(mail.subject).toMatch(/verification code/);
    await expect(call('signIn', { email: 'ann@example.com', password })).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'USER_NOT_CONFIRMED',
    });
    expect(await call('confirmSignUp', { email: 'ANN@example.com', code: codeIn(mail.text) })).toEqual({
      status: 204,
    });
    const signIn = await call('signIn', { email: 'ann@example.com', password });
    const tokens = signIn.body as Record<string, unknown>;
    expect(tokens).toMatchObject({ expiresIn: 3600, tokenType: 'Bearer', refreshToken: expect.any(String) });
    const { payload } = await jwtVerify(tokens.idToken as string, createLocalJWKSet(publicJwks(fx.keys)), {
      issuer: fx.issuer,
      audience: 'concierge-web',
    });
    expect(payload).toMatchObject({ email: 'ann@example.com', email_verified: true, roles: ['customer'] });
    expect(decodeJwt(tokens.accessToken as string)).toMatchObject({
      aud: 'urn:concierge:api',
      sub: payload.sub,
    });
    const me = await call('getMe', undefined, payload.sub);
    expect(me.body).toMatchObject({
      id: payload.sub,
      email: 'ann@example.com',
      name: 'Ann',
      provider: 'local',
    });
  });

  it('names every broken password rule and every bad field', async () => {
    await expect(call('signUp', { email: 'nope', password: 'short' })).rejects.toMatchObject({
      kind: 'invalid',
      details: [
        { field: 'body.email', message: 'must be an e-mail address' },
        { field: 'body.password', message: 'must be at least 8 characters long' },
        { field: 'body.password', message: 'must contain an upper-case letter' },
        { field: 'body.password', message: 'must contain a digit' },
        { field: 'body.password', message: 'must contain a symbol' },
      ],
    });
  });

  it('refuses a second sign-up of a confirmed e-mail with 409', async () => {
    await fx.confirmedAccount('bob@example.com', password);
    await expect(call('signUp', { email: 'bob@example.com', password })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'EMAIL_TAKEN',
    });
  });

  it('rejects wrong codes, then drops the code after too many attempts', async () => {
    await call('signUp', { email: 'cy@example.com', password });
    const code = codeIn((await fx.smtp.waitFor('cy@example.com')).text);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      await expect(call('confirmSignUp', { email: 'cy@example.com', code: wrong })).rejects.toMatchObject({
        code: 'CODE_MISMATCH',
      });
    }
    await expect(call('confirmSignUp', { email: 'cy@example.com', code })).rejects.toMatchObject({
      code: 'CODE_ATTEMPTS_EXCEEDED',
    });
  });

  it('lets a code expire after 24 hours', async () => {
    await call('signUp', { email: 'di@example.com', password });
    const code = codeIn((await fx.smtp.waitFor('di@example.com')).text);
    fx.advance(24 * 3_600_000 + 1);
    await expect(call('confirmSignUp', { email: 'di@example.com', code })).rejects.toMatchObject({
      code: 'CODE_EXPIRED',
    });
  });

  it('answers the same 401 for an unknown e-mail and a wrong password', async () => {
    await fx.confirmedAccount('eve@example.com', password);
    const unknown = { email: 'nobody@example.com', password };
    const wrong = { email: 'eve@example.com', password: 'Wr0ng-password' };
    for (const body of [unknown, wrong]) {
      await expect(call('signIn', body)).rejects.toMatchObject({
        kind: 'unauthenticated',
        code: 'INCORRECT_CREDENTIALS',
        message: 'Incorrect e-mail or password',
      });
    }
  });

  it('locks the address after 5 failures with a doubling delay and Retry-After', async () => {
    await fx.confirmedAccount('flo@example.com', password);
    const attempt = (p: string) => call('signIn', { email: 'flo@example.com', password: p });
    for (let i = 0; i < 5; i++)
      await expect(attempt('Wr0ng-pass')).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(attempt(password)).rejects.toMatchObject({
      kind: 'throttled',
      code: 'THROTTLED',
      headers: { 'retry-after': '1' },
    });
    fx.advance(1001);
    await expect(attempt('Wr0ng-pass')).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(attempt(password)).rejects.toMatchObject({ headers: { 'retry-after': '2' } });
    fx.advance(2001);
    expect((await attempt(password)).status).toBe(200);
  });

  it('rotates refresh tokens and revokes the family when a revoked one comes back', async () => {
    await fx.confirmedAccount('gus@example.com', password);
    const first = (await call('signIn', { email: 'gus@example.com', password })).body as {
      refreshToken: string;
    };
    const second = (await call('refreshSession', { refreshToken: first.refreshToken })).body as {
      refreshToken: string;
      idToken: string;
    };
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.idToken).toEqual(expect.any(String));
    await expect(call('refreshSession', { refreshToken: first.refreshToken })).rejects.toMatchObject({
      code: 'INVALID_REFRESH_TOKEN',
    });
    // The reuse above revoked the family, so the newest token is dead too.
    await expect(call('refreshSession', { refreshToken: second.refreshToken })).rejects.toMatchObject({
      code: 'INVALID_REFRESH_TOKEN',
    });
  });

  it('signs out by revoking the refresh token; unknown tokens answer 204 as well', async () => {
    await fx.confirmedAccount('hal@example.com', password);
    const { refreshToken } = (await call('signIn', { email: 'hal@example.com', password })).body as {
      refreshToken: string;
    };
    expect(await call('signOut', { refreshToken })).toEqual({ status: 204 });
    expect(await call('signOut', { refreshToken: 'not.a-token' })).toEqual({ status: 204 });
    await expect(call('refreshSession', { refreshToken })).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('resets a forgotten password by mailed code and signs out every session', async () => {
    await fx.confirmedAccount('ida@example.com', password);
    const { refreshToken } = (await call('signIn', { email: 'ida@example.com', password })).body as {
      refreshToken: string;
    };
    expect(await call('forgotPassword', { email: 'ida@example.com' })).toEqual({ status: 202 });
    expect(await call('forgotPassword', { email: 'ghost@example.com' })).toEqual({ status: 202 });
    const mail = await fx.smtp.waitFor('ida@example.com');
    expect(mail.subject).toMatch(/reset/);
    const newPassword = 'N3w-password!';
    await expect(
      call('resetPassword', { email: 'ida@example.com', code: codeIn(mail.text), newPassword: 'weak' }),
    ).rejects.toMatchObject({ kind: 'invalid' });
    expect(
      await call('resetPassword', { email: 'ida@example.com', code: codeIn(mail.text), newPassword }),
    ).toEqual({
      status: 204,
    });
    await expect(call('refreshSession', { refreshToken })).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(call('signIn', { email: 'ida@example.com', password })).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
    expect((await call('signIn', { email: 'ida@example.com', password: newPassword })).status).toBe(200);
    expect(fx.smtp.messages.filter((m) => m.to.includes('ghost@example.com'))).toHaveLength(0);
  });

  it('refuses a disabled account sign-in and refresh, revokes its sessions, and lets it back in once enabled', async () => {
    const id = await fx.confirmedAccount('ivy@example.com', password);
    const { refreshToken } = (await call('signIn', { email: 'ivy@example.com', password })).body as {
      refreshToken: string;
    };
    expect(await fx.identity.accounts.disable(id)).toBe(true);
    await expect(call('signIn', { email: 'ivy@example.com', password })).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'USER_DISABLED',
    });
    // A wrong password still answers the same 401 as for anyone: "disabled" is told only to the owner.
    await expect(call('signIn', { email: 'ivy@example.com', password: 'Wr0ng-horse' })).rejects.toMatchObject(
      {
        code: 'INCORRECT_CREDENTIALS',
      },
    );
    await expect(call('refreshSession', { refreshToken })).rejects.toMatchObject({
      code: 'INVALID_REFRESH_TOKEN',
    });
    expect(await fx.identity.accounts.enable(id)).toBe(true);
    // Enabling does not bring revoked sessions back; signing in does work again.
    await expect(call('refreshSession', { refreshToken })).rejects.toMatchObject({
      code: 'INVALID_REFRESH_TOKEN',
    });
    expect(await call('signIn', { email: 'ivy@example.com', password })).toMatchObject({ status: 200 });
    expect(await fx.identity.accounts.disable('usr_nobody')).toBe(false);
  });

  it('answers getMe without a caller with 401', async () => {
    await expect(call('getMe')).rejects.toMatchObject({ kind: 'unauthenticated' });
  });
});

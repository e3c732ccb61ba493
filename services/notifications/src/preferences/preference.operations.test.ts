// Preferences: defaults until set, replaced as a whole, validated, always the caller's own.
import { afterEach, describe, expect, it } from 'vitest';
import { call, type OpenNotifications, openNotifications } from '../testing/notifications.fixture.js';

let open: OpenNotifications | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe('preferences', () => {
  it('are e-mail on, SMS off, no webhook until set', async () => {
    open = await openNotifications();
    expect((await call(open.sut, 'getPreferences')).body).toEqual({
      email: true,
      sms: false,
      webhookUrl: null,
    });
  });

  it('are replaced and read back, per user', async () => {
    open = await openNotifications();
    const body = { email: false, sms: true, webhookUrl: 'https://hooks.example.com/concierge' };
    expect((await call(open.sut, 'updatePreferences', { body })).body).toEqual(body);
    expect((await call(open.sut, 'getPreferences')).body).toEqual(body);
    const other = { userId: 'usr_bob', roles: ['customer'], via: 'jwt' as const };
    expect((await call(open.sut, 'getPreferences', { caller: other })).body).toMatchObject({ email: true });
  });

  it.each([
    [
      'http to a public host',
      { email: true, sms: false, webhookUrl: 'http://hooks.example.com/x' },
      'body.webhookUrl',
    ],
    ['another scheme', { email: true, sms: false, webhookUrl: 'ftp://example.com/x' }, 'body.webhookUrl'],
    [
      'credentials in the URL',
      { email: true, sms: false, webhookUrl: 'https://u:p@example.com/' },
      'body.webhookUrl',
    ],
    ['not a URL', { email: true, sms: false, webhookUrl: 'hooks' }, 'body.webhookUrl'],
    ['a missing field', { email: true }, 'body.sms'],
    ['an unknown field', { email: true, sms: false, fax: true }, 'body'],
  ])('reject %s', async (_name, body, field) => {
    open ??= await openNotifications();
    await expect(call(open.sut, 'updatePreferences', { body })).rejects.toMatchObject({
      kind: 'invalid',
      details: expect.arrayContaining([expect.objectContaining({ field })]),
    });
  });

  it('accept http://localhost for local receivers', async () => {
    open = await openNotifications();
    const body = { email: true, sms: false, webhookUrl: 'http://localhost:8080/hooks' };
    expect((await call(open.sut, 'updatePreferences', { body })).body).toEqual(body);
  });

  it('need a caller', async () => {
    open = await openNotifications();
    await expect(call(open.sut, 'getPreferences', { caller: null })).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
  });
});

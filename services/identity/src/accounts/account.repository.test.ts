import { isDeeplyFrozen } from '@concierge/platform';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type IdentityFixture, identityFixture } from './identity.fixture.js';

const password = 'Corr3ct-horse';

describe('AccountRepository.findRecent (the profile read of getMe)', () => {
  let fx: IdentityFixture;
  let userId: string;
  /** A change made behind this process's back, as another gateway process sharing the database would. */
  const elsewhere = (statement: string) => sql.raw(statement).execute(fx.store.db);

  beforeEach(async () => {
    fx = await identityFixture();
    userId = await fx.confirmedAccount('ann@example.com', password);
  });
  afterEach(async () => fx.close());

  it('reuses an account it read, so a change made by another process shows only after forget or the TTL', async () => {
    expect((await fx.identity.repository.findRecent(userId))?.roles).toEqual(['customer']);
    await elsewhere(`update identity_account set roles = '["customer","operator"]' where id = '${userId}'`);
    expect((await fx.identity.repository.findRecent(userId))?.roles).toEqual(['customer']);
    // Decisions never read the remembered copy.
    expect((await fx.identity.repository.findById(userId))?.roles).toEqual(['customer', 'operator']);
    fx.identity.repository.forget(userId);
    expect((await fx.identity.repository.findRecent(userId))?.roles).toEqual(['customer', 'operator']);
  });

  it('shows an account disabled or enabled by this process at once', async () => {
    expect((await fx.identity.repository.findRecent(userId))?.disabledAt).toBeNull();
    expect(await fx.identity.accounts.disable(userId)).toBe(true);
    expect((await fx.identity.repository.findRecent(userId))?.disabledAt).toEqual(expect.any(String));
    expect(await fx.identity.accounts.enable(userId)).toBe(true);
    expect((await fx.identity.repository.findRecent(userId))?.disabledAt).toBeNull();
  });

  it('shows a profile change made by this process at once (password reset, federated link)', async () => {
    expect(await fx.identity.accounts.profile(userId)).toMatchObject({ provider: 'local' });
    await fx.identity.repository.update(userId, { passwordHash: null, name: 'Ann B.' });
    expect(await fx.identity.accounts.profile(userId)).toMatchObject({
      provider: 'federated',
      name: 'Ann B.',
    });
  });

  it('forgets the account when its user signs out', async () => {
    const { refreshToken } = await fx.identity.sessions.signIn('ann@example.com', password);
    await fx.identity.repository.findRecent(userId);
    await elsewhere(`update identity_account set name = 'Renamed' where id = '${userId}'`);
    await fx.identity.sessions.signOut(refreshToken!);
    expect(await fx.identity.accounts.profile(userId)).toMatchObject({ name: 'Renamed' });
  });

  it('hands out a frozen copy that no caller can change for the others', async () => {
    const account = await fx.identity.repository.findRecent(userId);
    expect(Object.isFrozen(account)).toBe(true);
    expect(Object.isFrozen(account?.roles)).toBe(true);
  });

  it('reads afresh every time when turned off', async () => {
    const off = await identityFixture({ accountCacheMs: 0 });
    try {
      const id = await off.confirmedAccount('bob@example.com', password);
      expect((await off.identity.repository.findRecent(id))?.name).toBeNull();
      await sql.raw(`update identity_account set name = 'Bob' where id = '${id}'`).execute(off.store.db);
      expect((await off.identity.repository.findRecent(id))?.name).toBe('Bob');
      const profile = await off.identity.accounts.profile(id);
      expect(profile).toMatchObject({ name: 'Bob' });
      expect(await off.identity.accounts.profile(id)).not.toBe(profile);
    } finally {
      await off.close();
    }
  });

  it('builds the profile of a remembered account once, deeply frozen, and afresh after a change', async () => {
    const first = await fx.identity.accounts.profile(userId);
    expect(await fx.identity.accounts.profile(userId)).toBe(first);
    expect(isDeeplyFrozen(first)).toBe(true);
    expect(first).toEqual({
      id: userId,
      email: 'ann@example.com',
      emailVerified: true,
      roles: ['customer'],
      provider: 'local',
      createdAt: expect.any(String),
    });
    expect(Object.keys(first)).toEqual(['id', 'email', 'emailVerified', 'roles', 'provider', 'createdAt']);
    await fx.identity.repository.update(userId, { name: 'Ann B.' });
    const changed = await fx.identity.accounts.profile(userId);
    expect(changed).not.toBe(first);
    expect(Object.keys(changed)).toEqual([
      'id',
      'email',
      'emailVerified',
      'name',
      'roles',
      'provider',
      'createdAt',
    ]);
    expect(changed.name).toBe('Ann B.');
  });
});

import { randomBytes } from 'node:crypto';
import { AppError, createSqliteStore, type OperationRequest, type SqlStore } from '@concierge/platform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CredentialBroker, createCredentialBroker } from './credential.broker.js';
import { credentialRepository } from './credential.repository.js';
import { credentialOperations } from './credentials.operations.js';
import type { IdTokenVerifier } from './id-token.verifier.js';
import { credentialMigrations } from './migrations/index.js';

let store: SqlStore & { raw: { prepare(sql: string): { all(): unknown[] } } };
let sut: CredentialBroker;
let key: Uint8Array;
let clock = Date.parse('2026-11-27T12:00:00Z');
const alice = { provider: 'id.test', subject: 'usr_a', userId: 'usr_a', roles: ['customer'] };

beforeEach(async () => {
  store = createSqliteStore({ file: ':memory:' });
  await store.migrate(credentialMigrations);
  key = randomBytes(32);
  sut = createCredentialBroker({
    repository: credentialRepository(store.db, () => clock),
    encryptionKey: key,
    region: 'us-east-1',
    guestRole: 'guest',
    now: () => clock,
  });
});
afterEach(() => store.close());

async function code(p: unknown): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('credential broker', () => {
  it('issues AWS-shaped credentials that resolve to their secret, sealed at rest', async () => {
    const issued = await sut.issue(alice);
    expect(issued.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(issued.secretAccessKey).toMatch(/^[A-Za-z0-9/+=]{40}$/);
    expect(issued.identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(issued.expiration.getTime() - clock).toBe(3_600_000);
    expect(issued.role).toBe('authenticated');
    const found = await sut.signingSecret(issued.accessKeyId, issued.sessionToken);
    expect(found).toMatchObject({
      secretAccessKey: issued.secretAccessKey,
      userId: 'usr_a',
      roles: ['customer'],
    });
    const rows = JSON.stringify(store.raw.prepare('select * from identity_credentials').all());
    expect(rows).not.toContain(issued.secretAccessKey);
  });

  it('keeps one identity id per provider and subject, and gives operators the operator role', async () => {
    const first = await sut.issue(alice);
    const second = await sut.issue({ ...alice, roles: ['customer', 'operator'] });
    expect(second.identityId).toBe(first.identityId);
    expect(second.role).toBe('operator');
  });

  it('refuses a missing, forged or foreign session token', async () => {
    const a = await sut.issue(alice);
    const b = await sut.issue({ ...alice, subject: 'usr_b', userId: 'usr_b' });
    // Checked once (and kept in the lookup cache): the forgeries below must fail all the same.
    expect(await code(sut.signingSecret(a.accessKeyId, a.sessionToken))).toBe('ok');
    expect(await code(sut.signingSecret(a.accessKeyId, undefined))).toBe('INVALID_SIGNATURE');
    expect(await code(sut.signingSecret(a.accessKeyId, `${a.sessionToken.slice(0, -2)}xx`))).toBe(
      'INVALID_SIGNATURE',
    );
    expect(await code(sut.signingSecret(a.accessKeyId, b.sessionToken))).toBe('INVALID_SIGNATURE');
    expect(await code(sut.signingSecret('ASIAUNKNOWN000000000', a.sessionToken))).toBe('INVALID_SIGNATURE');
  });

  it('answers EXPIRED_TOKEN once the credentials expire', async () => {
    const a = await sut.issue(alice, 900);
    expect(await code(sut.signingSecret(a.accessKeyId, a.sessionToken))).toBe('ok');
    clock += 901_000;
    expect(await code(sut.signingSecret(a.accessKeyId, a.sessionToken))).toBe('EXPIRED_TOKEN');
    expect(await sut.purgeExpired()).toBe(1);
    clock -= 901_000;
  });

  it('answers a key checked moments ago from memory, but never for another token or past its expiry', async () => {
    // Kept for longer than the credentials live: their own expiry must still end the cached answer.
    const patient = createCredentialBroker({
      repository: credentialRepository(store.db, () => clock),
      encryptionKey: key,
      region: 'us-east-1',
      lookupCacheMs: 24 * 3_600_000,
      now: () => clock,
    });
    const a = await patient.issue(alice, 900);
    const first = await patient.signingSecret(a.accessKeyId, a.sessionToken);
    const again = patient.signingSecret(a.accessKeyId, a.sessionToken);
    expect(again).not.toBeInstanceOf(Promise);
    expect(again).toEqual(first);
    expect(await code(patient.signingSecret(a.accessKeyId, `${a.sessionToken}x`))).toBe('INVALID_SIGNATURE');
    expect(await code(patient.signingSecret(a.accessKeyId, undefined))).toBe('INVALID_SIGNATURE');
    expect(await code(patient.signingSecret(a.accessKeyId, a.sessionToken))).toBe('ok');
    clock += 899_999;
    expect(await code(patient.signingSecret(a.accessKeyId, a.sessionToken))).toBe('ok');
    clock += 1;
    expect(await code(patient.signingSecret(a.accessKeyId, a.sessionToken))).toBe('EXPIRED_TOKEN');
    clock -= 900_000;
  });

  it('revokes a user’s credentials at once here, and in another gateway process within its cache time', async () => {
    // Another gateway process: its own broker (and lookup cache) over the same database and key.
    const peer = createCredentialBroker({
      repository: credentialRepository(store.db, () => clock),
      encryptionKey: key,
      region: 'us-east-1',
      lookupCacheMs: 60_000,
      now: () => clock,
    });
    const a = await sut.issue(alice);
    const b = await sut.issue({ ...alice, subject: 'usr_b', userId: 'usr_b' });
    expect(await code(sut.signingSecret(a.accessKeyId, a.sessionToken))).toBe('ok');
    expect(await code(peer.signingSecret(a.accessKeyId, a.sessionToken))).toBe('ok');
    expect(await sut.revokeUser('usr_a')).toBe(1);
    expect(await code(sut.signingSecret(a.accessKeyId, a.sessionToken))).toBe('INVALID_SIGNATURE');
    expect(await code(sut.signingSecret(b.accessKeyId, b.sessionToken))).toBe('ok');
    // The peer still trusts its checked copy for up to a minute, then asks the database again.
    expect(await code(peer.signingSecret(a.accessKeyId, a.sessionToken))).toBe('ok');
    clock += 60_001;
    expect(await code(peer.signingSecret(a.accessKeyId, a.sessionToken))).toBe('INVALID_SIGNATURE');
    clock -= 60_001;
  });
});

describe('Cognito-compatible operations', () => {
  const verifier: IdTokenVerifier = {
    verify: async (token) => {
      if (token !== 'good-token') throw new AppError('unauthenticated', 'bad', { code: 'UNAUTHORIZED' });
      return { sub: 'usr_a', roles: ['customer'] };
    },
  };
  const call = (op: string, body: unknown) => {
    const ops = credentialOperations({
      broker: sut,
      identityPoolId: 'us-east-1:pool',
      providers: { 'id.test': verifier },
      bearerProvider: 'id.test',
    });
    const req: OperationRequest = {
      operationId: op,
      params: {},
      query: {},
      body,
      headers: {},
      caller: null,
      requestId: 'r',
    };
    return ops[op]!(req);
  };

  it('GetId then GetCredentialsForIdentity, with Expiration in epoch seconds', async () => {
    const id = (
      await call('getId', { IdentityPoolId: 'us-east-1:pool', Logins: { 'id.test': 'good-token' } })
    ).body as { IdentityId: string };
    const res = await call('getCredentialsForIdentity', {
      IdentityId: id.IdentityId,
      Logins: { 'id.test': 'good-token' },
    });
    const body = res.body as { IdentityId: string; Credentials: { AccessKeyId: string; Expiration: number } };
    expect(body.IdentityId).toBe(id.IdentityId);
    expect(body.Credentials.Expiration).toBe(clock / 1000 + 3600);
  });

  it('refuses a bad login, an unknown provider, another user’s identity and a wrong pool', async () => {
    expect(
      await code(call('getId', { IdentityPoolId: 'us-east-1:pool', Logins: { 'id.test': 'forged' } })),
    ).toBe('UNAUTHORIZED');
    expect(
      await code(call('getId', { IdentityPoolId: 'us-east-1:pool', Logins: { 'evil.test': 'good-token' } })),
    ).toBe('UNAUTHORIZED');
    expect(await code(call('getId', { IdentityPoolId: 'us-east-1:other', Logins: {} }))).toBe('NOT_FOUND');
    const other = await sut.issue({ ...alice, subject: 'usr_b', userId: 'usr_b' });
    expect(
      await code(
        call('getCredentialsForIdentity', {
          IdentityId: other.identityId,
          Logins: { 'id.test': 'good-token' },
        }),
      ),
    ).toBe('ACCESS_DENIED');
  });

  it('gives guest credentials to a login-less identity, never to an authenticated one', async () => {
    const guest = (await call('getId', { IdentityPoolId: 'us-east-1:pool', Logins: {} })).body as {
      IdentityId: string;
    };
    const res = await call('getCredentialsForIdentity', { IdentityId: guest.IdentityId, Logins: {} });
    const key = (res.body as { Credentials: { AccessKeyId: string; SessionToken: string } }).Credentials;
    expect((await sut.signingSecret(key.AccessKeyId, key.SessionToken)).role).toBe('guest');
    const a = await sut.issue(alice);
    expect(await code(call('getCredentialsForIdentity', { IdentityId: a.identityId, Logins: {} }))).toBe(
      'ACCESS_DENIED',
    );
  });
});

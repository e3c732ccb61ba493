// The identity pool: maps a verified identity to a stable identity id, issues temporary credentials bound
// to a role, and answers the gateway's "which secret signs for this access key?".
import { randomUUID } from 'node:crypto';
import { AppError } from '@concierge/platform';
import { LRUCache } from 'lru-cache';
import { newAccessKeyId, newIdentityId, newSecretAccessKey } from './access-keys.js';
import type { CredentialRepository } from './credential.repository.js';
import { createSealer } from './sealer.js';
import { issueSessionToken, readSessionToken } from './session-token.js';

/** Someone whose ID token was verified: `provider` is the issuer's name as in `Logins`. */
export interface VerifiedIdentity {
  provider: string;
  subject: string;
  userId: string;
  roles: string[];
  /** The verified e-mail the token carried, if any. */
  email?: string;
}

export interface IssuedCredentials {
  identityId: string;
  role: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** What the gateway needs to check a signature and name the caller. */
export interface SigningIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  identityId: string;
  userId: string;
  role: string;
  roles: string[];
  email: string | null;
  expiresAt: number;
}

export interface CredentialBrokerOptions {
  repository: CredentialRepository;
  /** 32 bytes; seals secrets at rest and session tokens. */
  encryptionKey: Uint8Array;
  /** Prefix of identity ids, as Cognito uses the pool's region. */
  region: string;
  /** The role credentials act as; by default `operator` for operators, otherwise `authenticated`. */
  roleFor?: (roles: string[]) => string;
  /** When set, identities without a login get credentials acting as this role. */
  guestRole?: string;
  durationSeconds?: number;
  /**
   * How long a gateway keeps a checked access key in memory (default 60 s, 0 turns it off). Revocation in
   * this process is immediate; other processes see it within this time.
   */
  lookupCacheMs?: number;
  now?: () => number;
}

const guestProvider = 'guest';

function invalidToken(): AppError {
  return new AppError('forbidden', 'The security token included in the request is invalid', {
    code: 'INVALID_SIGNATURE',
    details: { reason: 'token' },
  });
}

export function createCredentialBroker(options: CredentialBrokerOptions) {
  const { repository } = options;
  const secrets = createSealer(options.encryptionKey, 'secret-access-key');
  const tokens = createSealer(options.encryptionKey, 'session-token');
  const now = options.now ?? Date.now;
  const roleFor = options.roleFor ?? ((roles) => (roles.includes('operator') ? 'operator' : 'authenticated'));
  const newId = () => newIdentityId(options.region);
  // Checked keys: a signed request then costs no query and no decryption. Keyed by access key id; the
  // session token must match the one checked, byte for byte.
  const lookupCacheMs = options.lookupCacheMs ?? 60_000;
  const checked = new LRUCache<string, { sessionToken: string; identity: SigningIdentity; until: number }>({
    max: 10_000,
  });

  async function issueFor(
    identityId: string,
    userId: string,
    role: string,
    roles: string[],
    email: string | null,
    durationSeconds?: number,
  ): Promise<IssuedCredentials> {
    const accessKeyId = newAccessKeyId();
    const secretAccessKey = newSecretAccessKey();
    const expiresAt = now() + (durationSeconds ?? options.durationSeconds ?? 3600) * 1000;
    await repository.save({
      accessKeyId,
      secretSealed: secrets.seal(secretAccessKey),
      identityId,
      userId,
      role,
      roles,
      email,
      expiresAt,
    });
    const sessionToken = issueSessionToken(tokens, { accessKeyId, expiresAt });
    return { identityId, role, accessKeyId, secretAccessKey, sessionToken, expiration: new Date(expiresAt) };
  }

  async function lookUpSigningSecret(
    accessKeyId: string,
    sessionToken: string | undefined,
  ): Promise<SigningIdentity> {
    if (!sessionToken) throw invalidToken();
    const claims = readSessionToken(tokens, sessionToken);
    if (!claims || claims.accessKeyId !== accessKeyId) throw invalidToken();
    const stored = await repository.find(accessKeyId);
    const secretAccessKey = stored && secrets.open(stored.secretSealed);
    if (!stored || !secretAccessKey) throw invalidToken();
    if (Math.min(stored.expiresAt, claims.expiresAt) <= now()) {
      throw new AppError('forbidden', 'The security token included in the request is expired', {
        code: 'EXPIRED_TOKEN',
      });
    }
    const { secretSealed: _, ...rest } = stored;
    const identity = { ...rest, secretAccessKey };
    const until = Math.min(identity.expiresAt, claims.expiresAt, now() + lookupCacheMs);
    if (lookupCacheMs > 0) checked.set(accessKeyId, { sessionToken, identity, until });
    return identity;
  }

  return {
    guestEnabled: options.guestRole !== undefined,

    /** The same identity id for the same provider and subject, every time. */
    identityId: (identity: VerifiedIdentity) =>
      repository.identityFor(identity.provider, identity.subject, newId),

    /** A new unauthenticated identity (Cognito's GetId without Logins). */
    async guestIdentityId(): Promise<string> {
      if (options.guestRole === undefined) throw guestDisabled();
      return repository.identityFor(guestProvider, randomUUID(), newId);
    },

    async issue(identity: VerifiedIdentity, durationSeconds?: number): Promise<IssuedCredentials> {
      const identityId = await repository.identityFor(identity.provider, identity.subject, newId);
      return issueFor(
        identityId,
        identity.userId,
        roleFor(identity.roles),
        identity.roles,
        identity.email ?? null,
        durationSeconds,
      );
    },

    /** Credentials for an identity id: its login must match it, or it must be a guest identity. */
    async issueForIdentity(
      identityId: string,
      identity: VerifiedIdentity | undefined,
    ): Promise<IssuedCredentials> {
      const record = await repository.findIdentity(identityId);
      if (!record) throw AppError.notFound(`identity ${identityId}`);
      if (identity) {
        if (record.provider !== identity.provider || record.subject !== identity.subject) {
          throw new AppError('forbidden', 'The login does not belong to this identity', {
            code: 'ACCESS_DENIED',
          });
        }
        return issueFor(
          identityId,
          identity.userId,
          roleFor(identity.roles),
          identity.roles,
          identity.email ?? null,
        );
      }
      if (record.provider !== guestProvider || options.guestRole === undefined) {
        throw new AppError('forbidden', 'This identity needs a login', { code: 'ACCESS_DENIED' });
      }
      return issueFor(identityId, identityId, options.guestRole, [], null);
    },

    /**
     * The gateway's secret lookup: the token must be ours, name this key, and neither may be expired. A key
     * checked within the cache time is answered at once, without a promise; anything else is looked up.
     */
    signingSecret(
      accessKeyId: string,
      sessionToken: string | undefined,
    ): SigningIdentity | Promise<SigningIdentity> {
      const hit = sessionToken ? checked.get(accessKeyId) : undefined;
      if (hit && hit.sessionToken === sessionToken && hit.until > now()) return hit.identity;
      return lookUpSigningSecret(accessKeyId, sessionToken);
    },

    purgeExpired: () => repository.deleteExpired(now()),

    /** Revokes every temporary credential of the user (their account was disabled); how many there were. */
    async revokeUser(userId: string): Promise<number> {
      for (const [key, entry] of checked.entries()) if (entry.identity.userId === userId) checked.delete(key);
      return repository.deleteForUser(userId);
    },
  };
}

export type CredentialBroker = ReturnType<typeof createCredentialBroker>;

function guestDisabled(): AppError {
  return new AppError('forbidden', 'Guest access is not enabled', { code: 'ACCESS_DENIED' });
}

// Wires the account repositories and services over one SQL store and exposes them as the `identity` service module.
import type { Logger, Mailer, OperationHandler, ServiceModule, SqlStore } from '@concierge/platform';
import type { Kysely } from 'kysely';
import type { TokenIssuer } from '../oidc/token.issuer.js';
import { accountOperations } from './account.operations.js';
import { AccountRepository } from './account.repository.js';
import { AccountService } from './account.service.js';
import { CodeRepository } from './code.repository.js';
import { CodeService } from './code.service.js';
import type { IdentityDatabase } from './identity.schema.js';
import { defaultLockoutPolicy, type LockoutPolicy } from './lockout.js';
import { createPasswordHasher, type ScryptCost } from './password.hasher.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { SessionService } from './session.service.js';
import { SignInFailureRepository } from './sign-in-failure.repository.js';

export interface IdentityOptions {
  /** Migrated with `identityMigrations` before the first request. */
  store: SqlStore;
  mailer: Mailer;
  logger: Pick<Logger, 'warn'>;
  tokens: TokenIssuer;
  /** Defaults to `defaultScryptCost`; tests pass a cheap one. */
  scryptCost?: ScryptCost;
  lockout?: LockoutPolicy;
  /** Absolute lifetime of a refresh-token family; 30 days by default. */
  refreshTtlSeconds?: number;
  codeValidHours?: number;
  maxCodeAttempts?: number;
  defaultRoles?: string[];
  /**
   * How long the caller's profile (`getMe`) reuses an account read (default 1000 ms, 0 turns it off); a
   * change made by this process shows at once. See `AccountRepository.findRecent`.
   */
  accountCacheMs?: number;
  /** More `identity` operations (credentials, API keys) served by the same module. */
  operations?: Record<string, OperationHandler>;
  now?: () => Date;
}

export interface Identity {
  module: ServiceModule;
  accounts: AccountService;
  sessions: SessionService;
  repository: AccountRepository;
}

/**
 * Builds the identity service.
 * @example const identity = createIdentity({ store, mailer, logger, tokens }); gateway services: [identity.module]
 */
export function createIdentity(options: IdentityOptions): Identity {
  const db = options.store.db as Kysely<IdentityDatabase>;
  const now = options.now ?? (() => new Date());
  const codeValidHours = options.codeValidHours ?? 24;
  const repository = new AccountRepository(db, { recentMs: options.accountCacheMs ?? 1000 });
  const refreshTokens = new RefreshTokenRepository(db);
  const failures = new SignInFailureRepository(db);
  const hasher = createPasswordHasher(options.scryptCost);
  const codes = new CodeService(new CodeRepository(db), {
    ttlMs: codeValidHours * 3_600_000,
    maxAttempts: options.maxCodeAttempts ?? 5,
    now,
  });
  const accounts = new AccountService({
    accounts: repository,
    codes,
    refreshTokens,
    failures,
    hasher,
    mailer: options.mailer,
    logger: options.logger,
    codeValidHours,
    defaultRoles: options.defaultRoles ?? ['customer'],
  });
  const sessions = new SessionService({
    accounts: repository,
    refreshTokens,
    failures,
    hasher,
    tokens: options.tokens,
    lockout: options.lockout ?? defaultLockoutPolicy,
    refreshTtlSeconds: options.refreshTtlSeconds ?? 30 * 86_400,
    now,
  });
  const operations = { ...accountOperations(accounts, sessions), ...options.operations };
  return { module: { name: 'identity', operations }, accounts, sessions, repository };
}

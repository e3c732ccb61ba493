// Sessions: password checks with lockout, token issue, refresh-token rotation with reuse detection, sign-out.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, newId } from '@concierge/platform';
import type { IssuedTokens, TokenIssuer } from '../oidc/token.issuer.js';
import type { Account, AccountRepository } from './account.repository.js';
import { type LockoutPolicy, lockDelayMs } from './lockout.js';
import type { PasswordHasher } from './password.hasher.js';
import type { RefreshTokenRepository } from './refresh-token.repository.js';
import type { SignInFailureRepository } from './sign-in-failure.repository.js';

export interface SessionServiceDeps {
  accounts: AccountRepository;
  refreshTokens: RefreshTokenRepository;
  failures: SignInFailureRepository;
  hasher: PasswordHasher;
  tokens: TokenIssuer;
  lockout: LockoutPolicy;
  refreshTtlSeconds: number;
  now: () => Date;
}

export interface SessionTokens extends IssuedTokens {
  refreshToken?: string;
  tokenType: 'Bearer';
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

const incorrect = () =>
  new AppError('unauthenticated', 'Incorrect e-mail or password', { code: 'INCORRECT_CREDENTIALS' });
/** Cognito answers a disabled user's sign-in with NotAuthorized "User is disabled."; so do we, after the password. */
export const accountDisabled = () =>
  new AppError('forbidden', 'This account is disabled; ask an operator to enable it', {
    code: 'USER_DISABLED',
  });
const invalidRefresh = () =>
  new AppError('unauthenticated', 'The refresh token is not valid', { code: 'INVALID_REFRESH_TOKEN' });

export class SessionService {
  constructor(private readonly deps: SessionServiceDeps) {}

  /** The account whose password this is; the same 401 for an unknown e-mail, 429 while the address is locked. */
  async checkPassword(email: string, password: string): Promise<Account> {
    const { failures, accounts, hasher } = this.deps;
    const now = this.deps.now();
    const lock = (await failures.find(email))?.locked_until;
    if (lock && lock > now.toISOString()) {
      const seconds = Math.ceil((Date.parse(lock) - now.getTime()) / 1000);
      throw new AppError('throttled', `Too many failed sign-ins; try again in ${seconds} s`, {
        code: 'THROTTLED',
        headers: { 'retry-after': String(seconds) },
        details: { retryAfterSeconds: seconds },
      });
    }
    const account = await accounts.findByEmail(email);
    let good = false;
    if (account?.passwordHash) good = await hasher.verify(password, account.passwordHash);
    else await hasher.burn(password);
    if (!account || !good) {
      const delay = lockDelayMs(await failures.increment(email), this.deps.lockout);
      if (delay > 0) await failures.lockUntil(email, new Date(now.getTime() + delay).toISOString());
      throw incorrect();
    }
    await failures.clear(email);
    // Told only to someone who knows the password, so it reveals nothing to a guesser.
    if (account.disabledAt) throw accountDisabled();
    return account;
  }

  async signIn(email: string, password: string): Promise<SessionTokens> {
    const account = await this.checkPassword(email, password);
    if (!account.emailVerified) {
      throw new AppError('forbidden', 'Confirm your e-mail address before signing in', {
        code: 'USER_NOT_CONFIRMED',
      });
    }
    return this.start(account);
  }

  /** Tokens and a new refresh-token family for an account that has proven who it is. */
  async start(account: Account): Promise<SessionTokens> {
    if (account.disabledAt) throw accountDisabled();
    const expiresAt = new Date(this.deps.now().getTime() + this.deps.refreshTtlSeconds * 1000).toISOString();
    const refreshToken = await this.newRefreshToken(account.id, newId(), expiresAt);
    return { ...(await this.deps.tokens.issue(account)), refreshToken, tokenType: 'Bearer' };
  }

  /** Rotates: the presented token is revoked; presenting a revoked one revokes its whole family. */
  async refresh(token: string): Promise<SessionTokens> {
    const row = await this.find(token);
    const now = this.deps.now().toISOString();
    if (!row) throw invalidRefresh();
    if (row.revoked_at !== null || !(await this.deps.refreshTokens.revoke(row.id, now))) {
      await this.deps.refreshTokens.revokeFamily(row.family_id, now);
      throw invalidRefresh();
    }
    if (row.expires_at <= now) throw invalidRefresh();
    const account = await this.deps.accounts.findById(row.account_id);
    if (!account?.emailVerified || account.disabledAt) throw invalidRefresh();
    // The family keeps its first expiry: rotation must not extend a session forever.
    const refreshToken = await this.newRefreshToken(account.id, row.family_id, row.expires_at);
    return { ...(await this.deps.tokens.issue(account)), refreshToken, tokenType: 'Bearer' };
  }

  /** Revokes the token's family; unknown tokens are ignored so the answer tells nothing. */
  async signOut(token: string): Promise<void> {
    const row = await this.find(token);
    if (!row) return;
    await this.deps.refreshTokens.revokeFamily(row.family_id, this.deps.now().toISOString());
    this.deps.accounts.forget(row.account_id);
  }

  private async newRefreshToken(accountId: string, familyId: string, expiresAt: string): Promise<string> {
    const id = newId();
    const secret = randomBytes(32).toString('base64url');
    await this.deps.refreshTokens.insert({
      id,
      family_id: familyId,
      account_id: accountId,
      token_hash: sha256(secret).toString('base64url'),
      expires_at: expiresAt,
      revoked_at: null,
      created_at: this.deps.now().toISOString(),
    });
    return `${id}.${secret}`;
  }

  private async find(token: string) {
    const [id, secret] = token.split('.');
    if (!id || !secret || id.length > 64) return undefined;
    const row = await this.deps.refreshTokens.find(id);
    if (!row) return undefined;
    const expected = Buffer.from(row.token_hash, 'base64url');
    return timingSafeEqual(expected, sha256(secret)) ? row : undefined;
  }
}

// Sign-in through an outside OpenID Connect provider: code flow with state, nonce and PKCE, then link or create the account.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, prefixedId } from '@concierge/platform';
import * as client from 'openid-client';
import type { Account, AccountRepository } from '../accounts/account.repository.js';
import { normalizeEmail } from '../accounts/email.js';
import type { SessionService, SessionTokens } from '../accounts/session.service.js';
import type { FederationFlowRepository } from './federation-flow.repository.js';
import type { OutsideProviders } from './outside-provider.js';

export interface FederationServiceDeps {
  providers: OutsideProviders;
  flows: FederationFlowRepository;
  accounts: AccountRepository;
  sessions: Pick<SessionService, 'start'>;
  /** `https://host` the browser sees; the callback is `<publicBaseUrl>/v1/auth/federated/{name}/callback`. */
  publicBaseUrl: string;
  defaultRoles: string[];
}

const flowTtlMs = 10 * 60_000;
const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const failed = (message: string, cause?: unknown) =>
  new AppError('unauthenticated', message, { code: 'FEDERATION_FAILED', cause });

export class FederationService {
  constructor(private readonly deps: FederationServiceDeps) {}

  callbackUrl(name: string): string {
    return `${this.deps.publicBaseUrl}/v1/auth/federated/${encodeURIComponent(name)}/callback`;
  }

  /** The provider's authorization URL and a secret that binds the flow to this browser (set it as a cookie). */
  async start(name: string): Promise<{ url: string; browserSecret: string }> {
    const provider = this.deps.providers.get(name);
    const config = await this.deps.providers.config(provider);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const browserSecret = randomBytes(32).toString('base64url');
    await this.deps.flows.save({
      state,
      provider: name,
      nonce,
      code_verifier: codeVerifier,
      browser_hash: sha256(browserSecret),
      expires_at: new Date(Date.now() + flowTtlMs).toISOString(),
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.callbackUrl(name),
      scope: provider.scope ?? 'openid email profile',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, browserSecret };
  }

  /** Finishes the flow the provider redirected back with; `currentUrl` is the callback URL as requested. */
  async callback(name: string, currentUrl: URL, browserSecret: string | undefined): Promise<SessionTokens> {
    const provider = this.deps.providers.get(name);
    const error = currentUrl.searchParams.get('error');
    if (error) throw failed(`The sign-in provider answered ${error}`);
    const flow = await this.deps.flows.take(currentUrl.searchParams.get('state') ?? '');
    const bound =
      flow !== undefined &&
      browserSecret !== undefined &&
      timingSafeEqual(Buffer.from(sha256(browserSecret)), Buffer.from(flow.browser_hash));
    if (!flow || !bound || flow.provider !== name || flow.expires_at <= new Date().toISOString()) {
      throw failed('This sign-in was not started here or has expired; start again');
    }
    const config = await this.deps.providers.config(provider);
    const tokens = await client
      .authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: flow.code_verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      })
      .catch((cause: unknown) => {
        throw failed('The sign-in provider did not confirm the sign-in', cause);
      });
    const claims = tokens.claims();
    if (!claims) throw failed('The sign-in provider sent no ID token');
    return this.deps.sessions.start(await this.accountFor(provider.issuer, claims));
  }

  /** The linked account, else the account with the same verified e-mail (now linked), else a new one. */
  private async accountFor(issuer: string, claims: client.IDToken): Promise<Account> {
    const { accounts } = this.deps;
    const linked = await accounts.findLinked(issuer, claims.sub);
    if (linked) return linked;
    const email = normalizeEmail(claims.email);
    if (!email || claims.email_verified !== true) {
      throw new AppError('forbidden', 'The sign-in provider did not share a verified e-mail address', {
        code: 'EMAIL_NOT_VERIFIED',
      });
    }
    let account = await accounts.findByEmail(email);
    if (account && !account.emailVerified) {
      // Whoever chose that password never proved the mailbox; the provider just did, so the password goes.
      await accounts.update(account.id, { emailVerified: true, passwordHash: null });
    }
    if (!account) {
      const fresh: Account = {
        id: prefixedId('usr'),
        email,
        emailVerified: true,
        passwordHash: null,
        name: typeof claims.name === 'string' ? claims.name.slice(0, 120) : null,
        phone: null,
        roles: this.deps.defaultRoles,
        createdAt: new Date().toISOString(),
      };
      account = (await accounts.insert(fresh)) ? fresh : await accounts.findByEmail(email);
    }
    if (!account) throw failed('The account could not be created');
    await accounts.link(issuer, claims.sub, account.id);
    return { ...account, emailVerified: true };
  }
}

// Configures oidc-provider as Concierge's OpenID provider: code flow with PKCE, refresh tokens, our keys and accounts.
import type { SqlStore } from '@concierge/platform';
import type { Kysely } from 'kysely';
import type { ClientMetadata, Configuration, default as Provider } from 'oidc-provider';
import type { AccountRepository } from '../accounts/account.repository.js';
import type { IdentityDatabase } from '../accounts/identity.schema.js';
import { renderErrorPage } from './login.page.js';
import { sqlOidcAdapter } from './oidc.adapter.js';
import type { PrivateJwks } from './signing-keys.js';

export interface OidcClient {
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** A confidential client authenticates with this secret; public clients (the web app) have none. */
  clientSecret?: string;
}

export interface OidcProviderOptions {
  /** Public URL of the mount point, e.g. `https://concierge.example.com/oidc`. */
  issuer: string;
  keys: PrivateJwks;
  /** From `loadCookieKeys`. */
  cookieKeys: string[];
  store: SqlStore;
  repository: AccountRepository;
  clients: OidcClient[];
  /** Seconds; default 3600. */
  idTokenTtlSeconds?: number;
  /** Seconds; default 3600. */
  accessTokenTtlSeconds?: number;
  /** Seconds; default 30 days. */
  refreshTokenTtlSeconds?: number;
  /** Trust `X-Forwarded-*` from a TLS-terminating proxy in front of the gateway. */
  trustProxy?: boolean;
}

/**
 * The provider (a Koa app inside); mount it with `registerOidc`. oidc-provider is imported here, not at
 * start: it is the largest module of the program (about 16 MB of memory), and most processes never get
 * an OpenID request.
 * @example const provider = await createOidcProvider({ issuer, keys, cookieKeys, store, repository, clients });
 */
export async function createOidcProvider(options: OidcProviderOptions): Promise<Provider> {
  const { default: Provider } = await import('oidc-provider');
  const mountPath = new URL(options.issuer).pathname.replace(/\/$/, '');
  const refreshTtl = options.refreshTokenTtlSeconds ?? 30 * 86_400;
  const configuration: Configuration = {
    adapter: sqlOidcAdapter(options.store.db as Kysely<IdentityDatabase>),
    clients: options.clients.map(toMetadata),
    jwks: options.keys as Configuration['jwks'],
    cookies: { keys: options.cookieKeys },
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', 'email', 'profile'],
    claims: { openid: ['sub', 'roles'], email: ['email', 'email_verified'], profile: ['name'] },
    // The ID token carries the profile claims too, like the tokens of `signIn` and Cognito's.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    ttl: {
      AccessToken: options.accessTokenTtlSeconds ?? 3600,
      IdToken: options.idTokenTtlSeconds ?? 3600,
      RefreshToken: refreshTtl,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: refreshTtl,
      Grant: refreshTtl,
    },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = await options.repository.findById(sub);
      // A disabled account is unknown to the provider: its grants and refresh tokens stop working.
      if (!account || account.disabledAt) return undefined;
      return {
        accountId: account.id,
        claims: async () => ({
          sub: account.id,
          email: account.email,
          email_verified: account.emailVerified,
          ...(account.name ? { name: account.name } : {}),
          roles: account.roles,
        }),
      };
    },
    async renderError(ctx, output) {
      ctx.type = 'html';
      ctx.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
      ctx.body = renderErrorPage(String(output.error), String(output.error_description ?? ''));
    },
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = options.trustProxy ?? false;
  return provider;
}

function toMetadata(client: OidcClient): ClientMetadata {
  return {
    client_id: client.clientId,
    ...(client.clientSecret
      ? { client_secret: client.clientSecret, token_endpoint_auth_method: 'client_secret_basic' }
      : { token_endpoint_auth_method: 'none' }),
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  };
}

// A signed-in session: keeps the ID token fresh with the refresh token and exchanges it for temporary
// credentials, renewing both a margin before they expire so no call goes out with stale ones.
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/api.js';
import { sharedRefresh } from './shared-refresh.js';

export type AwsCredentials = components['schemas']['AwsCredentials'];
export type Tokens = components['schemas']['Tokens'];

export interface Session {
  /** A valid ID token, refreshed with the refresh token when it is about to expire. */
  idToken(): Promise<string>;
  /** Temporary credentials for SigV4, exchanged again shortly before `expiration`. */
  credentials(): Promise<AwsCredentials>;
}

export interface SessionOptions {
  baseUrl: string;
  tokens: Tokens;
  fetch?: (request: Request) => Promise<Response>;
  /** Renew this long before expiry; 5 minutes by default, as AWS's SDKs do. */
  refreshMarginMs?: number;
  now?: () => number;
  /** Called with the tokens after each refresh, e.g. to keep a rotated refresh token across page loads. */
  onTokens?: (tokens: Tokens) => void;
}

async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>, what: string) {
  const { data, error, response } = await call;
  if (data === undefined) {
    const detail = (error as { message?: string } | undefined)?.message ?? response.statusText;
    throw new Error(`${what} failed (${response.status}): ${detail}`);
  }
  return data;
}

/**
 * @example
 * const session = createSession({ baseUrl, tokens }); // tokens from POST /v1/auth/signin
 * const { accessKeyId } = await session.credentials();
 */
export function createSession(options: SessionOptions): Session {
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? 300_000;
  const api = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let tokens = options.tokens;
  let tokensExpireAt = now() + tokens.expiresIn * 1000;
  let credentials: AwsCredentials | undefined;

  const refreshTokens = sharedRefresh(async () => {
    const refreshToken = tokens.refreshToken;
    if (!refreshToken) throw new Error('The session has no refresh token: sign in again');
    const fresh = await unwrap(
      api.POST('/v1/auth/refresh', { body: { refreshToken } }),
      'Refreshing the session',
    );
    // The refresh token is only sent back when it was rotated; otherwise the old one stays valid.
    tokens = { ...fresh, refreshToken: fresh.refreshToken ?? refreshToken };
    tokensExpireAt = now() + fresh.expiresIn * 1000;
    options.onTokens?.(tokens);
    return tokens.idToken;
  });

  async function idToken(): Promise<string> {
    return now() < tokensExpireAt - margin ? tokens.idToken : refreshTokens();
  }

  const exchange = sharedRefresh(async () => {
    const token = await idToken();
    const answer = await unwrap(
      api.POST('/v1/identity/credentials', {
        body: { durationSeconds: 3600 },
        headers: { authorization: `Bearer ${token}` },
      }),
      'Exchanging the ID token for credentials',
    );
    credentials = answer.credentials;
    return credentials;
  });

  return {
    idToken,
    async credentials() {
      const fresh = credentials && now() < Date.parse(credentials.expiration) - margin;
      return fresh && credentials ? credentials : exchange();
    },
  };
}

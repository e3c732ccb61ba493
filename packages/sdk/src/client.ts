// The Concierge client: openapi-fetch typed by the generated contract, with the chosen credentials and a timeout.
import createClient, { type Client } from 'openapi-fetch';
import { apiKeyMiddleware, bearerMiddleware, type TokenSource } from './auth.middleware.js';
import type { paths } from './generated/api.js';
import type { Session } from './session.js';
import { sigv4Middleware } from './sigv4.middleware.js';
import { type FetchLike, withTimeout } from './timeout.fetch.js';

export type ClientAuth =
  | { kind: 'sigv4'; session: Pick<Session, 'credentials'> }
  | { kind: 'bearer'; token: TokenSource }
  | { kind: 'apiKey'; key: string }
  | { kind: 'none' };

export interface ConciergeClientOptions {
  /** The deployment's origin, e.g. `https://concierge.example` (paths already start with `/v1`). */
  baseUrl: string;
  auth: ClientAuth;
  /** SigV4 region; the gateway's `CONCIERGE_REGION`. */
  region?: string;
  fetch?: FetchLike;
  /** Per-request deadline, 30 s by default; a call may pass its own `signal` too. */
  timeoutMs?: number;
}

export type ConciergeClient = Client<paths>;

/**
 * @example
 * const session = await signIn(baseUrl, email, password);
 * const api = createConciergeClient({ baseUrl, auth: { kind: 'sigv4', session }, region: 'us-east-1' });
 * const { data, error } = await api.GET('/v1/products', { params: { query: { limit: 5 } } });
 */
export function createConciergeClient(options: ConciergeClientOptions): ConciergeClient {
  const fetchImpl = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: withTimeout(fetchImpl, options.timeoutMs ?? 30_000),
  });
  const { auth } = options;
  if (auth.kind === 'sigv4')
    client.use(sigv4Middleware({ session: auth.session, region: options.region ?? 'us-east-1' }));
  else if (auth.kind === 'bearer') client.use(bearerMiddleware(auth.token));
  else if (auth.kind === 'apiKey') client.use(apiKeyMiddleware(auth.key));
  return client;
}

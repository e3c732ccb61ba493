// The browser-facing routes of outside sign-in: `/v1/auth/federated/{provider}/start` and `/callback`.
import type { FastifyInstance } from 'fastify';
import type { FederationService } from './federation.service.js';

export interface FederationMountOptions {
  federation: FederationService;
  /** Where the browser lands after the callback, the tokens in the URL fragment; without it the callback answers JSON. */
  completeUrl?: string;
}

const cookieName = 'concierge_federation';
const cookiePath = '/v1/auth/federated';

function readCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookieName) return value.join('=');
  }
  return undefined;
}

/**
 * Registers the two routes on `app` (the gateway's error handler formats failures).
 * @example await registerFederation(app, { federation, completeUrl: 'https://concierge.example.com/signed-in' });
 */
export async function registerFederation(
  app: FastifyInstance,
  options: FederationMountOptions,
): Promise<void> {
  const { federation } = options;
  const secure = federation.callbackUrl('x').startsWith('https:') ? '; Secure' : '';

  app.get<{ Params: { provider: string } }>(`${cookiePath}/:provider/start`, async (request, reply) => {
    const { url, browserSecret } = await federation.start(request.params.provider);
    // Lax, so the cookie comes back on the provider's top-level redirect to the callback.
    reply.header(
      'set-cookie',
      `${cookieName}=${browserSecret}; Path=${cookiePath}; HttpOnly; SameSite=Lax; Max-Age=600${secure}`,
    );
    return reply.header('cache-control', 'no-store').redirect(url, 302);
  });

  app.get<{ Params: { provider: string } }>(`${cookiePath}/:provider/callback`, async (request, reply) => {
    const current = new URL(request.url, federation.callbackUrl(request.params.provider));
    const tokens = await federation.callback(
      request.params.provider,
      current,
      readCookie(request.headers.cookie),
    );
    reply.header(
      'set-cookie',
      `${cookieName}=; Path=${cookiePath}; HttpOnly; SameSite=Lax; Max-Age=0${secure}`,
    );
    reply.header('cache-control', 'no-store');
    if (!options.completeUrl) return tokens;
    // A fragment never reaches a server log or a Referer header.
    const fragment = new URLSearchParams(
      Object.entries(tokens).map(([k, v]): [string, string] => [k, String(v)]),
    );
    return reply.redirect(`${options.completeUrl}#${fragment}`, 303);
  });
}

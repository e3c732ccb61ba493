// An outside OpenID Connect provider for the federated sign-in journey: a second oidc-provider (the one
// Concierge itself runs) on its own port, with its own accounts, that knows Concierge as a client.
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { toHttpError } from '@concierge/platform';
import Fastify from 'fastify';
import {
  type IdentityFixture,
  identityFixture,
} from '../../services/identity/src/accounts/identity.fixture.js';
import { registerOidc } from '../../services/identity/src/oidc/oidc.plugin.js';
import { createOidcProvider } from '../../services/identity/src/oidc/oidc.provider.js';

export interface OutsideProvider {
  /** `CONCIERGE_OIDC_PROVIDERS` naming this provider. */
  config: string;
  fixture: IdentityFixture;
  close(): Promise<void>;
}

/** A port nobody listens on right now, for a system whose public URL must be known before it starts. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startOutsideProvider(conciergeUrl: string): Promise<OutsideProvider> {
  const app = Fastify();
  app.setErrorHandler((error, request, reply) => {
    const answer = toHttpError(error, request.id);
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const fixture = await identityFixture({}, `${base}/oidc`);
  const provider = await createOidcProvider({
    issuer: fixture.issuer,
    keys: fixture.keys,
    cookieKeys: ['outside-cookie-key'],
    store: fixture.store,
    repository: fixture.identity.repository,
    clients: [
      {
        clientId: 'concierge',
        clientSecret: 'outside-secret',
        redirectUris: [`${conciergeUrl}/v1/auth/federated/outside/callback`],
      },
    ],
  });
  await registerOidc(app, {
    provider,
    sessions: fixture.identity.sessions,
    firstPartyClients: ['concierge'],
  });
  await app.ready();
  return {
    config: JSON.stringify([
      { name: 'outside', issuer: fixture.issuer, clientId: 'concierge', clientSecret: 'outside-secret' },
    ]),
    fixture,
    async close() {
      await app.close();
      await fixture.close();
    },
  };
}

// Wires the identity service (accounts, OpenID provider, federation, credential broker, API keys) and the
// gateway authorizer that checks SigV4, bearer JWTs and API keys against it.
import {
  type ApiDocument,
  type Authenticator,
  createAuthorizer,
  createSigV4Verifier,
} from '@concierge/gateway';
import {
  type ApiKeyService,
  apiKeyMigrations,
  apiKeyOperations,
  apiKeyRepository,
  apiKeyUsageRepository,
  createApiKeyService,
  createApiKeyUsageRecorder,
  createCredentialBroker,
  createFederation,
  createIdentity,
  createIdTokenVerifier,
  createOidcProvider,
  createPolicyEngine,
  createTokenIssuer,
  credentialMigrations,
  credentialOperations,
  credentialRepository,
  type Identity,
  identityMigrations,
  loadCookieKeys,
  loadSigningKeys,
  publicJwks,
  registerFederation,
  registerOidc,
} from '@concierge/identity';
import type {
  Cache,
  ConciergeConfig,
  Logger,
  Mailer,
  ServiceMigrations,
  SqlStore,
} from '@concierge/platform';
import type { FastifyInstance } from 'fastify';
import { createRateLimiter } from './rate-limiter.js';
import { loadSecretKey } from './secret-key.js';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const webClientId = 'concierge-web';
export const apiAudience = 'concierge-api';

export interface IdentityParts {
  identity: Identity;
  apiKeys: ApiKeyService;
  migrations: ServiceMigrations[];
  authenticator: Authenticator;
  /** Operators' account switches (`concierge users disable|enable`); false when the e-mail has no account. */
  accountAdmin: { disable(email: string): Promise<boolean>; enable(email: string): Promise<boolean> };
  /** Writes the API keys' pending usage counts. */
  close(): Promise<void>;
  /** Mounts the OpenID provider under `/oidc` and outside sign-in under `/v1/auth/federated`. */
  mount(app: FastifyInstance): Promise<void>;
}

export interface IdentityDeps {
  config: ConciergeConfig;
  logger: Logger;
  store: SqlStore;
  cache: Cache;
  mailer: Mailer;
  document: ApiDocument;
}

export async function assembleIdentity({
  config,
  logger,
  store,
  cache,
  mailer,
  document,
}: IdentityDeps): Promise<IdentityParts> {
  const { region } = config.identity;
  const publicUrl = config.http.publicUrl ?? `http://localhost:${config.http.port}`;
  const issuer = `${publicUrl}/oidc`;
  const loginName = issuer.replace(/^https?:\/\//, '');
  const keys = await loadSigningKeys(config.dataDir);
  const jwks = publicJwks(keys);
  const tokens = createTokenIssuer({
    issuer,
    keys,
    clientId: webClientId,
    apiAudience,
    tokenTtlSeconds: config.identity.tokenTtlSeconds,
  });
  const broker = createCredentialBroker({
    repository: credentialRepository(store.db),
    encryptionKey: loadSecretKey(config.dataDir, 'credentials.key'),
    region,
    ...(config.identity.guestAccess ? { guestRole: 'guest' } : {}),
  });
  const idTokens = createIdTokenVerifier({ issuer, audience: webClientId, jwks });
  const usageRepository = apiKeyUsageRepository(store.db);
  const usage = createApiKeyUsageRecorder({
    repository: usageRepository,
    onError: (err) => logger.error({ err }, 'API key usage not written'),
  });
  const apiKeys = createApiKeyService({
    repository: apiKeyRepository(store.db),
    usage: { repository: usageRepository, recorder: usage },
  });
  const identity = createIdentity({
    store,
    mailer,
    logger: logger.child({ service: 'identity' }),
    tokens,
    refreshTtlSeconds: config.identity.refreshTtlSeconds,
    accountCacheMs: config.identity.accountCacheMs,
    operations: {
      ...credentialOperations({
        broker,
        identityPoolId: `${region}:concierge`,
        providers: { [loginName]: idTokens },
        bearerProvider: loginName,
        accountActive: async (userId) => {
          const account = await identity.repository.findById(userId);
          return account !== undefined && !account.disabledAt;
        },
      }),
      ...apiKeyOperations(apiKeys),
    },
  });
  const authenticator = createAuthorizer({
    document,
    sigv4: {
      verifier: createSigV4Verifier({ region, lookup: broker.signingSecret, replayCache: cache }),
      policy: createPolicyEngine({ region, accountId: '000000000000', apiId: 'concierge', stage: 'v1' }),
    },
    // ID tokens (the lecture's app exchanges them) and access tokens both come from our own issuer.
    bearer: createIdTokenVerifier({ issuer, audience: [apiAudience, webClientId], jwks }),
    apiKeys: { lookup: apiKeys, limiter: createRateLimiter(cache, logger, config.cache.keyPrefix), usage },
  });
  const outside = config.identity.outsideProviders;
  return {
    identity,
    apiKeys,
    migrations: [identityMigrations, credentialMigrations, apiKeyMigrations],
    authenticator,
    accountAdmin: {
      async disable(email) {
        const account = await identity.repository.findByEmail(email);
        if (!account || !(await identity.accounts.disable(account.id))) return false;
        await broker.revokeUser(account.id);
        return true;
      },
      async enable(email) {
        const account = await identity.repository.findByEmail(email);
        return account !== undefined && identity.accounts.enable(account.id);
      },
    },
    close: () => usage.close(),
    async mount(app) {
      // Made on the first OpenID request: oidc-provider is large and most processes never need it.
      const provider = async () =>
        createOidcProvider({
          issuer,
          keys,
          cookieKeys: await loadCookieKeys(config.dataDir),
          store,
          repository: identity.repository,
          clients: [
            {
              clientId: webClientId,
              redirectUris: [`${publicUrl}/callback`],
              postLogoutRedirectUris: [`${publicUrl}/`],
            },
          ],
          idTokenTtlSeconds: config.identity.tokenTtlSeconds,
          refreshTokenTtlSeconds: config.identity.refreshTtlSeconds,
        });
      await registerOidc(app, { provider, sessions: identity.sessions });
      if (outside.length > 0) {
        const federation = createFederation({
          providers: outside,
          store,
          identity,
          publicBaseUrl: publicUrl,
          // Plain http only for issuers on this machine (development, tests); any other must be https.
          allowInsecureHttp: outside.every((p) => loopbackHosts.has(new URL(p.issuer).hostname)),
        });
        await registerFederation(app, { federation, completeUrl: `${publicUrl}/` });
      }
    },
  };
}

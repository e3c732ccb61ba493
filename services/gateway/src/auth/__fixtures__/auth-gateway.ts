// A gateway wired with the real identity pieces (SQLite, broker, policies, API keys) for the authorizer tests.
import { randomBytes } from 'node:crypto';
import { type Caller, createLogger, createSqliteStore, type ServiceModule } from '@concierge/platform';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll } from 'vitest';
import {
  apiKeyMigrations,
  apiKeyRepository,
  createApiKeyService,
} from '../../../../identity/src/api-keys/index.js';
import {
  createCredentialBroker,
  createIdTokenVerifier,
  credentialMigrations,
  credentialRepository,
  type IdTokenVerifier,
} from '../../../../identity/src/credentials/index.js';
import { createPolicyEngine } from '../../../../identity/src/policies/index.js';
import { buildGateway, type Gateway } from '../../gateway.app.js';
import { indexDocument } from '../../openapi/document.js';
import { createAuthorizer } from '../authorizer.js';
import { createMemoryRateLimiter } from '../rate-limit/memory-rate-limiter.js';
import { createSigV4Verifier } from '../sigv4/sigv4.verifier.js';
import { authApi } from './auth-api.js';
import { awsSign, type RequestToSign, type TestCredentials } from './aws-signer.js';
import { testCache } from './memory-cache.js';

const store = createSqliteStore({ file: ':memory:' });
let offset = 0;
const broker = createCredentialBroker({
  repository: credentialRepository(store.db),
  encryptionKey: randomBytes(32),
  region: 'us-east-1',
  now: () => Date.now() + offset,
});
const plans = {
  tiny: { name: 'tiny', rateLimit: 1, burstLimit: 2, quota: { limit: 1000, period: 'DAY' as const } },
  small: { name: 'small', rateLimit: 100, burstLimit: 100, quota: { limit: 2, period: 'MONTH' as const } },
};
const apiKeys = createApiKeyService({ repository: apiKeyRepository(store.db), plans, defaultPlan: 'tiny' });
const echo = async (req: { caller: Caller | null }) => ({ status: 200, body: { caller: req.caller } });
const shop: ServiceModule = {
  name: 'shop',
  operations: Object.fromEntries(
    [
      'getOrder',
      'checkout',
      'adminOrders',
      'listProducts',
      'getMe',
      'partnerProducts',
      'partnerOrders',
      'legacy',
    ].map((o) => [o, echo]),
  ),
};

let sut: Gateway;
let idTokens: IdTokenVerifier;
let signToken: (alg?: string) => Promise<string>;
let customer: TestCredentials;
let operator: TestCredentials;

/** Registers the gateway's start and stop with the calling test file and hands back its handles. */
export function useAuthGateway() {
  beforeAll(async () => {
    await store.migrate(credentialMigrations);
    await store.migrate(apiKeyMigrations);
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] };
    idTokens = createIdTokenVerifier({ issuer: 'https://id.test', audience: 'app', jwks });
    signToken = () =>
      new SignJWT({ roles: ['customer'] })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject('usr_jwt')
        .setIssuer('https://id.test')
        .setAudience('app')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
    const asCreds = (i: { accessKeyId: string; secretAccessKey: string; sessionToken: string }) => ({ ...i });
    customer = asCreds(
      await broker.issue({ provider: 'id.test', subject: 'usr_c', userId: 'usr_c', roles: ['customer'] }),
    );
    operator = asCreds(
      await broker.issue({ provider: 'id.test', subject: 'usr_o', userId: 'usr_o', roles: ['operator'] }),
    );
    const document = indexDocument(authApi);
    const authenticator = createAuthorizer({
      document,
      sigv4: {
        verifier: createSigV4Verifier({
          region: 'us-east-1',
          lookup: broker.signingSecret,
          replayCache: testCache(),
        }),
        policy: createPolicyEngine({
          region: 'us-east-1',
          accountId: '000000000000',
          apiId: 'concierge',
          stage: 'v1',
        }),
      },
      bearer: idTokens,
      apiKeys: { lookup: apiKeys, limiter: createMemoryRateLimiter() },
    });
    const logger = createLogger({ level: 'silent', format: 'json' });
    sut = await buildGateway({ document, logger, authenticator, services: [shop] });
  });
  afterAll(async () => {
    await sut.app.close();
    await store.close();
  });

  async function send(req: RequestToSign, credentials?: TestCredentials, tokenUnsigned = true) {
    const signed = credentials
      ? await awsSign(req, { credentials, tokenUnsigned })
      : { ...req, url: req.path, headers: req.headers ?? {} };
    const method = req.method as 'GET' | 'POST';
    const res = await sut.app.inject({ method, url: signed.url, headers: signed.headers, payload: req.body });
    return {
      status: res.statusCode,
      code: res.json().code as string | undefined,
      body: res.json(),
      headers: res.headers,
    };
  }

  const checkout = (nonce: string, body = '{"productId":"p1"}'): RequestToSign => ({
    method: 'POST',
    path: '/v1/checkout',
    headers: { 'content-type': 'application/json', 'x-concierge-nonce': nonce },
    body,
  });

  return {
    get sut() {
      return sut;
    },
    get customer() {
      return customer;
    },
    get operator() {
      return operator;
    },
    broker,
    apiKeys,
    signToken: () => signToken(),
    send,
    checkout,
    setClockOffset(ms: number) {
      offset = ms;
    },
  };
}

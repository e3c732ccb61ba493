// A whole identity service for tests: in-memory SQLite, keys in a temporary folder, a real SMTP server, a movable clock.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createSmtpMailer, createSqliteStore, type SqlStore } from '@concierge/platform';
import { startTestSmtpServer, type TestSmtpServer } from '@concierge/platform/testing';
import { loadSigningKeys, type PrivateJwks } from '../oidc/signing-keys.js';
import { createTokenIssuer } from '../oidc/token.issuer.js';
import { identityMigrations } from './identity.migrations.js';
import { createIdentity, type Identity, type IdentityOptions } from './identity.module.js';

export interface IdentityFixture {
  identity: Identity;
  store: SqlStore;
  smtp: TestSmtpServer;
  keys: PrivateJwks;
  dataDir: string;
  issuer: string;
  /** Moves the fixture's clock forward. */
  advance(ms: number): void;
  /** Signs up and confirms `email` with the code from the delivered mail. */
  confirmedAccount(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export const fixtureIssuer = 'http://127.0.0.1/oidc';

export async function identityFixture(
  overrides: Partial<IdentityOptions> = {},
  issuer = fixtureIssuer,
): Promise<IdentityFixture> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'identity-'));
  const store = createSqliteStore({ file: ':memory:' });
  await store.migrate(identityMigrations);
  const smtp = await startTestSmtpServer();
  const keys = await loadSigningKeys(dataDir);
  let offset = 0;
  const identity = createIdentity({
    store,
    mailer: createSmtpMailer({ host: smtp.host, port: smtp.port, from: 'Concierge <no-reply@example.com>' }),
    logger: { warn: () => undefined },
    tokens: createTokenIssuer({
      issuer,
      keys,
      clientId: 'concierge-web',
      apiAudience: 'urn:concierge:api',
      tokenTtlSeconds: 3600,
    }),
    // Cheap hashing keeps the suites fast; the real cost is measured in password.hasher.test.ts.
    scryptCost: { N: 2 ** 10, r: 8, p: 1 },
    now: () => new Date(Date.now() + offset),
    ...overrides,
  });
  return {
    identity,
    store,
    smtp,
    keys,
    dataDir,
    issuer,
    advance: (ms) => {
      offset += ms;
    },
    async confirmedAccount(email, password) {
      const { userId } = await identity.accounts.signUp({ email, password });
      const code = codeIn((await smtp.waitFor(email)).text);
      await identity.accounts.confirmSignUp(email, code);
      return userId;
    },
    async close() {
      await smtp.close();
      await store.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The six digits in a delivered mail. */
export function codeIn(text: string): string {
  return /\b(\d{6})\b/.exec(text)?.[1] ?? '';
}

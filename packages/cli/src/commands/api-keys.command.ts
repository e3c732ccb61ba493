// `concierge api-keys ...`: create (the value is printed once), list, revoke and read the usage of API keys.
import type { ApiKeyRecord, ApiKeyService } from '@concierge/identity';
import { AppError } from '@concierge/platform';
import type { System } from '../roots/embedded.root.js';
import { say } from './console.js';
import { withSystem } from './with-system.js';

async function userId(system: System, email: string): Promise<string> {
  const account = await system.identity.identity.repository.findByEmail(email);
  if (!account) throw AppError.notFound(`The account ${email}`);
  return account.id;
}

const iso = (at: number | null) => (at === null ? '-' : new Date(at).toISOString());
const line = (k: ApiKeyRecord) =>
  `${k.id}\t${k.name}\t${k.prefix}\t${k.plan}\tcreated ${iso(k.createdAt)}\tlast used ${iso(k.lastUsedAt)}\trevoked ${iso(k.revokedAt)}`;

const keys = (system: System): ApiKeyService => system.identity.apiKeys;

export const createApiKey = (email: string, name: string, opts: { plan?: string }) =>
  withSystem(async (system) => {
    const { key, value } = await keys(system).create(await userId(system, email), name, opts.plan);
    say(`Created API key ${key.id} "${name}" for ${email} on the ${key.plan} plan. Its value, shown once:`);
    process.stdout.write(`${value}\n`);
  });

export const listApiKeys = (email: string) =>
  withSystem(async (system) => {
    const items = await keys(system).list(await userId(system, email), 100);
    say(`${items.length} API key(s) of ${email}:`);
    for (const k of items) process.stdout.write(`${line(k)}\n`);
  });

export const revokeApiKey = (keyId: string) =>
  withSystem(async (system) => {
    const owner = await keys(system).owner(keyId);
    await keys(system).revoke(owner, keyId);
    say(`Revoked API key ${keyId}; gateways refuse it from now on.`);
  });

export const apiKeyUsage = (keyId: string, opts: { from?: string; to?: string }) =>
  withSystem(async (system) => {
    const owner = await keys(system).owner(keyId);
    const usage = await keys(system).usage(owner, keyId, opts);
    const { quota } = usage;
    say(
      `API key ${keyId}: ${quota.used} of ${quota.limit} requests used this ${quota.period} (resets ${quota.resetsAt}).`,
    );
    process.stdout.write(`${JSON.stringify(usage, null, 2)}\n`);
  });

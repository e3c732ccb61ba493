import { createSqliteStore, type SqlStore } from '@concierge/platform';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { apiKeyRepository } from './api-key.repository.js';
import { createApiKeyService } from './api-key.service.js';
import { type ApiKeyUsageRecorder, createApiKeyUsageRecorder } from './api-key-usage.recorder.js';
import { apiKeyUsageRepository } from './api-key-usage.repository.js';
import { apiKeyMigrations } from './migrations/index.js';

let store: SqlStore;
let sut: ApiKeyUsageRecorder;
let clock = Date.parse('2026-11-27T12:00:00Z');

beforeEach(async () => {
  store = createSqliteStore({ file: ':memory:' });
  await store.migrate(apiKeyMigrations);
  sut = createApiKeyUsageRecorder({ repository: apiKeyUsageRepository(store.db), now: () => clock });
});
afterEach(async () => {
  await sut.close();
  await store.close();
});

function service() {
  return createApiKeyService({
    repository: apiKeyRepository(store.db),
    usage: { repository: apiKeyUsageRepository(store.db), recorder: sut },
    now: () => clock,
  });
}

it('counts requests and throttles per UTC day and reports the quota period', async () => {
  const keys = service();
  const { key } = await keys.create('usr_a', 'k');
  sut.record(key.id, 'allowed');
  sut.record(key.id, 'throttled');
  clock += 86_400_000;
  sut.record(key.id, 'allowed');
  sut.record(key.id, 'allowed');
  const usage = await keys.usage('usr_a', key.id, { from: '2026-11-26', to: '2026-11-28' });
  expect(usage.days).toEqual([
    { date: '2026-11-26', requests: 0, throttled: 0 },
    { date: '2026-11-27', requests: 1, throttled: 1 },
    { date: '2026-11-28', requests: 2, throttled: 0 },
  ]);
  expect(usage.quota).toEqual({
    limit: 10_000,
    used: 2,
    remaining: 9_998,
    period: 'day',
    resetsAt: '2026-11-29T00:00:00.000Z',
  });
});

it('writes lastUsedAt at most once a minute per key', async () => {
  const keys = service();
  const { key } = await keys.create('usr_a', 'k');
  const lastUsed = async () => (await keys.list('usr_a'))[0]?.lastUsedAt;
  sut.record(key.id, 'allowed');
  await sut.flush();
  expect(await lastUsed()).toBe(clock);
  const first = clock;
  clock += 30_000;
  sut.record(key.id, 'allowed');
  await sut.flush();
  expect(await lastUsed()).toBe(first);
  clock += 31_000;
  sut.record(key.id, 'allowed');
  await sut.flush();
  expect(await lastUsed()).toBe(clock);
});

it("answers 404 for another user's key and refuses ranges over 92 days", async () => {
  const keys = service();
  const { key } = await keys.create('usr_a', 'k');
  await expect(keys.usage('usr_b', key.id)).rejects.toMatchObject({ kind: 'not_found' });
  await expect(keys.usage('usr_a', key.id, { from: '2026-01-01', to: '2026-11-27' })).rejects.toMatchObject({
    kind: 'invalid',
  });
});

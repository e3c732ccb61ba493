// API keys per user: create (the value is returned once), list, revoke, and the gateway's lookup by value.
import { AppError, prefixedId } from '@concierge/platform';
import type { ApiKeyRecord, ApiKeyRepository } from './api-key.repository.js';
import { hashApiKey, newApiKeyValue } from './api-key.value.js';
import { keyUsage, type UsageRange } from './api-key-usage.js';
import type { ApiKeyUsageRecorder } from './api-key-usage.recorder.js';
import type { ApiKeyUsageRepository } from './api-key-usage.repository.js';
import { defaultUsagePlans, type UsagePlan } from './usage-plans.js';

export interface ApiKeyServiceOptions {
  repository: ApiKeyRepository;
  /** Where the gateway's counts land; without it usage reads as zero. */
  usage?: { repository: ApiKeyUsageRepository; recorder?: Pick<ApiKeyUsageRecorder, 'flush'> };
  plans?: Record<string, UsagePlan>;
  defaultPlan?: string;
  now?: () => number;
}

/** What the gateway learns from a valid key. */
export interface ResolvedApiKey {
  keyId: string;
  userId: string;
  plan: UsagePlan;
}

export function createApiKeyService(options: ApiKeyServiceOptions) {
  const { repository } = options;
  const plans = options.plans ?? defaultUsagePlans;
  const defaultPlan = options.defaultPlan ?? 'basic';
  const now = options.now ?? Date.now;

  return {
    plans,

    async create(
      userId: string,
      name: string,
      planName = defaultPlan,
    ): Promise<{ key: ApiKeyRecord; value: string }> {
      if (!plans[planName])
        throw AppError.invalid(`Unknown usage plan ${planName}`, [
          { field: 'body.plan', message: 'is not a known plan' },
        ]);
      const { value, prefix } = newApiKeyValue();
      const key: ApiKeyRecord = {
        id: prefixedId('key'),
        userId,
        name,
        prefix,
        plan: planName,
        createdAt: now(),
        revokedAt: null,
        lastUsedAt: null,
      };
      await repository.insert(key, hashApiKey(value));
      return { key, value };
    },

    /** Whose key `id` is, for operators' tools; 404 when there is no such key. */
    async owner(id: string): Promise<string> {
      const key = await repository.byId(id);
      if (!key) throw AppError.notFound(`API key ${id}`);
      return key.userId;
    },

    list: (userId: string, limit = 20, after?: string) => repository.list(userId, limit, after),

    async revoke(userId: string, id: string): Promise<void> {
      if (!(await repository.revoke(userId, id, now()))) throw AppError.notFound(`API key ${id}`);
    },

    /** The usage of the user's own key (revoked keys included); 404 for anyone else's. */
    async usage(userId: string, id: string, range: UsageRange = {}) {
      const key = await repository.get(userId, id);
      const plan = key && plans[key.plan];
      if (!key || !plan) throw AppError.notFound(`API key ${id}`);
      await options.usage?.recorder?.flush();
      const empty = { add: async () => {}, days: async () => [], touch: async () => {} };
      return keyUsage(options.usage?.repository ?? empty, id, plan, range, now());
    },

    /** Undefined for unknown or revoked keys: the gateway answers both with the same 403. */
    async resolve(value: string): Promise<ResolvedApiKey | undefined> {
      const key = await repository.byHash(hashApiKey(value));
      const plan = key && plans[key.plan];
      if (!key || key.revokedAt !== null || !plan) return undefined;
      return { keyId: key.id, userId: key.userId, plan };
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;

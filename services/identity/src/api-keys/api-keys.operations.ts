// The caller's API key operations; the owner always comes from the verified caller, never from the body.
import { AppError, type Caller, type OperationHandler, ok } from '@concierge/platform';
import type { ApiKeyRecord } from './api-key.repository.js';
import type { ApiKeyService } from './api-key.service.js';
import type { UsagePlan } from './usage-plans.js';

function owner(caller: Caller | null): string {
  if (!caller) throw new AppError('unauthenticated', 'Sign in to manage API keys', { code: 'UNAUTHORIZED' });
  // A key must not mint more keys: that would outlive its own revocation.
  if (caller.via === 'api-key')
    throw new AppError('forbidden', 'API keys cannot manage API keys', { code: 'ACCESS_DENIED' });
  return caller.userId;
}

/** The contract spells quota periods in lower case. */
const planView = (p: UsagePlan) => ({
  name: p.name,
  rateLimit: p.rateLimit,
  burstLimit: p.burstLimit,
  quota: { limit: p.quota.limit, period: p.quota.period.toLowerCase() },
});

export function apiKeyOperations(service: ApiKeyService): Record<string, OperationHandler> {
  const view = (k: ApiKeyRecord) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    plan: planView(service.plans[k.plan]!),
    createdAt: new Date(k.createdAt).toISOString(),
    lastUsedAt: k.lastUsedAt === null ? null : new Date(k.lastUsedAt).toISOString(),
    revokedAt: k.revokedAt === null ? null : new Date(k.revokedAt).toISOString(),
  });
  return {
    createApiKey: async (request) => {
      const body = request.body as { name: string; plan?: string };
      const { key, value } = await service.create(owner(request.caller), body.name, body.plan);
      return {
        status: 201,
        body: { key: view(key), value },
        headers: { location: `/v1/me/api-keys/${key.id}` },
      };
    },
    listApiKeys: async (request) => {
      const limit = Number(request.query.limit ?? 20);
      const cursor = typeof request.query.cursor === 'string' ? request.query.cursor : undefined;
      const items = await service.list(owner(request.caller), limit, cursor);
      return ok({
        items: items.map(view),
        nextCursor: items.length === limit ? (items.at(-1)?.id ?? null) : null,
      });
    },
    getApiKeyUsage: async (request) => {
      const { from, to } = request.query as { from?: string; to?: string };
      return ok(
        await service.usage(owner(request.caller), String(request.params.keyId), {
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
        }),
      );
    },
    revokeApiKey: async (request) => {
      await service.revoke(owner(request.caller), String(request.params.keyId));
      return { status: 204 };
    },
  };
}

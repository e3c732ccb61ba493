// The gateway's authorizer: picks the scheme the operation's security requirements ask for (SigV4, bearer
// JWT, API key, or anonymous via `{}`), verifies it, applies the role's policy or the key's usage plan.
import { AppError, type Caller } from '@concierge/platform';
import type { FastifyRequest } from 'fastify';
import type { ApiDocument, OperationInfo } from '../openapi/document.js';
import type { Authenticator } from './authenticator.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import { type SchemeInfo, type SchemeKind, schemeKinds } from './security-schemes.js';
import {
  hasSigV4,
  type SignedHttpRequest,
  type SigningSecret,
  type SigV4Verifier,
} from './sigv4/sigv4.verifier.js';
import { enforceUsagePlan, type UsagePlanLimits } from './usage-plan.guard.js';
import type { UsageRecorder } from './usage-recorder.js';

/** What a verified access key stands for: its user, their roles, and the role whose policy applies. */
export interface SigningIdentity extends SigningSecret {
  userId: string;
  roles: string[];
  role: string;
  /** The verified e-mail of the user the credentials were issued to, when known. */
  email?: string | null;
}

export interface InvokePolicy {
  /** Throws AppError ACCESS_DENIED unless `role` may invoke `method` on the concrete `path`. */
  authorize(request: {
    role: string;
    method: string;
    path: string;
    userId: string;
    sourceIp?: string;
    secureTransport?: boolean;
  }): void;
}

export interface BearerVerifier {
  verify(token: string): Promise<{ sub: string; roles: string[]; email?: unknown }>;
}

export interface ApiKeyLookup {
  /** Undefined for an unknown or revoked key. */
  resolve(value: string): Promise<{ keyId: string; userId: string; plan: UsagePlanLimits } | undefined>;
}

export interface AuthorizerOptions {
  document: ApiDocument;
  sigv4?: { verifier: SigV4Verifier<SigningIdentity>; policy: InvokePolicy };
  bearer?: BearerVerifier;
  /** `usage` counts each key's requests per day for getApiKeyUsage and `lastUsedAt`. */
  apiKeys?: { lookup: ApiKeyLookup; limiter: RateLimiter; usage?: UsageRecorder };
}

const missing: Record<SchemeKind, () => AppError> = {
  sigv4: () =>
    new AppError('forbidden', 'Missing Authentication Token', { code: 'MISSING_AUTHENTICATION_TOKEN' }),
  bearer: () => new AppError('unauthenticated', 'Unauthorized', { code: 'UNAUTHORIZED' }),
  apiKey: () =>
    new AppError('forbidden', 'Forbidden: a valid API key is required', { code: 'INVALID_API_KEY' }),
};

/** `/v1/orders/{orderId}` + params → `/v1/orders/ord_1`: the route Fastify matched, so encoding tricks cannot dodge a policy. */
function concretePath(template: string, params: unknown): string {
  if (!template.includes('{')) return template;
  const values = (params ?? {}) as Record<string, string>;
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? '');
}

/**
 * @example
 * const authenticator = createAuthorizer({ document, sigv4: { verifier, policy }, bearer: idTokens, apiKeys: { lookup, limiter } });
 * await buildGateway({ document, authenticator, ... });
 */
export function createAuthorizer(options: AuthorizerOptions): Authenticator {
  const schemes = schemeKinds(options.document);
  // `Bearer <token>`, scheme case-insensitive; a prefix test, not a regular expression over the whole token.
  const bearerToken = (r: FastifyRequest) => {
    const header = r.headers.authorization;
    if (header === undefined || header.length <= 7 || header.slice(0, 7).toLowerCase() !== 'bearer ') return;
    return header.slice(7);
  };
  const apiKeyOf = (r: FastifyRequest, s: SchemeInfo) => {
    const v = r.headers[s.header ?? 'x-api-key'];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const signed = (r: FastifyRequest): SignedHttpRequest => ({
    method: r.method,
    url: r.url,
    headers: r.headers,
    body: r.rawBody,
  });

  function presented(r: FastifyRequest, s: SchemeInfo): boolean {
    if (s.kind === 'sigv4') return options.sigv4 !== undefined && hasSigV4(r);
    if (s.kind === 'bearer') return options.bearer !== undefined && bearerToken(r) !== undefined;
    return options.apiKeys !== undefined && apiKeyOf(r, s) !== undefined;
  }

  /** One security requirement of an operation: the schemes it needs together, and its API key scheme if any. */
  interface Requirement {
    schemes: SchemeInfo[];
    keyScheme: SchemeInfo | undefined;
  }
  interface Plan {
    /** The requirements that name schemes, in the document's order. */
    required: Requirement[];
    /** An empty requirement (`{}`) lets anonymous callers in. */
    anonymous: boolean;
  }
  // Worked out once per operation instead of on every request (names, lookups, arrays).
  const plans = new WeakMap<OperationInfo, Plan>();
  function planOf(operation: OperationInfo): Plan {
    let plan = plans.get(operation);
    if (plan) return plan;
    plan = { required: [], anonymous: false };
    for (const requirement of operation.security) {
      const names = Object.keys(requirement);
      // A scheme the document does not define can never be satisfied: no other credential stands in for it.
      if (names.some((n) => !schemes.has(n))) continue;
      const required = names.map((n) => schemes.get(n)!);
      if (required.length === 0) plan.anonymous = true;
      else plan.required.push({ schemes: required, keyScheme: required.find((x) => x.kind === 'apiKey') });
    }
    plans.set(operation, plan);
    return plan;
  }

  async function satisfy(
    r: FastifyRequest,
    operation: OperationInfo,
    requirement: Requirement,
  ): Promise<Caller> {
    let caller: Caller | undefined;
    for (const s of requirement.schemes) {
      if (s.kind === 'sigv4' && options.sigv4) {
        const { credentials } = await options.sigv4.verifier.verify(signed(r));
        const path = concretePath(operation.path, r.params);
        const { userId, role } = credentials;
        options.sigv4.policy.authorize({
          role,
          method: operation.method,
          path,
          userId,
          sourceIp: r.ip,
          secureTransport: r.protocol === 'https',
        });
        caller = { userId, roles: credentials.roles, via: 'sigv4' };
        if (credentials.email) caller.email = credentials.email;
      } else if (s.kind === 'bearer' && options.bearer) {
        const claims = await options.bearer.verify(bearerToken(r)!);
        caller = { userId: claims.sub, roles: claims.roles, via: 'jwt' };
        if (typeof claims.email === 'string') caller.email = claims.email;
      }
    }
    const keyScheme = requirement.keyScheme;
    if (!keyScheme || !options.apiKeys) return caller!;
    const key = await options.apiKeys.lookup.resolve(apiKeyOf(r, keyScheme)!);
    if (!key) throw missing.apiKey();
    await enforceUsagePlan(
      options.apiKeys.limiter,
      key.keyId,
      key.plan,
      operation.operationId,
      options.apiKeys.usage,
    );
    return caller
      ? { ...caller, apiKeyId: key.keyId }
      : { userId: key.userId, roles: [], via: 'api-key', apiKeyId: key.keyId };
  }

  const allPresented = (r: FastifyRequest, requirement: Requirement) => {
    for (const s of requirement.schemes) if (!presented(r, s)) return false;
    return true;
  };
  const anonymousCaller = Promise.resolve(null);

  return {
    identifies: (operation) => operation.security.length > 0,
    anonymous(request, operation) {
      if (operation.security.length === 0) return true;
      const plan = planOf(operation);
      if (!plan.anonymous) return false;
      for (const requirement of plan.required) if (allPresented(request, requirement)) return false;
      return true;
    },
    // Not async: the promise satisfy returns is handed on as it is, one promise less per request.
    authenticate(request, operation) {
      if (operation.security.length === 0) return anonymousCaller;
      const plan = planOf(operation);
      let firstMissing: SchemeKind | undefined;
      for (const requirement of plan.required) {
        // A credential that is presented is checked, never ignored in favour of anonymous access.
        if (allPresented(request, requirement)) return satisfy(request, operation, requirement);
        firstMissing ??= requirement.schemes.find((s) => !presented(request, s))?.kind;
      }
      if (plan.anonymous) return anonymousCaller;
      return Promise.reject(missing[firstMissing ?? 'sigv4']());
    },
  };
}

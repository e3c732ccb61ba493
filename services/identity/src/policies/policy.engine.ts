// Decides per request whether a role may invoke an operation, from the role's policy and the request's
// API Gateway resource ARN (`arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}`).
import { AppError } from '@concierge/platform';
import { LRUCache } from 'lru-cache';
import { evaluatePolicies } from './policy.evaluator.js';
import type { Decision, OneOrMany, PolicyDocument } from './policy.types.js';
import defaultRoles from './roles.json' with { type: 'json' };

export interface PolicyEngineOptions {
  /** Role name → policy; defaults to `roles.json` beside this file. */
  roles?: Record<string, PolicyDocument>;
  region: string;
  accountId: string;
  apiId: string;
  stage: string;
  now?: () => number;
  /** Decisions remembered per method and path, for each role whose policy ignores the context. Default 10,000. */
  decisionCacheSize?: number;
}

/** The facts the gateway knows about one call. `path` is the concrete request path, e.g. `/v1/orders/ord_1`. */
export interface InvokeRequest {
  role: string;
  method: string;
  path: string;
  userId: string;
  sourceIp?: string;
  secureTransport?: boolean;
}

export interface PolicyEngine {
  resourceArn(method: string, path: string): string;
  decide(request: InvokeRequest): Decision;
  /** Throws AppError ACCESS_DENIED (403) unless the decision is Allow. */
  authorize(request: InvokeRequest): void;
}

const list = <T>(v: OneOrMany<T> | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * A policy without conditions and without policy variables (`${aws:userid}`) decides from the action and
 * the resource alone, so its decision for a role, method and path can be reused.
 */
function ignoresContext(policy: PolicyDocument): boolean {
  return list(policy.Statement).every(
    (s) =>
      s.Condition === undefined &&
      [s.Action, s.NotAction, s.Resource, s.NotResource].every((v) =>
        list(v).every((p) => !p.includes('${')),
      ),
  );
}

/**
 * @example
 * const policies = createPolicyEngine({ region: 'us-east-1', accountId: '000000000000', apiId: 'concierge', stage: 'v1' });
 * policies.authorize({ role: 'authenticated', method: 'GET', path: '/v1/orders/ord_1', userId: 'usr_1' });
 */
export function createPolicyEngine(options: PolicyEngineOptions): PolicyEngine {
  // A copy taken now: the policies cannot change under the remembered decisions.
  const roles = new Map<string, PolicyDocument>(
    Object.entries(structuredClone(options.roles ?? (defaultRoles as Record<string, PolicyDocument>))),
  );
  // Per role whose policy ignores the context, its decisions by `METHOD path` (a method has no spaces).
  const remembered = new Map<string, LRUCache<string, Decision>>();
  for (const [role, policy] of roles) {
    if (ignoresContext(policy))
      remembered.set(role, new LRUCache({ max: options.decisionCacheSize ?? 10_000 }));
  }
  const now = options.now ?? Date.now;
  const prefix = `arn:aws:execute-api:${options.region}:${options.accountId}:${options.apiId}/${options.stage}`;
  const resourceArn = (method: string, path: string) =>
    `${prefix}/${method.toUpperCase()}${path.startsWith('/') ? path : `/${path}`}`;

  function decide(request: InvokeRequest): Decision {
    const policy = roles.get(request.role);
    if (!policy) return 'ImplicitDeny';
    const decisions = remembered.get(request.role);
    if (!decisions) return evaluate(policy, request);
    const key = `${request.method.toUpperCase()} ${request.path}`;
    let decision = decisions.get(key);
    if (decision === undefined) {
      decision = evaluate(policy, request);
      decisions.set(key, decision);
    }
    return decision;
  }

  function evaluate(policy: PolicyDocument, request: InvokeRequest): Decision {
    const at = now();
    return evaluatePolicies([policy], {
      action: 'execute-api:Invoke',
      resource: resourceArn(request.method, request.path),
      context: {
        'aws:SourceIp': request.sourceIp,
        'aws:CurrentTime': new Date(at).toISOString(),
        'aws:EpochTime': String(Math.floor(at / 1000)),
        'aws:username': request.userId,
        'aws:userid': request.userId,
        'aws:SecureTransport':
          request.secureTransport === undefined ? undefined : String(request.secureTransport),
      },
    });
  }

  return {
    resourceArn,
    decide,
    authorize(request) {
      const decision = decide(request);
      if (decision !== 'Allow') {
        throw new AppError('forbidden', `User is not authorized to access this resource (${decision})`, {
          code: 'ACCESS_DENIED',
        });
      }
    },
  };
}

// Decides per request whether a role may invoke an operation, from the role's policy and the request's
// API Gateway resource ARN (`arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}`).
import { AppError } from '@concierge/platform';
import { evaluatePolicies } from './policy.evaluator.js';
import type { Decision, PolicyDocument } from './policy.types.js';
import defaultRoles from './roles.json' with { type: 'json' };

export interface PolicyEngineOptions {
  /** Role name → policy; defaults to `roles.json` beside this file. */
  roles?: Record<string, PolicyDocument>;
  region: string;
  accountId: string;
  apiId: string;
  stage: string;
  now?: () => number;
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

/**
 * @example
 * const policies = createPolicyEngine({ region: 'us-east-1', accountId: '000000000000', apiId: 'concierge', stage: 'v1' });
 * policies.authorize({ role: 'authenticated', method: 'GET', path: '/v1/orders/ord_1', userId: 'usr_1' });
 */
export function createPolicyEngine(options: PolicyEngineOptions): PolicyEngine {
  const roles = options.roles ?? (defaultRoles as Record<string, PolicyDocument>);
  const now = options.now ?? Date.now;
  const prefix = `arn:aws:execute-api:${options.region}:${options.accountId}:${options.apiId}/${options.stage}`;
  const resourceArn = (method: string, path: string) =>
    `${prefix}/${method.toUpperCase()}${path.startsWith('/') ? path : `/${path}`}`;

  function decide(request: InvokeRequest): Decision {
    const policy = roles[request.role];
    if (!policy) return 'ImplicitDeny';
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

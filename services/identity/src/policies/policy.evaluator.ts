// IAM evaluation: an explicit Deny in any statement wins, then any Allow, otherwise the implicit deny.
import { conditionsHold } from './conditions.js';
import type { AuthorizationRequest, Decision, OneOrMany, PolicyDocument, Statement } from './policy.types.js';
import { substitute, wildcardMatch } from './wildcard.js';

const list = <T>(v: OneOrMany<T> | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function contextLookup(context: AuthorizationRequest['context']): (key: string) => string | undefined {
  const lower = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  return (key) => lower.get(key.toLowerCase());
}

function anyMatches(
  patterns: string[],
  value: string,
  lookup: (k: string) => string | undefined,
  ci: boolean,
) {
  return patterns.some((p) => {
    const concrete = substitute(p, lookup);
    return concrete !== undefined && wildcardMatch(concrete, value, ci);
  });
}

/** Actions compare case-insensitively, as IAM does; resources (paths) are case-sensitive. */
function applies(
  s: Statement,
  request: AuthorizationRequest,
  lookup: (k: string) => string | undefined,
): boolean {
  const actionOk =
    s.Action !== undefined
      ? anyMatches(list(s.Action), request.action, lookup, true)
      : s.NotAction !== undefined && !anyMatches(list(s.NotAction), request.action, lookup, true);
  if (!actionOk) return false;
  const resourceOk =
    s.Resource !== undefined
      ? anyMatches(list(s.Resource), request.resource, lookup, false)
      : s.NotResource !== undefined && !anyMatches(list(s.NotResource), request.resource, lookup, false);
  return resourceOk && conditionsHold(s.Condition, lookup);
}

export function evaluatePolicies(policies: PolicyDocument[], request: AuthorizationRequest): Decision {
  const lookup = contextLookup(request.context);
  let allowed = false;
  for (const policy of policies) {
    for (const statement of list(policy.Statement)) {
      if (!applies(statement, request, lookup)) continue;
      if (statement.Effect === 'Deny') return 'ExplicitDeny';
      allowed = true;
    }
  }
  return allowed ? 'Allow' : 'ImplicitDeny';
}

// Who is calling, from what API Gateway verified before invoking the function: the IAM (SigV4) identity of
// identity-pool credentials, the claims of a Cognito ID token, and the API key id.
import type { Caller } from '@concierge/platform';
import type { APIGatewayProxyEvent } from 'aws-lambda';

export interface CallerOptions {
  /** Name of the identity pool role operators assume (the `operator` group's role). */
  operatorRole: string;
}

type RequestContext = APIGatewayProxyEvent['requestContext'];

export function callerFromRequestContext(context: RequestContext, options: CallerOptions): Caller | null {
  const apiKeyId = context.identity?.apiKeyId ?? undefined;
  const withKey = (caller: Caller): Caller => (apiKeyId ? { ...caller, apiKeyId } : caller);
  const claims = context.authorizer?.claims as Record<string, string> | undefined;
  if (claims?.sub) {
    const roles = groups(claims['cognito:groups']).includes('operator')
      ? ['customer', 'operator']
      : ['customer'];
    return withKey({
      userId: claims.sub,
      roles,
      via: 'jwt',
      ...(claims.email ? { email: claims.email } : {}),
    });
  }
  const identity = context.identity;
  if (identity?.cognitoAuthenticationType === 'authenticated' && identity.cognitoAuthenticationProvider) {
    // "cognito-idp.<region>.amazonaws.com/<pool>,cognito-idp.<region>.amazonaws.com/<pool>:CognitoSignIn:<sub>"
    const sub = identity.cognitoAuthenticationProvider.split(':CognitoSignIn:')[1];
    if (!sub) return null;
    const role = /:assumed-role\/([^/]+)\//.exec(identity.userArn ?? '')?.[1];
    const roles = role === options.operatorRole ? ['customer', 'operator'] : ['customer'];
    return withKey({ userId: sub, roles, via: 'sigv4' });
  }
  return null;
}

/** API Gateway hands list claims over as text: `operator`, `a,b` or `[a b]`. */
function groups(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

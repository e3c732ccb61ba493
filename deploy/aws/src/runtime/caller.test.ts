// The caller comes from what API Gateway verified: identity-pool credentials (SigV4), Cognito claims, API keys.
import { describe, expect, it } from 'vitest';
import { callerFromRequestContext } from './caller.js';
import { restEvent } from './testing/aws-events.js';

const options = { operatorRole: 'Concierge-operator' };
const context = (input: Partial<Parameters<typeof restEvent>[0]>) =>
  restEvent({ method: 'GET', path: '/v1/orders', resource: '/v1/orders', ...input }).requestContext;

describe('callerFromRequestContext', () => {
  it('takes the user pool subject of identity-pool credentials, and the operator role by its name', () => {
    const sub = '7d2c9a10-4f6e-4b1a-9c3d-0123456789ab';
    expect(
      callerFromRequestContext(
        context({ principal: { kind: 'iam', sub, role: 'Concierge-customer' } }),
        options,
      ),
    ).toEqual({
      userId: sub,
      roles: ['customer'],
      via: 'sigv4',
    });
    expect(
      callerFromRequestContext(
        context({ principal: { kind: 'iam', sub, role: 'Concierge-operator' } }),
        options,
      )?.roles,
    ).toEqual(['customer', 'operator']);
  });

  it('reads Cognito ID token claims, groups in any of the shapes API Gateway passes them', () => {
    const principal = (groups?: string) => ({
      kind: 'cognito' as const,
      sub: 'u-1',
      email: 'ann@example.com',
      ...(groups ? { groups } : {}),
    });
    expect(callerFromRequestContext(context({ principal: principal() }), options)).toEqual({
      userId: 'u-1',
      roles: ['customer'],
      via: 'jwt',
      email: 'ann@example.com',
    });
    for (const groups of ['operator', 'buyers,operator', '[buyers operator]']) {
      expect(callerFromRequestContext(context({ principal: principal(groups) }), options)?.roles).toContain(
        'operator',
      );
    }
    expect(
      callerFromRequestContext(context({ principal: principal('operators-club') }), options)?.roles,
    ).toEqual(['customer']);
  });

  it('carries the API key id, and answers null for anonymous calls', () => {
    expect(callerFromRequestContext(context({}), options)).toBeNull();
    expect(
      callerFromRequestContext(
        context({ principal: { kind: 'cognito', sub: 'u-2', email: 'b@example.com' }, apiKeyId: 'k1a2b3' }),
        options,
      )?.apiKeyId,
    ).toBe('k1a2b3');
  });
});

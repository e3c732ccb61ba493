import { describe, expect, it } from 'vitest';
import { createPolicyEngine } from './policy.engine.js';
import { evaluatePolicies } from './policy.evaluator.js';
import type { PolicyDocument } from './policy.types.js';
import { wildcardMatch } from './wildcard.js';

const sut = createPolicyEngine({
  region: 'us-east-1',
  accountId: '123456789012',
  apiId: 'api1',
  stage: 'v1',
});
const as = (role: string, method: string, path: string) =>
  sut.decide({ role, method, path, userId: 'usr_1' });

describe('roles from roles.json', () => {
  it('lets customers invoke the customer API but not admin routes or catalog writes', () => {
    expect(as('authenticated', 'POST', '/v1/checkout')).toBe('Allow');
    expect(as('authenticated', 'GET', '/v1/orders/ord_1')).toBe('Allow');
    expect(as('authenticated', 'GET', '/v1/products/p1')).toBe('Allow');
    expect(as('authenticated', 'GET', '/v1/admin/orders')).toBe('ImplicitDeny');
    expect(as('authenticated', 'PATCH', '/v1/products/p1')).toBe('ImplicitDeny');
    expect(as('authenticated', 'POST', '/v1/restaurants')).toBe('ImplicitDeny');
  });

  it('lets operators do everything, guests only browse and chat, unknown roles nothing', () => {
    expect(as('operator', 'POST', '/v1/admin/queues/q/dead-letters/m1/replay')).toBe('Allow');
    expect(as('guest', 'POST', '/v1/nlu')).toBe('Allow');
    expect(as('guest', 'POST', '/v1/checkout')).toBe('ImplicitDeny');
    expect(as('root', 'GET', '/v1/products')).toBe('ImplicitDeny');
    expect(() =>
      sut.authorize({ role: 'authenticated', method: 'GET', path: '/v1/admin/orders', userId: 'u' }),
    ).toThrow(expect.objectContaining({ code: 'ACCESS_DENIED' }));
  });

  it('builds API Gateway resource ARNs', () => {
    expect(sut.resourceArn('get', '/v1/orders/ord_1')).toBe(
      'arn:aws:execute-api:us-east-1:123456789012:api1/v1/GET/v1/orders/ord_1',
    );
  });
});

const allowAll = { Effect: 'Allow', Action: 'execute-api:*', Resource: '*' } as const;
const evaluate = (
  statements: PolicyDocument['Statement'],
  resource: string,
  context: Record<string, string> = {},
) =>
  evaluatePolicies([{ Version: '2012-10-17', Statement: statements }], {
    action: 'execute-api:Invoke',
    resource,
    context,
  });

describe('policy evaluation', () => {
  it('an explicit deny overrides an allow, also across policies', () => {
    const deny = { Effect: 'Deny', Action: '*', Resource: 'arn:*/DELETE/*' } as const;
    expect(evaluate([allowAll, deny], 'arn:x/v1/DELETE/v1/orders/1')).toBe('ExplicitDeny');
    expect(evaluate([allowAll, deny], 'arn:x/v1/GET/v1/orders/1')).toBe('Allow');
    expect(evaluate([], 'arn:x')).toBe('ImplicitDeny');
  });

  it('matches * across slashes and ? as one character, and NotAction', () => {
    expect(wildcardMatch('arn:*/GET/v1/orders/*', 'arn:a/b/GET/v1/orders/x/y')).toBe(true);
    expect(wildcardMatch('arn:?/GET', 'arn:ab/GET')).toBe(false);
    expect(wildcardMatch('arn:??/GET', 'arn:ab/GET')).toBe(true);
    expect(wildcardMatch('arn:a.c', 'arn:abc')).toBe(false);
    expect(
      evaluate([{ Effect: 'Allow', NotAction: 'execute-api:ManageConnections', Resource: '*' }], 'r'),
    ).toBe('Allow');
  });

  it('substitutes the aws:userid policy variable literally', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JS template
    const own = { Effect: 'Allow', Action: '*', Resource: 'arn:*/GET/v1/users/${aws:userid}/*' } as const;
    expect(evaluate([own], 'arn:x/GET/v1/users/usr_1/orders', { 'aws:userid': 'usr_1' })).toBe('Allow');
    expect(evaluate([own], 'arn:x/GET/v1/users/usr_2/orders', { 'aws:userid': 'usr_1' })).toBe(
      'ImplicitDeny',
    );
    expect(evaluate([own], 'arn:x/GET/v1/users/usr_2/orders', { 'aws:userid': '*' })).toBe('ImplicitDeny');
  });

  it('conditions: IpAddress, DateLessThan/GreaterThan, StringEquals/Like, Bool, missing keys', () => {
    const cond = (Condition: Record<string, Record<string, string | string[]>>) => [
      { ...allowAll, Condition },
    ];
    const ctx = {
      'aws:SourceIp': '::ffff:10.1.2.3',
      'aws:CurrentTime': '2026-11-27T12:00:00.000Z',
      'aws:username': 'usr_1',
      'aws:SecureTransport': 'true',
    };
    expect(evaluate(cond({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }), 'r', ctx)).toBe('Allow');
    expect(
      evaluate(cond({ IpAddress: { 'aws:SourceIp': ['192.168.0.0/16', '2001:db8::/32'] } }), 'r', ctx),
    ).toBe('ImplicitDeny');
    expect(evaluate(cond({ NotIpAddress: { 'aws:SourceIp': '192.168.0.0/16' } }), 'r', ctx)).toBe('Allow');
    expect(evaluate(cond({ DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } }), 'r', ctx)).toBe(
      'Allow',
    );
    expect(evaluate(cond({ DateGreaterThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } }), 'r', ctx)).toBe(
      'ImplicitDeny',
    );
    expect(evaluate(cond({ StringEquals: { 'AWS:UserName': 'usr_1' } }), 'r', ctx)).toBe('Allow');
    expect(evaluate(cond({ StringLike: { 'aws:username': 'usr_*' } }), 'r', ctx)).toBe('Allow');
    expect(evaluate(cond({ Bool: { 'aws:SecureTransport': 'false' } }), 'r', ctx)).toBe('ImplicitDeny');
    expect(evaluate(cond({ StringEquals: { 'aws:userid': 'usr_1' } }), 'r', ctx)).toBe('ImplicitDeny');
    expect(evaluate(cond({ MadeUpOperator: { 'aws:username': 'usr_1' } }), 'r', ctx)).toBe('ImplicitDeny');
  });

  it('a conditional deny: no writes from outside the office network', () => {
    const deny = {
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
    } as const;
    expect(evaluate([allowAll, deny], 'r', { 'aws:SourceIp': '203.0.113.9' })).toBe('ExplicitDeny');
    expect(evaluate([allowAll, deny], 'r', { 'aws:SourceIp': '10.9.9.9' })).toBe('Allow');
  });
});

describe('remembered decisions', () => {
  const engine = (roles: Record<string, PolicyDocument>, now = () => Date.parse('2026-11-27T12:00:00Z')) =>
    createPolicyEngine({ region: 'us-east-1', accountId: '1', apiId: 'a', stage: 'v1', roles, now });
  const doc = (...Statement: PolicyDocument['Statement'][]) =>
    ({ Version: '2012-10-17', Statement: Statement.flat() }) as PolicyDocument;

  it('a policy that depends on the caller is evaluated for each caller, not reused across them', () => {
    const own = {
      Effect: 'Allow',
      Action: '*',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JS template
      Resource: 'arn:*/GET/v1/users/${aws:userid}',
    } as const;
    const sut = engine({ self: doc(own) });
    const ask = (userId: string) =>
      sut.decide({ role: 'self', method: 'GET', path: '/v1/users/usr_1', userId });
    expect(ask('usr_1')).toBe('Allow');
    expect(ask('usr_2')).toBe('ImplicitDeny');
    expect(ask('usr_1')).toBe('Allow');
  });

  it('a conditional policy is evaluated with each request’s context (source address, time)', () => {
    let at = Date.parse('2026-11-27T12:00:00Z');
    const sut = engine(
      {
        office: doc(allowAll, {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        }),
        until2027: doc({
          ...allowAll,
          Condition: { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
        }),
      },
      () => at,
    );
    const ask = (role: string, sourceIp: string) =>
      sut.decide({ role, method: 'POST', path: '/v1/checkout', userId: 'u', sourceIp });
    expect(ask('office', '10.1.1.1')).toBe('Allow');
    expect(ask('office', '203.0.113.9')).toBe('ExplicitDeny');
    expect(ask('until2027', '10.1.1.1')).toBe('Allow');
    at = Date.parse('2027-01-02T00:00:00Z');
    expect(ask('until2027', '10.1.1.1')).toBe('ImplicitDeny');
  });

  it('gives the same answers from memory as the first time, per method and path', () => {
    const sut = engine({
      customer: doc({ Effect: 'Allow', Action: '*', NotResource: 'arn:*/*/DELETE/v1/orders/*' }),
    });
    const ask = (method: string, path: string) => sut.decide({ role: 'customer', method, path, userId: 'u' });
    for (let i = 0; i < 2; i++) {
      expect(ask('GET', '/v1/orders/o1')).toBe('Allow');
      expect(ask('DELETE', '/v1/orders/o1')).toBe('ImplicitDeny');
      expect(ask('delete', '/v1/orders/o1')).toBe('ImplicitDeny');
    }
  });

  it('is not changed by editing the policy object it was given', () => {
    const roles = { customer: doc({ Effect: 'Allow', Action: '*', Resource: 'arn:*/*/GET/*' }) };
    const sut = engine(roles);
    (roles.customer.Statement as { Resource: string }[])[0]!.Resource = '*';
    expect(sut.decide({ role: 'customer', method: 'POST', path: '/v1/checkout', userId: 'u' })).toBe(
      'ImplicitDeny',
    );
    expect(sut.decide({ role: 'constructor', method: 'GET', path: '/v1/me', userId: 'u' })).toBe(
      'ImplicitDeny',
    );
  });
});

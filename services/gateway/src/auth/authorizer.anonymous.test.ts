// The authorizer's answer without a promise (`anonymous`) must agree with `authenticate` for every request:
// it only ever skips the call for an operation that lets anonymous callers in and a request that presents
// no credential the operation asks for.
import { AppError, createLogger } from '@concierge/platform';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildGateway } from '../gateway.app.js';
import { indexDocument } from '../openapi/document.js';
import { createAuthorizer } from './authorizer.js';

const ok = { 200: { description: 'ok' } };
const op = (operationId: string, security: Array<Record<string, string[]>>) => ({
  get: { operationId, 'x-concierge-service': 'shop', security, responses: ok },
});
const document = indexDocument({
  openapi: '3.1.0',
  info: { title: 'Anonymous fixture', version: '1.0.0' },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', name: 'x-api-key', in: 'header' },
    },
  },
  paths: {
    '/optional': op('optional', [{ bearer: [] }, {}]),
    '/anonymous-first': op('anonymousFirst', [{}, { bearer: [] }]),
    '/required': op('required', [{ bearer: [] }]),
    '/open': op('open', []),
    '/undefined-scheme': op('undefinedScheme', [{ madeUp: [] }, {}]),
    '/key-or-anonymous': op('keyOrAnonymous', [{ apiKey: [] }, {}]),
  },
});
const operation = (id: string) => [...document.operations.values()].find((o) => o.operationId === id)!;

const bearer = {
  async verify(token: string) {
    if (token !== 'good') throw new AppError('unauthenticated', 'Unauthorized', { code: 'UNAUTHORIZED' });
    return { sub: 'usr_1', roles: ['customer'] };
  },
};
const authorizer = createAuthorizer({ document, bearer });
const request = (headers: Record<string, string>) =>
  ({ method: 'GET', url: '/', headers, params: {} }) as unknown as FastifyRequest;

async function outcome(headers: Record<string, string>, id: string) {
  try {
    return await authorizer.authenticate(request(headers), operation(id));
  } catch (error) {
    return (error as AppError).code;
  }
}

describe('createAuthorizer().anonymous', () => {
  const cases: Array<[string, Record<string, string>, boolean, unknown]> = [
    ['optional', {}, true, null],
    [
      'optional',
      { authorization: 'Bearer good' },
      false,
      { userId: 'usr_1', roles: ['customer'], via: 'jwt' },
    ],
    ['optional', { authorization: 'Bearer bad' }, false, 'UNAUTHORIZED'],
    ['optional', { authorization: 'Basic abc' }, true, null],
    ['anonymousFirst', {}, true, null],
    ['anonymousFirst', { authorization: 'Bearer bad' }, false, 'UNAUTHORIZED'],
    ['required', {}, false, 'UNAUTHORIZED'],
    [
      'required',
      { authorization: 'Bearer good' },
      false,
      { userId: 'usr_1', roles: ['customer'], via: 'jwt' },
    ],
    ['open', { authorization: 'Bearer bad' }, true, null],
    ['undefinedScheme', {}, true, null],
    // No API key service is configured, so a key cannot be presented: the call stays anonymous.
    ['keyOrAnonymous', { 'x-api-key': 'ck_x' }, true, null],
  ];

  it.each(cases)(
    '%s with %j: anonymous %s, and authenticate agrees',
    async (id, headers, anonymous, answer) => {
      expect(authorizer.anonymous?.(request(headers), operation(id))).toBe(anonymous);
      expect(await outcome(headers, id)).toEqual(answer);
    },
  );

  it('answers the same for an operation asked about again (the plan is worked out once)', async () => {
    for (let i = 0; i < 3; i++) {
      expect(authorizer.anonymous?.(request({}), operation('optional'))).toBe(true);
      expect(authorizer.anonymous?.(request({}), operation('required'))).toBe(false);
      expect(await outcome({ authorization: 'Bearer bad' }, 'optional')).toBe('UNAUTHORIZED');
    }
  });
});

describe('the gateway with anonymous callers of an operation that allows them', () => {
  it('serves the anonymous caller and still checks a presented credential', async () => {
    const shop = {
      name: 'shop',
      operations: {
        optional: async (r: { caller: unknown; requestId: string }) => ({
          status: 200,
          body: { caller: r.caller, requestId: r.requestId },
        }),
      },
    };
    const { app } = await buildGateway({
      document,
      logger: createLogger({ level: 'silent', format: 'json' }),
      authenticator: authorizer,
      services: [shop as never],
    });
    try {
      const anonymous = await app.inject({ url: '/optional', headers: { 'x-request-id': 'req-anon' } });
      expect([anonymous.statusCode, anonymous.json()]).toEqual([
        200,
        { caller: null, requestId: 'req-anon' },
      ]);
      const good = await app.inject({ url: '/optional', headers: { authorization: 'Bearer good' } });
      expect(good.json().caller).toEqual({ userId: 'usr_1', roles: ['customer'], via: 'jwt' });
      const bad = await app.inject({ url: '/optional', headers: { authorization: 'Bearer bad' } });
      expect(bad.statusCode).toBe(401);
      expect(bad.json()).toEqual({
        code: 'UNAUTHORIZED',
        message: 'Unauthorized',
        requestId: bad.headers['x-request-id'],
      });
    } finally {
      await app.close();
    }
  });
});

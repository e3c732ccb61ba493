import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@concierge/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway, type Gateway } from './gateway.app.js';
import { loadApiDocument } from './openapi/document.js';

const apiFile = path.resolve(fileURLToPath(import.meta.url), '../../../../api/openapi.yaml');
const document = loadApiDocument(apiFile);
let sut: Gateway;

beforeAll(async () => {
  sut = await buildGateway({
    document,
    logger: createLogger({ level: 'silent', format: 'json' }),
    authenticator: {
      authenticate: async () => ({ userId: 'u1', roles: ['customer', 'operator'], via: 'demo' }),
    },
    services: [],
  });
});
afterAll(() => sut.app.close());

describe('the gateway on api/openapi.yaml', () => {
  it('routes every operation of the contract', () => {
    for (const op of document.operations.values()) {
      const url = op.path.replace(/\{(\w+)\}/g, ':$1');
      expect(sut.app.hasRoute({ method: op.method, url }), op.operationId).toBe(true);
    }
  });

  it('answers operations of services not built yet with 501 and the error body, never 404', async () => {
    const res = await sut.app.inject({ method: 'GET', url: '/v1/orders' });
    expect(res.statusCode).toBe(501);
    expect(res.json()).toMatchObject({ code: 'NOT_IMPLEMENTED', requestId: res.headers['x-request-id'] });
  });

  it('serves the document it was configured from', async () => {
    const res = await sut.app.inject('/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/v1/nlu'].post.operationId).toBe('sendMessage');
  });

  it('validates the lecture checkout body before any service is involved', async () => {
    const res = await sut.app.inject({
      method: 'POST',
      url: '/v1/checkout',
      payload: { productId: 'p1', deliveryAddress: '1 Main St', deliveryDate: 'tomorrow', tip: 5 },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().details.map((d: { field: string }) => d.field);
    expect(fields).toContain('body.tip');
  });
});

// Checks the house rules of the contract that Spectral cannot express, and that its schemas work in Ajv 2020.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// biome-ignore lint/suspicious/noExplicitAny: a walk over parsed YAML of any shape, checked by the assertions themselves.
type Json = Record<string, any>;

const doc: Json = parse(readFileSync(new URL('./openapi.yaml', import.meta.url), 'utf8'));
const methods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];
const services = ['catalog', 'chat', 'orders', 'notifications', 'identity', 'gateway'];
const errorRef = '#/components/schemas/Error';

const operations = Object.entries(doc.paths as Json).flatMap(([path, item]) =>
  methods
    .filter((m) => item[m])
    .map((method) => ({ where: `${method.toUpperCase()} ${path}`, op: item[method] as Json })),
);

function deref(node: Json): Json {
  if (typeof node?.$ref !== 'string') return node;
  const target = (node.$ref as string)
    .replace(/^#\//, '')
    .split('/')
    .reduce((at: Json, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  return deref(target);
}

/** Every object schema reachable from `schema` that is open to unknown properties, by pointer-ish path. */
function openObjects(schema: Json, at: string, seen = new Set<Json>()): string[] {
  const node = deref(schema);
  if (!node || typeof node !== 'object' || seen.has(node)) return [];
  seen.add(node);
  const isObject = node.type === 'object' || node.properties || node.patternProperties;
  const open = isObject && node.additionalProperties !== false ? [at] : [];
  const children: [string, Json][] = [
    ...Object.entries((node.properties ?? {}) as Json).map(([k, v]): [string, Json] => [`${at}.${k}`, v]),
    ...Object.values((node.patternProperties ?? {}) as Json).map((v): [string, Json] => [`${at}[*]`, v]),
    ...(['oneOf', 'anyOf', 'allOf'] as const).flatMap((k) =>
      ((node[k] ?? []) as Json[]).map((v, i): [string, Json] => [`${at}/${k}/${i}`, v]),
    ),
    ...(node.items ? [[`${at}[]`, node.items] as [string, Json]] : []),
  ];
  return [...open, ...children.flatMap(([path, child]) => openObjects(child, path, seen))];
}

describe('api/openapi.yaml house rules', () => {
  it('names every operation, its handling service and its tags', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { where, op } of operations) {
      expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.summary, where).toBeTruthy();
      expect(op.tags?.length, where).toBeGreaterThan(0);
      expect(services, where).toContain(op['x-concierge-service']);
    }
  });

  it('keeps the operationIds other services and the lecture clients rely on', () => {
    const expected: Record<string, string[]> = {
      gateway: ['health', 'readiness'],
      catalog: [
        ...['listProducts', 'getProduct', 'createProduct', 'updateProduct', 'deleteProduct'],
        ...['listRestaurants', 'getRestaurant', 'createRestaurant', 'updateRestaurant', 'deleteRestaurant'],
        'getCatalogFacets',
        ...['createBooking', 'listBookings', 'getBooking', 'cancelBooking'],
      ],
      chat: ['sendMessage', 'chatbot', 'listConversations', 'getConversation', 'resetConversation'],
      orders: [
        ...['checkout', 'listOrders', 'getOrder', 'cancelOrder', 'listAllOrders'],
        ...['listDeadLetters', 'getDeadLetter', 'replayDeadLetter', 'discardDeadLetter'],
      ],
      notifications: ['streamEvents', 'listDeliveries', 'getPreferences', 'updatePreferences'],
      identity: [
        ...[
          'signUp',
          'confirmSignUp',
          'signIn',
          'refreshSession',
          'signOut',
          'forgotPassword',
          'resetPassword',
        ],
        ...['getCredentials', 'getId', 'getCredentialsForIdentity', 'getMe'],
        ...['listApiKeys', 'createApiKey', 'revokeApiKey', 'getApiKeyUsage'],
      ],
    };
    const serviceOf = new Map(
      operations.map(({ op }) => [op.operationId as string, op['x-concierge-service']]),
    );
    for (const [service, ids] of Object.entries(expected)) {
      for (const id of ids) expect(serviceOf.get(id), id).toBe(service);
    }
    expect(doc.paths['/v1/nlu'].post.operationId).toBe('sendMessage');
    expect(doc.paths['/v1/checkout'].post.operationId).toBe('checkout');
    expect(doc.paths['/v1/chatbot'].post.operationId).toBe('chatbot');
  });

  it('closes every request object: unknown fields are rejected', () => {
    const open = operations.flatMap(({ where, op }) => {
      const body = deref(op.requestBody ?? {});
      return Object.values((body.content ?? {}) as Json).flatMap((media) => openObjects(media.schema, where));
    });
    expect(open).toEqual([]);
  });

  it('answers every 4xx and 5xx with the Error body, and every 429 with Retry-After', () => {
    const offenders: string[] = [];
    for (const { where, op } of operations) {
      for (const [status, ref] of Object.entries(op.responses as Json)) {
        if (!/^[45]/.test(status) || (status === '503' && where.endsWith('/readyz'))) continue;
        const response = deref(ref);
        const schemas = Object.values((response.content ?? {}) as Json).map((media) => media.schema?.$ref);
        if (schemas.length === 0 || schemas.some((s) => s !== errorRef)) offenders.push(`${where} ${status}`);
        if (status === '429' && !response.headers?.['Retry-After'])
          offenders.push(`${where} 429 without Retry-After`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('declares the three security schemes, secured by default, operator operations marked', () => {
    expect(doc.components.securitySchemes.sigv4).toMatchObject({
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'awsSigv4',
    });
    expect(doc.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(doc.components.securitySchemes.apiKey).toMatchObject({
      type: 'apiKey',
      name: 'x-api-key',
      in: 'header',
    });
    expect(doc.security).toEqual([{ sigv4: [] }, { bearer: [] }, { apiKey: [] }]);
    for (const { where, op } of operations) {
      if (!op['x-concierge-roles']) continue;
      expect(op['x-concierge-roles'], where).toEqual(['operator']);
      expect(op.security, `${where} must not loosen the default security`).toBeUndefined();
    }
  });
});

describe('api/openapi.yaml schemas in Ajv 2020', () => {
  // The document's refs point at #/components/schemas; Ajv wants one schema, so they become $defs.
  const defs = JSON.parse(
    JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'),
  );
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'urn:concierge:openapi', $defs: defs });
  const validator = (name: string) => ajv.getSchema(`urn:concierge:openapi#/$defs/${name}`)!;

  it('compiles every component schema and accepts its own examples', () => {
    for (const [name, schema] of Object.entries(defs as Json)) {
      const validate = validator(name);
      for (const example of (schema.examples ?? []) as unknown[]) {
        expect(validate(example), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    }
  });

  it('compiles the parameter and header schemas', () => {
    const schemas: Json[] = [];
    const collect = (node: Json): void => {
      if (!node || typeof node !== 'object') return;
      if ((node.in || node.description !== undefined) && node.schema && !node.content)
        schemas.push(node.schema);
      for (const child of Object.values(node)) collect(child as Json);
    };
    collect({ paths: doc.paths, parameters: doc.components.parameters, headers: doc.components.headers });
    for (const schema of schemas) {
      const withDefs = JSON.parse(
        JSON.stringify(schema).replaceAll('#/components/schemas/', 'urn:concierge:openapi#/$defs/'),
      );
      expect(() => ajv.compile(withDefs), JSON.stringify(schema)).not.toThrow();
    }
    expect(schemas.length).toBeGreaterThan(20);
  });

  it("accepts the lecture's bodies and rejects unknown fields", () => {
    const checkout = validator('CheckoutRequest');
    const lecture = {
      productId: 'prd_1',
      deliveryAddress: '1 Main St, Springfield',
      deliveryDate: '2026-12-24',
    };
    expect(checkout(lecture)).toBe(true);
    expect(checkout({ ...lecture, userId: 'someone-else' })).toBe(false);
    const nlu = validator('SendMessageRequest');
    const hello = {
      type: 'unstructured',
      unstructured: { id: 'm1', text: 'hi', timestamp: '2026-12-23T15:04:05Z' },
    };
    expect(nlu({ messages: [hello] })).toBe(true);
    expect(nlu({ messages: [{ ...hello, extra: 1 }] })).toBe(false);
    expect(validator('ChatbotMessages')({ messages: [hello] })).toBe(true);
  });
});

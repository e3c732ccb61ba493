// An OpenAPI document with one operation per security arrangement the authorizer must handle.
const ok = { 200: { description: 'ok' } };
const op = (
  operationId: string,
  security: Array<Record<string, string[]>>,
  extra: Record<string, unknown> = {},
) => ({
  operationId,
  'x-concierge-service': 'shop',
  security,
  responses: ok,
  ...extra,
});
const id = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

export const authApi = {
  openapi: '3.1.0',
  info: { title: 'Auth fixture', version: '1.0.0' },
  components: {
    securitySchemes: {
      sigv4: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'awsSigv4',
      },
      bearer: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', name: 'x-api-key', in: 'header' },
    },
  },
  paths: {
    '/v1/orders/{orderId}': { get: op('getOrder', [{ sigv4: [] }], { parameters: [id('orderId')] }) },
    '/v1/checkout': {
      post: op('checkout', [{ sigv4: [] }], {
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
      }),
    },
    '/v1/admin/orders': { get: op('adminOrders', [{ sigv4: [] }]) },
    '/v1/products': { get: op('listProducts', [{ sigv4: [] }, {}]) },
    '/v1/me': { get: op('getMe', [{ bearer: [] }]) },
    '/v1/partner/products': { get: op('partnerProducts', [{ apiKey: [] }]) },
    '/v1/partner/orders': { get: op('partnerOrders', [{ sigv4: [], apiKey: [] }]) },
    '/v1/legacy': { get: op('legacy', [{ madeUp: [] }]) },
  },
};

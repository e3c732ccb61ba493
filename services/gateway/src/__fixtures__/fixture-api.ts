// A small OpenAPI 3.1 document exercising every gateway behaviour, independent of the real contract.
const error = { $ref: '#/components/schemas/Error' };
const errorResponse = { description: 'Error', content: { 'application/json': { schema: error } } };

export const fixtureApi = {
  openapi: '3.1.0',
  info: { title: 'Fixture', version: '1.0.0' },
  servers: [{ url: '/' }],
  security: [{ bearer: [] }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['code', 'message', 'requestId'],
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          details: {},
          requestId: { type: 'string' },
        },
      },
      Widget: {
        type: 'object',
        required: ['id', 'name', 'size'],
        properties: { id: { type: 'string' }, name: { type: 'string' }, size: { type: 'integer' } },
      },
      WidgetInput: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'size'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 20 },
          size: { type: 'integer', minimum: 1, maximum: 10 },
          dims: {
            type: 'object',
            additionalProperties: false,
            properties: { w: { type: 'integer' } },
          },
        },
      },
    },
  },
  paths: {
    '/healthz': {
      get: {
        operationId: 'health',
        'x-concierge-service': 'gateway',
        security: [],
        responses: { 200: { description: 'ok' } },
      },
    },
    '/readyz': {
      get: {
        operationId: 'readiness',
        'x-concierge-service': 'gateway',
        security: [],
        responses: { 200: { description: 'ready' }, 503: { description: 'not ready' } },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        'x-concierge-service': 'gateway',
        security: [],
        responses: { 200: { description: 'the document' } },
      },
    },
    '/v1/widgets': {
      get: {
        operationId: 'listWidgets',
        'x-concierge-service': 'widgets',
        security: [{}],
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        ],
        responses: { 200: { description: 'ok' }, 400: errorResponse },
      },
      post: {
        operationId: 'createWidget',
        'x-concierge-service': 'widgets',
        'x-concierge-roles': ['operator'],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/WidgetInput' } } },
        },
        responses: {
          201: {
            description: 'created',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
          },
          400: errorResponse,
        },
      },
    },
    '/v1/widgets/{widgetId}': {
      get: {
        operationId: 'getWidget',
        'x-concierge-service': 'widgets',
        parameters: [
          { name: 'widgetId', in: 'path', required: true, schema: { type: 'string', maxLength: 40 } },
        ],
        responses: {
          200: {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
          },
          404: errorResponse,
        },
      },
    },
    '/v1/gadgets': {
      get: {
        operationId: 'listGadgets',
        'x-concierge-service': 'gadgets',
        responses: { 200: { description: 'ok' }, 501: errorResponse },
      },
    },
  },
};

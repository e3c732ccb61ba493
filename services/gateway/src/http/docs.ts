// Serves the contract: `/openapi.json` and a local API reference page (Swagger UI from node_modules, no CDN).
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { ApiDocument } from '../openapi/document.js';

export async function registerDocs(app: FastifyInstance, document: ApiDocument): Promise<void> {
  const json = JSON.stringify(document.raw);
  app.get('/openapi.json', { logLevel: 'warn' }, (_request, reply) => {
    reply.header('cache-control', 'no-cache').type('application/json').send(json);
  });
  // biome-ignore lint/suspicious/noExplicitAny: @fastify/swagger types the static document loosely
  await app.register(swagger, { mode: 'static', specification: { document: document.raw as any } });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, uiConfig: { deepLinking: true } });
}

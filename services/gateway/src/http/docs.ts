// Serves a local API reference page of the contract (Swagger UI from node_modules, no CDN).
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { ApiDocument } from '../openapi/document.js';

export async function registerDocs(app: FastifyInstance, document: ApiDocument): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: @fastify/swagger types the static document loosely
  await app.register(swagger, { mode: 'static', specification: { document: document.raw as any } });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, uiConfig: { deepLinking: true } });
}

// Builds the gateway: a Fastify app whose routes, validation and serialization come from the OpenAPI document.

import { type Logger, newId, type ServiceModule } from '@concierge/platform';
import cors from '@fastify/cors';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Authenticator } from './auth/authenticator.js';
import { gatewayModule, type ReadinessCheck } from './health/gateway.module.js';
import { authenticateHook } from './http/authenticate.js';
import { operationHandler } from './http/dispatch.js';
import { registerDocs } from './http/docs.js';
import { installErrorHandling } from './http/errors.js';
import { keepRawJsonBody } from './http/raw-body.js';
import { apiHeaders, documentHeaders, hsts } from './http/security-headers.js';
import { registerStaticSite } from './http/static-site.js';
import { finishRequest, type GatewayTelemetry, routeTelemetry, startRequestSpan } from './http/telemetry.js';
import type { ApiDocument } from './openapi/document.js';
import { componentsId, componentsSchema, routeSchema } from './openapi/route-schemas.js';
import { createSerializerCompiler, createValidatorCompiler } from './openapi/validators.js';
import { inProcessClient, type ServiceClient } from './services/service-client.js';

export interface GatewayOptions {
  document: ApiDocument;
  logger: Logger;
  authenticator: Authenticator;
  /** Service modules in this process; ignored when `client` is given. */
  services?: ServiceModule[];
  client?: ServiceClient;
  readiness?: ReadinessCheck[];
  bodyLimit?: number;
  corsOrigins?: string[];
  /** Folder with the web app; its index.html answers unknown page routes (SPA fallback). */
  webDir?: string;
  /** Metrics per route and a server span per request; nothing is installed for what is absent. */
  telemetry?: GatewayTelemetry;
  /**
   * The public URL is https (a TLS-terminating proxy in front): send HSTS on every answer. Without it,
   * only answers served over https here carry it (never plain http, RFC 6797 §7.2).
   */
  httpsPublic?: boolean;
}

export interface Gateway {
  app: FastifyInstance;
  /** Marks the gateway as draining: `/readyz` answers 503 so balancers stop sending traffic. */
  drain(): void;
}

const requestIdPattern = /^[A-Za-z0-9._-]{1,128}$/;

export async function buildGateway(options: GatewayOptions): Promise<Gateway> {
  let draining = false;
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    // One access-log line per request comes from the onResponse hook below instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? 1_048_576,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : newId();
    },
    ajv: { customOptions: { removeAdditional: false } },
  });
  const components = componentsSchema(options.document.raw);
  // The API speaks JSON only: any other body type is a 415 rather than a string handed to a service.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(createValidatorCompiler([components]));
  app.setSerializerCompiler(createSerializerCompiler({ [componentsId]: components }));
  keepRawJsonBody(app);
  app.decorateRequest('caller', null);
  app.decorateRequest('span', null);
  const telemetry = options.telemetry;
  const httpsPublic = options.httpsPublic === true;
  const tracer = telemetry?.tracer;
  // Callback-style hooks: the two run on every request, and an async hook costs a promise each time.
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.routeOptions.config.api ? apiHeaders : documentHeaders);
    if (httpsPublic || request.protocol === 'https') reply.headers(hsts);
    reply.header('x-request-id', request.id);
    if (tracer) startRequestSpan(request, tracer);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    if (telemetry) finishRequest(request, reply);
    const line = {
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    const span = request.span;
    if (span) {
      const { traceId, spanId } = span.spanContext();
      request.log.info({ ...line, trace_id: traceId, span_id: spanId }, 'request');
    } else request.log.info(line, 'request');
    done();
  });

  // CORS only when origins are configured: the web app is served from the gateway's own origin, and an
  // unconfigured plugin still ran a hook on every request (4 % of a cached read's CPU).
  if (options.corsOrigins?.length) await app.register(cors, { origin: options.corsOrigins });
  installErrorHandling(app, options.document, options.webDir ? 'index.html' : undefined);

  const services = [
    gatewayModule(options.readiness ?? [], () => draining, options.document.raw),
    ...(options.services ?? []),
  ];
  const gatewayClient = inProcessClient(services.filter((s) => s.name === 'gateway'));
  const client = options.client ?? inProcessClient(services);
  for (const operation of options.document.operations.values()) {
    const pathItem = options.document.raw.paths[operation.path];
    app.route({
      method: operation.method,
      url: operation.path.replace(/\{(\w+)\}/g, ':$1'),
      schema: routeSchema(options.document.raw, pathItem, pathItem[operation.method.toLowerCase()]),
      config: { api: true, ...(telemetry ? { telemetry: routeTelemetry(operation, telemetry) } : {}) },
      // An operation open to anyone has no hook (an async hook costs a promise per request); the caller stays null.
      ...(options.authenticator.identifies?.(operation) === false && operation.roles.length === 0
        ? {}
        : { preValidation: authenticateHook(operation, options.authenticator) }),
      handler: operationHandler(operation, operation.service === 'gateway' ? gatewayClient : client),
    });
  }
  await registerDocs(app, options.document);
  if (options.webDir) await registerStaticSite(app, options.webDir);

  return {
    app,
    drain() {
      draining = true;
    },
  };
}

// Metrics and traces per route, folded into the gateway's own request hooks: an extra Fastify hook per
// route costs more than what it records, so each route only carries its recorder and span name in `config`.
import { parentFrom, type RouteRecorder } from '@concierge/platform';
import { type Span, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OperationInfo } from '../openapi/document.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The gateway's server span of this request, when tracing is on. */
    span: Span | null;
  }
  interface FastifyContextConfig {
    /** Set on the routes of OpenAPI operations: they answer JSON, not pages. */
    api?: boolean;
    telemetry?: RouteTelemetry;
  }
}

export interface GatewayTelemetry {
  /** Makes the per-route recorder of each operation (its labels are fixed once). */
  route?: (service: string, operation: string, method: string) => RouteRecorder;
  tracer?: Tracer;
}

/** What a route keeps in its Fastify `config` for the hooks below. */
export interface RouteTelemetry {
  recorder: RouteRecorder | undefined;
  spanName: string;
  attributes: Record<string, string>;
}

export function routeTelemetry(operation: OperationInfo, telemetry: GatewayTelemetry): RouteTelemetry {
  return {
    recorder: telemetry.route?.(operation.service, operation.operationId, operation.method),
    spanName: `${operation.method} ${operation.path}`,
    attributes: {
      'http.request.method': operation.method,
      'http.route': operation.path,
      'concierge.service': 'gateway',
      'concierge.operation': operation.operationId,
    },
  };
}

function ofRoute(request: FastifyRequest): RouteTelemetry | undefined {
  return request.routeOptions.config.telemetry;
}

/** onRequest: opens the server span of an API route, child of the caller's `traceparent`. */
export function startRequestSpan(request: FastifyRequest, tracer: Tracer): void {
  const route = ofRoute(request);
  if (!route) return;
  const incoming = request.headers.traceparent;
  const parent = parentFrom(typeof incoming === 'string' ? incoming : undefined);
  request.span = tracer.startSpan(
    route.spanName,
    { kind: SpanKind.SERVER, attributes: route.attributes },
    parent,
  );
}

/** onResponse: records the answer of an API route and ends its span. */
export function finishRequest(request: FastifyRequest, reply: FastifyReply): void {
  ofRoute(request)?.recorder?.observe(reply.statusCode, reply.elapsedTime / 1000);
  const span = request.span;
  if (!span) return;
  span.setAttribute('http.response.status_code', reply.statusCode);
  if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

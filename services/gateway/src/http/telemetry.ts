// Per-route hooks for metrics and traces, installed only when the process has them (no cost otherwise).
import { parentFrom, type RouteRecorder } from '@concierge/platform';
import { type Span, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import type {
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
  onRequestHookHandler,
  onResponseHookHandler,
} from 'fastify';
import type { OperationInfo } from '../openapi/document.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The gateway's server span of this request, when tracing is on. */
    span: Span | null;
  }
}

export interface GatewayTelemetry {
  /** Makes the per-route recorder of each operation (its labels are fixed once). */
  route?: (service: string, operation: string, method: string) => RouteRecorder;
  tracer?: Tracer;
}

export interface RouteHooks {
  onRequest?: onRequestHookHandler;
  onResponse?: onResponseHookHandler;
}

/** Callback-style hooks: no promise per request. */
export function telemetryHooks(operation: OperationInfo, telemetry: GatewayTelemetry): RouteHooks {
  const recorder = telemetry.route?.(operation.service, operation.operationId, operation.method);
  const tracer = telemetry.tracer;
  const hooks: RouteHooks = {};
  if (tracer) {
    const name = `${operation.method} ${operation.path}`;
    const attributes = {
      'http.request.method': operation.method,
      'http.route': operation.path,
      'concierge.service': 'gateway',
      'concierge.operation': operation.operationId,
    };
    hooks.onRequest = (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
      const incoming = request.headers.traceparent;
      const parent = parentFrom(typeof incoming === 'string' ? incoming : undefined);
      request.span = tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
      done();
    };
  }
  if (recorder || tracer) {
    hooks.onResponse = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
      recorder?.observe(reply.statusCode, reply.elapsedTime / 1000);
      const span = request.span;
      if (span) {
        span.setAttribute('http.response.status_code', reply.statusCode);
        if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
      done();
    };
  }
  return hooks;
}

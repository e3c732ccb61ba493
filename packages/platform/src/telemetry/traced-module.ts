// A service module whose operations each run in a span, child of the caller's `traceparent`.
import { SpanKind, type Tracer } from '@opentelemetry/api';
import type { OperationHandler, ServiceModule } from '../ports/service.js';
import { inSpan, parentFrom, traceparentOf } from './trace-context.js';

/** Whether the module runs in the gateway's process or behind an HTTP hop, its spans join the request's trace. */
export function tracedModule(module: ServiceModule, tracer: Tracer): ServiceModule {
  const operations: Record<string, OperationHandler> = {};
  for (const [operationId, handler] of Object.entries(module.operations)) {
    const name = `${module.name} ${operationId}`;
    const attributes = { 'concierge.service': module.name, 'concierge.operation': operationId };
    operations[operationId] = (request) =>
      inSpan(
        tracer,
        name,
        { kind: SpanKind.SERVER, attributes },
        parentFrom(request.traceparent),
        async (span) => {
          const answer = await handler({ ...request, traceparent: traceparentOf(span) });
          span.setAttribute('http.response.status_code', answer.status);
          return answer;
        },
      );
  }
  return { name: module.name, operations };
}

// The route handler every OpenAPI operation shares: hand a plain request, with the caller the authenticate
// hook established, to the service that owns the operation.
import type { OperationRequest } from '@concierge/platform';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { OperationInfo } from '../openapi/document.js';
import type { ServiceClient } from '../services/service-client.js';

export function operationHandler(operation: OperationInfo, client: ServiceClient): RouteHandlerMethod {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const input: OperationRequest = {
      operationId: operation.operationId,
      params: (request.params ?? {}) as Record<string, string>,
      query: (request.query ?? {}) as Record<string, unknown>,
      body: request.body,
      headers: request.headers as Record<string, string | undefined>,
      caller: request.caller,
      requestId: request.id,
    };
    const traceparent = request.headers.traceparent;
    if (typeof traceparent === 'string') input.traceparent = traceparent;
    const answer = await client.invoke(operation.service, input);
    if (answer.headers) reply.headers(answer.headers);
    reply.code(answer.status);
    return answer.body === undefined ? reply.send() : answer.body;
  };
}

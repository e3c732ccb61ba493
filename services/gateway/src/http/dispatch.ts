// The route handler every OpenAPI operation shares: hand a plain request, with the caller the authenticate
// hook established, to the service that owns the operation.
import { Readable } from 'node:stream';
import { isStreamBody, type OperationRequest, traceparentOf } from '@concierge/platform';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { OperationInfo } from '../openapi/document.js';
import type { OperationCall, ServiceClient } from '../services/service-client.js';

export function operationHandler(operation: OperationInfo, client: ServiceClient): RouteHandlerMethod {
  // The service's handler is looked up on the first request (modules may still be adding operations while
  // the gateway is built) and then called directly; an operation no module offers keeps going through
  // `invoke`, which answers 501.
  let call: OperationCall | undefined;
  const invoke = (input: OperationRequest) => {
    call ??= client.resolve?.(operation.service, operation.operationId);
    return call ? call(input) : client.invoke(operation.service, input);
  };
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
    if (operation.streams) {
      // The response's close fires when it finished or the client went away: either way, stop streaming.
      // Only streaming operations pay for the controller: creating one costs as much as a simple read.
      const disconnected = new AbortController();
      reply.raw.once('close', () => disconnected.abort());
      input.signal = disconnected.signal;
    }
    // The gateway's own span is the parent of the service's; without tracing the caller's context passes on.
    if (request.span) input.traceparent = traceparentOf(request.span);
    else if (typeof request.headers.traceparent === 'string') input.traceparent = request.headers.traceparent;
    const answer = await invoke(input);
    if (answer.headers) reply.headers(answer.headers);
    reply.code(answer.status);
    if (isStreamBody(answer.body)) return reply.send(Readable.from(answer.body, { objectMode: false }));
    return answer.body === undefined ? reply.send() : answer.body;
  };
}

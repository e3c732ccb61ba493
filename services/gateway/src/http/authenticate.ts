// Authentication runs before request validation, as at API Gateway: an unauthenticated caller learns nothing
// about the shape of a valid request, and the gateway spends no work on requests it will refuse.
import type { Caller } from '@concierge/platform';
import type { FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import { type Authenticator, requireRoles } from '../auth/authenticator.js';
import type { OperationInfo } from '../openapi/document.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, set by the authenticate hook; null for anonymous calls the operation allows. */
    caller: Caller | null;
  }
}

export function authenticateHook(
  operation: OperationInfo,
  authenticator: Authenticator,
): preValidationAsyncHookHandler {
  return async (request: FastifyRequest) => {
    const caller = await authenticator.authenticate(request, operation);
    requireRoles(caller, operation);
    request.caller = caller;
  };
}

// Authentication runs before request validation, as at API Gateway: an unauthenticated caller learns nothing
// about the shape of a valid request, and the gateway spends no work on requests it will refuse.
import type { Caller } from '@concierge/platform';
import type { FastifyRequest, HookHandlerDoneFunction, preValidationHookHandler } from 'fastify';
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
): preValidationHookHandler {
  // Callback-style: an async hook costs a promise per request, and an anonymous read of a public operation
  // (the catalog's) needs no promise at all.
  const settle = (request: FastifyRequest, caller: Caller | null, done: HookHandlerDoneFunction) => {
    try {
      requireRoles(caller, operation);
    } catch (error) {
      done(error as Error);
      return;
    }
    request.caller = caller;
    done();
  };
  return (request, _reply, done) => {
    let pending: Promise<Caller | null>;
    try {
      if (authenticator.anonymous?.(request, operation)) {
        settle(request, null, done);
        return;
      }
      pending = authenticator.authenticate(request, operation);
    } catch (error) {
      done(error as Error);
      return;
    }
    pending.then((caller) => settle(request, caller, done), done);
  };
}

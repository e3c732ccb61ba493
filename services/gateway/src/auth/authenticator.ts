// Who is calling: the gateway asks an Authenticator per request, given the operation's security schemes.
import { AppError, type Caller } from '@concierge/platform';
import type { FastifyRequest } from 'fastify';
import type { OperationInfo } from '../openapi/document.js';

export interface Authenticator {
  /** Resolves the caller, null for an anonymous call the operation allows; throws AppError otherwise. */
  authenticate(request: FastifyRequest, operation: OperationInfo): Promise<Caller | null>;
  /**
   * False when `authenticate` would answer an anonymous caller for every request of the operation (no
   * security requirement): the gateway then skips the call. Absent means it always asks.
   */
  identifies?(operation: OperationInfo): boolean;
  /**
   * True when `authenticate` would answer this request with an anonymous caller without waiting for anything
   * (the operation lets anonymous callers in and the request presents no credential it asks for): the
   * gateway then skips the call and its promise. Absent means it always asks.
   */
  anonymous?(request: FastifyRequest, operation: OperationInfo): boolean;
}

/**
 * Until the identity service exists every call acts as the seeded demo user. It is only offered for
 * the embedded mode listening on loopback, so it never serves a network.
 */
export function demoAuthenticator(caller: Caller): Authenticator {
  return { authenticate: async () => caller };
}

/** Enforces `x-concierge-roles`: anonymous → 401, missing role → 403. */
export function requireRoles(caller: Caller | null, operation: OperationInfo): void {
  if (operation.roles.length === 0) return;
  if (!caller)
    throw new AppError('unauthenticated', 'Sign in to call this operation', { code: 'UNAUTHORIZED' });
  if (!operation.roles.some((r) => caller.roles.includes(r))) {
    throw new AppError('forbidden', `This operation needs the role ${operation.roles.join(' or ')}`, {
      code: 'FORBIDDEN',
    });
  }
}

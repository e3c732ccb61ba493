// Writes to the catalog are for operators; everyone may read.
import { AppError, type OperationHandler } from '@concierge/platform';

/** Wraps a handler so it runs only for a signed-in caller with the `operator` role. */
export function operatorOnly(handler: OperationHandler): OperationHandler {
  return async (request) => {
    if (!request.caller)
      throw new AppError('unauthenticated', 'Sign in as an operator to change the catalog.');
    if (!request.caller.roles.includes('operator'))
      throw new AppError('forbidden', 'Only operators may change the catalog.');
    return handler(request);
  };
}

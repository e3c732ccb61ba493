// Who may call: every orders operation needs a signed-in caller; admin ones need the operator role.
import { AppError, type Caller, type OperationHandler, type OperationRequest } from '@concierge/platform';

export function requireCaller(request: OperationRequest): Caller {
  if (!request.caller) throw new AppError('unauthenticated', 'Sign in to order.');
  return request.caller;
}

export function requireOperator(request: OperationRequest): Caller {
  const caller = requireCaller(request);
  if (!caller.roles.includes('operator')) throw new AppError('forbidden', 'Only operators may do this.');
  return caller;
}

export function isOperator(caller: Caller): boolean {
  return caller.roles.includes('operator');
}

/** Wraps a handler so it runs only for a signed-in operator. */
export function operatorOnly(handler: OperationHandler): OperationHandler {
  return async (request) => {
    requireOperator(request);
    return handler(request);
  };
}

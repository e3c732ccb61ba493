// Every notifications operation is about the caller's own data, so each one needs a caller.
import { AppError, type OperationRequest } from '@concierge/platform';

export function callerId(request: OperationRequest): string {
  if (!request.caller) throw new AppError('unauthenticated', 'Sign in to see your notifications.');
  return request.caller.userId;
}

// Reads a path parameter the gateway matched; its absence is a wiring fault reported as a bad request.
import { AppError, type OperationRequest } from '@concierge/platform';

export function pathParam(request: OperationRequest, name: string): string {
  const value = request.params[name];
  if (!value)
    throw AppError.invalid(`Missing path parameter ${name}.`, [
      { field: `path.${name}`, message: 'required' },
    ]);
  return value;
}

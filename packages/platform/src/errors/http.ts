// The single mapping from error kinds to HTTP statuses and the wire body `{code, message, details?, requestId}`.
import { AppError, type ErrorKind } from './app-error.js';

export const httpStatusOf: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  throttled: 429,
  internal: 500,
  not_implemented: 501,
  unavailable: 503,
};

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
  requestId: string;
}

export interface HttpError {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** True when the error was not an AppError: it must be logged with its stack. */
  unexpected: boolean;
}

/** Turns anything thrown into the HTTP answer; unknown errors leak nothing but the request id. */
export function toHttpError(error: unknown, requestId: string): HttpError {
  if (error instanceof AppError) {
    const body: ErrorBody = { code: error.code, message: error.message, requestId };
    if (error.details !== undefined) body.details = error.details;
    return { status: httpStatusOf[error.kind], body, headers: error.headers ?? {}, unexpected: false };
  }
  return {
    status: 500,
    body: { code: 'INTERNAL', message: 'Something went wrong on our side; quote the request id.', requestId },
    headers: {},
    unexpected: true,
  };
}

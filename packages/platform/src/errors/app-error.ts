// The one error type of Concierge: a closed set of kinds, each mapped to HTTP in one place.

export const errorKinds = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'method_not_allowed',
  'throttled',
  'not_implemented',
  'unavailable',
  'internal',
] as const;

export type ErrorKind = (typeof errorKinds)[number];

/** One problem with one field of a request; `field` is a JSON pointer-like path such as `body.price`. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  /** Machine-readable code for clients; defaults to the upper-cased kind (e.g. `NOT_FOUND`). */
  code?: string;
  details?: FieldProblem[] | Record<string, unknown>;
  /** Extra HTTP headers the answer must carry (e.g. `Retry-After`). */
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * A failure a caller can act on. Anything thrown that is not an AppError becomes a logged 500.
 * @example throw new AppError('not_found', 'product p_1 does not exist');
 */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: AppErrorOptions['details'];
  readonly headers: Record<string, string> | undefined;

  constructor(kind: ErrorKind, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.kind = kind;
    this.code = options.code ?? kind.toUpperCase();
    this.details = options.details;
    this.headers = options.headers;
  }

  static invalid(message: string, details?: FieldProblem[]): AppError {
    return new AppError('invalid', message, details ? { details } : {});
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} was not found`);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

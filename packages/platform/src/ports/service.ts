// The seam between the gateway and a service: plain, serializable requests and answers per operationId,
// so the hop can be an in-process call, an HTTP request or a Lambda invoke.

/** Who is calling, established by the gateway's authorizers; services never read identity from the body. */
export interface Caller {
  userId: string;
  roles: string[];
  /** How the caller proved who they are. */
  via: 'sigv4' | 'jwt' | 'api-key' | 'session' | 'demo';
  /** The API key id when the call came with one (usage plans). */
  apiKeyId?: string;
}

export interface OperationRequest {
  operationId: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  caller: Caller | null;
  requestId: string;
  traceparent?: string;
}

export interface OperationResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type OperationHandler = (request: OperationRequest) => Promise<OperationResponse>;

/** What a service exposes to the gateway. Errors are thrown as AppError. */
export interface ServiceModule {
  name: string;
  operations: Record<string, OperationHandler>;
}

/** Reads an `OperationResponse` body the JSON way; handy for `{status: 200, body}`. */
export function ok(body: unknown, status = 200): OperationResponse {
  return { status, body };
}

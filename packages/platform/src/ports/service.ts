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
  /** The verified e-mail address, when the credentials carry one (where order e-mails go by default). */
  email?: string;
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
  /** Aborts when the client goes away; only in-process hops carry it (long-lived answers such as streams). */
  signal?: AbortSignal;
}

export interface OperationResponse {
  status: number;
  /** JSON, or a stream of text chunks (an `AsyncIterable<string>`, e.g. server-sent events) sent as they come. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** True for a streamed body: anything async-iterable (a Node Readable is too), which JSON never is. */
export function isStreamBody(body: unknown): body is AsyncIterable<string | Uint8Array> {
  return typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
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

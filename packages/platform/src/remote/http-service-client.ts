// The client side of the gateway → service hop (and of service → service calls): one keep-alive pool
// per service, a deadline on every call, retries only for idempotent operations (and only when the
// request never got an answer), and a circuit breaker per service so a dead service fails fast with 503.
import { Pool } from 'undici';
import { AppError, type ErrorKind } from '../errors/app-error.js';
import type { Logger } from '../logging/logger.js';
import type { OperationRequest, OperationResponse, ServiceModule } from '../ports/service.js';
import { CircuitBreaker } from './circuit-breaker.js';

export interface HttpServiceClientOptions {
  /** Base URL per service name, e.g. `{catalog: 'http://127.0.0.1:4101'}`. */
  urls: Record<string, string>;
  /** Deadline of one call (headers and each body chunk of a non-streamed answer). */
  timeoutMs?: number;
  /** Extra tries for idempotent operations (default 2), with a short jittered pause between. */
  retries?: number;
  /** Which operations may be sent twice (GET/PUT/DELETE, or a request with an Idempotency-Key). */
  isIdempotent?: (request: OperationRequest) => boolean;
  connectionsPerService?: number;
  breaker?: { failureThreshold?: number; openMs?: number };
  logger?: Logger;
}

export interface HttpServiceClient {
  invoke(service: string, request: OperationRequest): Promise<OperationResponse>;
  /**
   * A ServiceModule whose operations are calls to `service` (for the gateway or a service's client): the
   * listed ones, or any operation at all (internal ones such as `reserveStock` too) when none are listed.
   */
  module(service: string, operationIds?: string[]): ServiceModule;
  breakerState(service: string): string;
  close(): Promise<void>;
}

interface Wire {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  error?: {
    kind: ErrorKind;
    message: string;
    code?: string;
    details?: never;
    headers?: Record<string, string>;
  };
}

/** Errors of the transport (never reached the service, or no answer): the ones worth a retry. */
const isTransportError = (error: unknown) => !(error instanceof AppError);

export function createHttpServiceClient(options: HttpServiceClientOptions): HttpServiceClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 2;
  const pools = new Map<string, Pool>();
  const breakers = new Map<string, CircuitBreaker>();
  const pool = (service: string) => {
    let p = pools.get(service);
    if (!p) {
      const url = options.urls[service];
      if (!url)
        throw new AppError('not_implemented', `no address for service ${service}`, { code: 'NO_SERVICE' });
      p = new Pool(url, {
        connections: options.connectionsPerService ?? 64,
        keepAliveTimeout: 30_000,
        connectTimeout: Math.min(timeoutMs, 3_000),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      pools.set(service, p);
    }
    return p;
  };
  const breaker = (service: string) => {
    let b = breakers.get(service);
    if (!b) {
      b = new CircuitBreaker(options.breaker);
      breakers.set(service, b);
    }
    return b;
  };

  const once = async (service: string, request: OperationRequest): Promise<OperationResponse> => {
    const { signal, ...wire } = request;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (request.traceparent) headers.traceparent = request.traceparent;
    const res = await pool(service).request({
      method: 'POST',
      path: `/ops/${encodeURIComponent(request.operationId)}`,
      headers,
      body: JSON.stringify(wire),
      ...(signal ? { signal } : {}),
    });
    const stream = res.headers['x-concierge-stream'];
    if (typeof stream === 'string') {
      const answerHeaders = JSON.parse(String(res.headers['x-concierge-headers'] ?? '{}'));
      res.body.setEncoding('utf8');
      return { status: Number(stream), headers: answerHeaders, body: res.body };
    }
    const text = await res.body.text();
    if (res.statusCode >= 500) throw new Error(`service ${service} answered ${res.statusCode}`);
    const answer = JSON.parse(text) as Wire;
    if (answer.error) {
      const e = answer.error;
      throw new AppError(e.kind, e.message, {
        ...(e.code ? { code: e.code } : {}),
        ...(e.details ? { details: e.details } : {}),
        ...(e.headers ? { headers: e.headers } : {}),
      });
    }
    return {
      status: answer.status ?? 200,
      ...(answer.headers ? { headers: answer.headers } : {}),
      ...(answer.body !== undefined ? { body: answer.body } : {}),
    };
  };

  const unavailable = (service: string, cause?: unknown, retryAfterMs = 1_000) =>
    new AppError('unavailable', `the ${service} service is unavailable, try again shortly`, {
      code: 'SERVICE_UNAVAILABLE',
      headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1_000))) },
      cause,
    });

  const invoke = async (service: string, request: OperationRequest): Promise<OperationResponse> => {
    const b = breaker(service);
    const idempotent = options.isIdempotent?.(request) ?? false;
    let lastError: unknown;
    for (let attempt = 0; attempt <= (idempotent ? retries : 0); attempt++) {
      if (!b.allow()) throw unavailable(service, lastError, b.retryAfterMs());
      try {
        const answer = await once(service, request);
        b.success();
        return answer;
      } catch (error) {
        if (!isTransportError(error)) {
          b.success();
          throw error;
        }
        if (request.signal?.aborted) throw error;
        b.failure();
        lastError = error;
        options.logger?.warn(
          { err: error, service, operationId: request.operationId, attempt },
          'service call failed',
        );
        if (attempt < retries && idempotent)
          await new Promise((r) => setTimeout(r, 25 + Math.random() * 75 * 2 ** attempt));
      }
    }
    throw unavailable(service, lastError);
  };

  return {
    invoke,
    module(service, operationIds) {
      const call = (r: OperationRequest) => invoke(service, r);
      if (operationIds) {
        return { name: service, operations: Object.fromEntries(operationIds.map((id) => [id, call])) };
      }
      const operations = new Proxy({} as ServiceModule['operations'], {
        get: (_, key) => (typeof key === 'string' ? call : undefined),
        has: (_, key) => typeof key === 'string',
      });
      return { name: service, operations };
    },
    breakerState: (service) => breaker(service).state,
    async close() {
      await Promise.all([...pools.values()].map((p) => p.close()));
    },
  };
}

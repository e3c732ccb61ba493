// The server side of the gateway → service hop: a small HTTP server that runs one process's service
// modules for callers that speak the hop's protocol (`POST /ops/<operationId>` with an OperationRequest).
// Answers: JSON `{status, headers, body}`; a streamed body is sent chunked with `x-concierge-stream`;
// an AppError is `{error: {kind, message, code, details, headers}}` so the caller can rethrow it as is.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../errors/app-error.js';
import type { Logger } from '../logging/logger.js';
import { isStreamBody, type OperationRequest, type ServiceModule } from '../ports/service.js';

export interface ServiceHostOptions {
  modules: ServiceModule[];
  readiness: { name: string; check: () => Promise<void> }[];
  logger: Logger;
  bodyLimit?: number;
  /** Each readiness check's deadline. */
  checkTimeoutMs?: number;
}

export interface ServiceHost {
  server: http.Server;
  listen(port: number, host: string): Promise<number>;
  /** Answers 503 on /readyz from now on (so balancers stop sending) and closes idle connections. */
  drain(): void;
  close(): Promise<void>;
}

const withDeadline = <T>(ms: number, what: string, p: Promise<T>): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms).unref(),
    ),
  ]);

export function createServiceHost(options: ServiceHostOptions): ServiceHost {
  const handlers = new Map<string, ServiceModule['operations'][string]>();
  for (const m of options.modules) for (const [id, h] of Object.entries(m.operations)) handlers.set(id, h);
  const limit = options.bodyLimit ?? 8 * 1_048_576;
  let draining = false;

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  const readBody = (req: http.IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > limit) reject(new AppError('payload_too_large', 'request too large'));
        else chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const readiness = async () => {
    const results = await Promise.allSettled(
      options.readiness.map((r) => withDeadline(options.checkTimeoutMs ?? 2_000, r.name, r.check())),
    );
    const failed = options.readiness.filter((_, i) => results[i]!.status === 'rejected').map((r) => r.name);
    return failed;
  };

  const server = http.createServer(async (req, res) => {
    const url = req.url ?? '/';
    try {
      if (req.method === 'GET' && url === '/healthz') return json(res, 200, { status: 'ok' });
      if (req.method === 'GET' && url === '/readyz') {
        if (draining) return json(res, 503, { status: 'draining' });
        const failed = await readiness();
        return json(res, failed.length ? 503 : 200, { status: failed.length ? 'unavailable' : 'ok', failed });
      }
      const match = /^\/ops\/([A-Za-z0-9_.-]+)$/.exec(url);
      if (req.method !== 'POST' || !match)
        return json(res, 404, { error: { kind: 'not_found', message: url } });
      const handler = handlers.get(match[1]!);
      if (!handler) {
        return json(res, 200, {
          error: {
            kind: 'not_implemented',
            message: `${match[1]} is not served here`,
            code: 'NOT_IMPLEMENTED',
          },
        });
      }
      const request = JSON.parse(await readBody(req)) as OperationRequest;
      const gone = new AbortController();
      res.once('close', () => gone.abort());
      request.signal = gone.signal;
      const answer = await handler(request);
      if (isStreamBody(answer.body)) {
        res.writeHead(200, {
          'content-type': 'text/plain; charset=utf-8',
          'x-concierge-stream': String(answer.status),
          'x-concierge-headers': JSON.stringify(answer.headers ?? {}),
        });
        for await (const chunk of answer.body) {
          if (gone.signal.aborted) break;
          res.write(chunk);
        }
        res.end();
        return;
      }
      json(res, 200, { status: answer.status, headers: answer.headers, body: answer.body });
    } catch (error) {
      if (error instanceof AppError) {
        const { kind, message, code, details, headers } = error;
        return json(res, 200, { error: { kind, message, code, details, headers } });
      }
      options.logger.error({ err: error, url }, 'operation failed');
      if (!res.headersSent) json(res, 500, { error: { kind: 'internal', message: 'internal error' } });
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 65_000;

  return {
    server,
    listen: (port, host) => listenOn(server, port, host),
    drain() {
      draining = true;
    },
    async close() {
      draining = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}

/** Binds `server`; resolves with the port it got (useful with port 0), rejects on a bind error. */
export async function listenOn(server: http.Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

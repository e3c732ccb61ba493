// A small HTTP load balancer for `concierge up --distributed`: round robin over the backends that pass
// their health check (`GET /readyz`), keep-alive connections to each, and a request that could not reach
// a backend (refused, reset before an answer) tried on the next one, so a backend that is going away
// never costs a request. A backend can be drained: no new requests, and `drained()` says when its
// in-flight ones are done (the rolling restart waits on it).
import http from 'node:http';
import { type Logger, listenOn } from '@concierge/platform';

export interface Backend {
  name: string;
  url: string;
}

interface State extends Backend {
  host: string;
  port: number;
  healthy: boolean;
  draining: boolean;
  inFlight: number;
  agent: http.Agent;
  idle: (() => void)[];
}

export interface BalancerOptions {
  logger: Logger;
  healthIntervalMs?: number;
  /** Deadline of one proxied request (answer headers); streams may then last. */
  timeoutMs?: number;
  bodyLimit?: number;
}

export interface Balancer {
  server: http.Server;
  listen(port: number, host: string): Promise<number>;
  add(backend: Backend): void;
  /** Stops routing to `name`; resolves once its in-flight requests are done. */
  drain(name: string): Promise<void>;
  remove(name: string): void;
  /** Resolves once `name` passed a health check. */
  healthy(name: string, timeoutMs: number): Promise<void>;
  backends(): { name: string; healthy: boolean; draining: boolean; inFlight: number }[];
  close(): Promise<void>;
}

const retryable = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

export function createBalancer(options: BalancerOptions): Balancer {
  const backends = new Map<string, State>();
  let next = 0;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const limit = options.bodyLimit ?? 8 * 1_048_576;

  const check = (b: State) =>
    new Promise<void>((resolve) => {
      const req = http.get(
        { host: b.host, port: b.port, path: '/readyz', timeout: 1_000, agent: false },
        (res) => {
          res.resume();
          const ok = res.statusCode === 200;
          if (ok !== b.healthy)
            options.logger.info({ backend: b.name, healthy: ok }, 'backend health changed');
          b.healthy = ok;
          resolve();
        },
      );
      req.on('timeout', () => req.destroy(new Error('health check timed out')));
      req.on('error', () => {
        if (b.healthy) options.logger.info({ backend: b.name, healthy: false }, 'backend health changed');
        b.healthy = false;
        resolve();
      });
    });
  const timer = setInterval(() => {
    for (const b of backends.values()) void check(b);
  }, options.healthIntervalMs ?? 500);
  timer.unref();

  const pick = (tried: Set<string>): State | undefined => {
    const candidates = [...backends.values()].filter((b) => b.healthy && !b.draining && !tried.has(b.name));
    if (candidates.length === 0) return undefined;
    next = (next + 1) % candidates.length;
    return candidates[next];
  };

  const settle = (b: State) => {
    b.inFlight--;
    if (b.inFlight === 0) for (const fn of b.idle.splice(0)) fn();
  };

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, tried: Set<string>) => {
    const b = pick(tried);
    if (!b) {
      if (!res.headersSent) {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end(JSON.stringify({ error: { code: 'NO_BACKEND', message: 'no healthy gateway instance' } }));
      }
      return;
    }
    tried.add(b.name);
    b.inFlight++;
    let answered = false;
    const headers = { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' };
    const upstream = http.request(
      {
        host: b.host,
        port: b.port,
        method: req.method,
        path: req.url,
        headers,
        agent: b.agent,
        timeout: timeoutMs,
      },
      (answer) => {
        answered = true;
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-served-by': b.name });
        answer.pipe(res);
        answer.on('end', () => settle(b));
        answer.on('error', () => {
          settle(b);
          res.destroy();
        });
      },
    );
    upstream.on('timeout', () =>
      upstream.destroy(Object.assign(new Error('upstream timeout'), { code: 'ETIMEDOUT' })),
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      settle(b);
      // Nothing came back: the backend went away before answering. Safe to try elsewhere only when it
      // never took the request (refused) or the method is idempotent.
      const idempotent = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'].includes(req.method ?? '');
      if (
        retryable.has(error.code ?? '') &&
        (error.code === 'ECONNREFUSED' || idempotent || req.headers['idempotency-key'])
      ) {
        b.healthy = error.code === 'ECONNREFUSED' ? false : b.healthy;
        forward(req, res, body, tried);
        return;
      }
      options.logger.warn({ err: error, backend: b.name }, 'backend failed');
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BAD_GATEWAY', message: 'the gateway instance failed' } }));
      } else res.destroy();
    });
    upstream.end(body);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        res.writeHead(413).end();
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => forward(req, res, Buffer.concat(chunks), new Set()));
  });
  server.keepAliveTimeout = 65_000;

  return {
    server,
    listen: (port, host) => listenOn(server, port, host),
    add(backend) {
      const url = new URL(backend.url);
      const state: State = {
        ...backend,
        host: url.hostname,
        port: Number(url.port),
        healthy: false,
        draining: false,
        inFlight: 0,
        agent: new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 30_000 }),
        idle: [],
      };
      backends.set(backend.name, state);
      void check(state);
    },
    drain(name) {
      const b = backends.get(name);
      if (!b) return Promise.resolve();
      b.draining = true;
      if (b.inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => b.idle.push(resolve));
    },
    remove(name) {
      const b = backends.get(name);
      b?.agent.destroy();
      backends.delete(name);
    },
    async healthy(name, waitMs) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const b = backends.get(name);
        if (!b) throw new Error(`no backend ${name}`);
        await check(b);
        if (b.healthy) return;
        if (Date.now() > deadline) throw new Error(`${name} did not become healthy within ${waitMs} ms`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    backends: () =>
      [...backends.values()].map(({ name, healthy, draining, inFlight }) => ({
        name,
        healthy,
        draining,
        inFlight,
      })),
    async close() {
      clearInterval(timer);
      for (const b of backends.values()) b.agent.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

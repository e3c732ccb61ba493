// The balancer with real HTTP backends on localhost: round robin over healthy ones, a refused backend's
// requests retried elsewhere, draining waits for requests in flight, and 503 when none is healthy.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@concierge/platform';
import { eventually } from '@concierge/platform/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type Balancer, createBalancer } from './balancer.js';

const logger = createLogger({ level: 'silent', format: 'json' });
const servers: http.Server[] = [];
let balancer: Balancer | undefined;

async function backend(name: string, options: { ready?: () => boolean; slowMs?: number } = {}) {
  const server = http.createServer((req, res) => {
    if (req.url === '/readyz') {
      res.writeHead(options.ready?.() === false ? 503 : 200).end();
      return;
    }
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end(name), options.slowMs ?? 0);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return { name, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function start(...backends: { name: string; url: string }[]) {
  balancer = createBalancer({ logger, healthIntervalMs: 50 });
  for (const b of backends) balancer.add(b);
  const port = await balancer.listen(0, '127.0.0.1');
  for (const b of backends) await balancer.healthy(b.name, 1_000).catch(() => {});
  return `http://127.0.0.1:${port}`;
}

const get = async (url: string) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, text: await res.text() };
};

afterEach(async () => {
  await balancer?.close();
  balancer = undefined;
  for (const s of servers.splice(0)) s.close();
});

describe('balancer', () => {
  it('alternates between healthy backends and skips an unready one', async () => {
    let bReady = true;
    const a = await backend('a');
    const b = await backend('b', { ready: () => bReady });
    const base = await start(a, b);
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push((await get(`${base}/x`)).text);
    expect(seen.sort()).toEqual(['a', 'a', 'b', 'b']);
    bReady = false;
    await eventually(() => expect(balancer!.backends().find((x) => x.name === 'b')!.healthy).toBe(false));
    for (let i = 0; i < 3; i++) expect((await get(`${base}/x`)).text).toBe('a');
  });

  it('sends a request that a backend refused to the next one', async () => {
    const a = await backend('a');
    const b = await backend('b');
    const base = await start(a, b);
    await new Promise<void>((r) => b.server.close(() => r()));
    b.server.closeAllConnections();
    // b still counts as healthy until its next check: the refused connection is retried on a.
    for (let i = 0; i < 4; i++) expect(await get(`${base}/x`)).toEqual({ status: 200, text: 'a' });
  });

  it('drains a backend: no new requests, resolves once those in flight are answered', async () => {
    const slow = await backend('slow', { slowMs: 300 });
    const other = await backend('other');
    const base = await start(slow, other);
    const inFlight = [get(`${base}/1`), get(`${base}/2`)];
    await eventually(() => expect(balancer!.backends().find((x) => x.name === 'slow')!.inFlight).toBe(1));
    let drained = false;
    const draining = balancer!.drain('slow').then(() => {
      drained = true;
    });
    expect((await get(`${base}/3`)).text).toBe('other');
    expect(drained).toBe(false);
    await draining;
    expect((await Promise.all(inFlight)).map((r) => r.text).sort()).toEqual(['other', 'slow']);
  });

  it('answers 503 when no backend is healthy', async () => {
    const a = await backend('a', { ready: () => false });
    const base = await start(a);
    const answer = await get(`${base}/x`);
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.text).error.code).toBe('NO_BACKEND');
  });
});

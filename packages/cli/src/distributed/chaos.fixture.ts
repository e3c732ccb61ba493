// What the distributed failure tests share: private NATS and Redis servers they may stop and start at
// will (the machine's shared ones are left alone), a private PostgreSQL database, the topology from the
// built program, and a small HTTP client with deadlines.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, loadConfig } from '@concierge/platform';
import pg from 'pg';
import { demoPassword, seedDemoAccounts } from '../roots/demo-accounts.js';
import { assembleSystem, migrateAll } from '../roots/embedded.root.js';
import { startTopology, type Topology } from './topology.js';

export const repo = path.resolve(fileURLToPath(import.meta.url), '../../../../..');

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * `n` consecutive free ports below Linux's ephemeral range (32768+), so no port the OS hands out to
 * `freePort()` callers (this file's clusters, run in parallel) can land inside the block.
 */
export async function freePortBlock(n: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * (12_000 - n));
    const servers: net.Server[] = [];
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const server = net.createServer();
      ok = await new Promise<boolean>((resolve) => {
        server.once('error', () => resolve(false));
        server.listen(base + i, '127.0.0.1', () => resolve(true));
      });
      if (ok) servers.push(server);
    }
    await Promise.all(servers.map((server) => new Promise((r) => server.close(r))));
    if (ok) return base;
  }
  throw new Error(`no block of ${n} free ports found`);
}

async function waitPort(port: number, up: boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  while ((await portOpen(port)) !== up) {
    if (Date.now() > deadline) throw new Error(`port ${port} still ${up ? 'closed' : 'open'}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A server process of our own (nats-server, redis-server) on a free port, stoppable and restartable. */
export interface PrivateServer {
  port: number;
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

function privateServer(scheme: string, port: number, command: string, args: string[]): PrivateServer {
  let child: ChildProcess | undefined;
  return {
    port,
    url: `${scheme}://127.0.0.1:${port}`,
    async start() {
      child = spawn(command, args, { stdio: 'ignore' });
      await waitPort(port, true);
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await waitPort(port, false);
    },
  };
}

export async function privateNats(dir: string): Promise<PrivateServer> {
  const port = await freePort();
  const store = path.join(dir, 'nats');
  const server = privateServer('nats', port, 'nats-server', [
    '-a',
    '127.0.0.1',
    '-p',
    String(port),
    '-js',
    '-sd',
    store,
  ]);
  await server.start();
  return server;
}

export async function privateRedis(): Promise<PrivateServer> {
  const port = await freePort();
  const server = privateServer('redis', port, 'redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  await server.start();
  return server;
}

/** A fresh database on the shared PostgreSQL server; `drop` removes it. */
export async function privateDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cn_chaos_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs a shell command as the `postgres` user when we are root (PostgreSQL refuses to run as root). */
function asPostgres(command: string): void {
  const root = process.getuid?.() === 0;
  const result = root
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { encoding: 'utf8', timeout: 60_000 })
    : spawnSync('sh', ['-c', command], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

/** A PostgreSQL cluster of our own (initdb in a temp folder, its own port), which a test may restart. */
export async function privatePostgres(): Promise<PrivateServer & { dispose(): void }> {
  const bin = path.join('/usr/lib/postgresql', fs.readdirSync('/usr/lib/postgresql').sort().at(-1)!, 'bin');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-pg-'));
  if (process.getuid?.() === 0) fs.chownSync(dir, ...postgresIds());
  const port = await freePort();
  asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres --no-sync >/dev/null`);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const server: PrivateServer & { dispose(): void } = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      asPostgres(`${bin}/pg_ctl -D ${dir}/data -o "${options}" -l ${dir}/log -w -t 60 start >/dev/null`);
      await waitPort(port, true);
    },
    async stop() {
      asPostgres(`${bin}/pg_ctl -D ${dir}/data -m fast -w -t 60 stop >/dev/null`);
      await waitPort(port, false);
    },
    dispose() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

function postgresIds(): [number, number] {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line!.split(':');
  return [Number(uid), Number(gid)];
}

/** Builds dist/concierge.mjs when missing (CI builds it before the chaos step). */
export function ensureBuilt(): void {
  if (fs.existsSync(path.join(repo, 'dist', 'concierge.mjs'))) return;
  const built = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit', timeout: 300_000 });
  if (built.status !== 0) throw new Error('npm run build failed');
}

export interface Cluster {
  topology: Topology;
  nats: PrivateServer;
  redis: PrivateServer;
  dataDir: string;
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export async function startCluster(options: {
  gateways: number;
  workers: number;
  /** A PostgreSQL server of the cluster's own, which the test may restart. */
  postgres?: PrivateServer & { dispose(): void };
  /** More environment for every process (operator ports, OTLP endpoint...). */
  env?: Record<string, string>;
  /**
   * The balancer's port; the members take the ports after it. Default: a block of free ports below the
   * ephemeral range (one free port from the OS, with the next ones taken on trust, could collide with a
   * connection's local port: EADDRINUSE at start).
   */
  port?: number;
}): Promise<Cluster> {
  ensureBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-chaos-'));
  const nats = await privateNats(dataDir);
  const redis = await privateRedis();
  const db = await privateDatabase(options.postgres?.url ?? process.env.DATABASE_URL!);
  const env: Record<string, string> = {
    CONCIERGE_MODE: 'distributed',
    CONCIERGE_DATA_DIR: dataDir,
    CONCIERGE_LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'error',
    CONCIERGE_LOG_FORMAT: 'json',
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    NATS_URL: nats.url,
    ...options.env,
  };
  const cleanUp = async () => {
    await nats.stop().catch(() => {});
    await redis.stop().catch(() => {});
    await db.drop().catch(() => {});
    if (options.postgres) {
      await options.postgres.stop().catch(() => {});
      options.postgres.dispose();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    return await startWith(options, env, dataDir, nats, redis, cleanUp);
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function startWith(
  options: { gateways: number; workers: number; port?: number },
  env: Record<string, string>,
  dataDir: string,
  nats: PrivateServer,
  redis: PrivateServer,
  cleanUp: () => Promise<void>,
): Promise<Cluster> {
  // The balancer, then the services (at most 8), the gateways and the workers.
  const port = options.port ?? (await freePortBlock(1 + 8 + options.gateways + options.workers));
  const config = loadConfig({ ...env, CONCIERGE_PORT: String(port) });
  const logger = createLogger({ level: 'error', format: 'json' });
  const system = await assembleSystem(config, logger);
  try {
    await migrateAll(system);
    await system.catalog.seed({ products: 10, restaurants: 5 });
    await seedDemoAccounts(system.identity.identity);
  } finally {
    await system.close();
  }
  const topology = await startTopology({
    config,
    logger,
    gateways: options.gateways,
    workers: options.workers,
    port,
    host: '127.0.0.1',
    command: [process.execPath, path.join(repo, 'bin', 'concierge.js')],
    env,
  });
  return {
    topology,
    nats,
    redis,
    dataDir,
    env,
    async dispose() {
      await topology.stop().catch(() => {});
      await cleanUp();
    },
  };
}

export interface Answer {
  status: number;
  body: Record<string, unknown> & { [k: string]: unknown };
  servedBy: string | null;
}

/** One call to the cluster with a deadline; a network failure is status 0. */
export async function call(
  base: string,
  route: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
  try {
    const res = await fetch(`${base}${route}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
    });
    const text = await res.text();
    let body: Answer['body'] = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { text };
    }
    return { status: res.status, body, servedBy: res.headers.get('x-served-by') };
  } catch (error) {
    return { status: 0, body: { error: String(error) }, servedBy: null };
  }
}

export async function signIn(base: string): Promise<Record<string, string>> {
  const answer = await call(base, '/v1/auth/signin', {
    method: 'POST',
    body: { email: 'demo@concierge.local', password: demoPassword },
  });
  if (answer.status !== 200)
    throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { authorization: `Bearer ${answer.body.accessToken}` };
}

export const tomorrow = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

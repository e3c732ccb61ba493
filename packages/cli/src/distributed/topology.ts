// `concierge up --distributed`: the whole distributed topology on one machine, from this same program:
// one process per service (catalog, chat, orders, notifications), N gateways and M order workers, with
// a balancer in front of the gateways. A rolling restart replaces gateways and workers one at a time.
import { type ChildProcess, spawn } from 'node:child_process';
import type { ConciergeConfig, Logger } from '@concierge/platform';
import { type Balancer, createBalancer } from './balancer.js';

export interface TopologyOptions {
  config: ConciergeConfig;
  logger: Logger;
  gateways: number;
  workers: number;
  /** The balancer's port; services take the ports after it. */
  port: number;
  host: string;
  /** How a child runs this program: `[node, ...execArgv, script]`. */
  command?: string[];
  env?: NodeJS.ProcessEnv;
}

interface Member {
  name: string;
  role: string;
  port: number;
  child?: ChildProcess;
  exited?: Promise<number | null>;
}

export interface Topology {
  url: string;
  balancer: Balancer;
  members(): { name: string; role: string; port: number; pid: number | undefined }[];
  /** Replaces every gateway (behind the balancer, drained first) and every worker, one at a time. */
  rollingRestart(): Promise<void>;
  /** Kills a member with a signal, without restarting it (for failure tests). */
  kill(name: string, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a member that was killed. */
  revive(name: string): Promise<void>;
  stop(): Promise<void>;
}

const services = ['catalog', 'chat', 'orders', 'notifications'] as const;

export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const { logger, host } = options;
  const command = options.command ?? [process.execPath, ...process.execArgv, process.argv[1]!];
  const publicUrl = options.config.http.publicUrl ?? `http://localhost:${options.port}`;
  const local = host === '0.0.0.0' ? '127.0.0.1' : host;
  const members: Member[] = [];
  let port = options.port;
  for (const s of services) members.push({ name: s, role: s, port: ++port });
  for (let i = 1; i <= options.gateways; i++)
    members.push({ name: `gateway-${i}`, role: 'gateway', port: ++port });
  for (let i = 1; i <= options.workers; i++)
    members.push({ name: `orders-worker-${i}`, role: 'orders-worker', port: ++port });
  const serviceUrls = services
    .map((s) => `${s}=http://${local}:${members.find((m) => m.name === s)!.port}`)
    .join(',');
  const balancer = createBalancer({ logger: logger.child({ component: 'balancer' }) });
  let stopping = false;

  // With an operator port configured, each member gets its own: the configured one plus its place in the list.
  const metricsBase = options.config.telemetry.metricsPort;
  const metricsPort = (m: Member) =>
    metricsBase === undefined
      ? {}
      : { CONCIERGE_METRICS_PORT: String(metricsBase === 0 ? 0 : metricsBase + members.indexOf(m)) };
  if (metricsBase)
    logger.info(
      { metrics: Object.fromEntries(members.map((m, i) => [m.name, metricsBase + i])) },
      'operator ports (/metrics, /healthz, /readyz)',
    );

  const spawnMember = async (m: Member) => {
    const child = spawn(command[0]!, [...command.slice(1), 'start'], {
      env: {
        ...process.env,
        ...options.env,
        CONCIERGE_MODE: 'distributed',
        CONCIERGE_SERVICES: m.role,
        CONCIERGE_HOST: local,
        CONCIERGE_PORT: String(m.port),
        CONCIERGE_PUBLIC_URL: publicUrl,
        CONCIERGE_SERVICE_URLS: serviceUrls,
        ...metricsPort(m),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    m.child = child;
    m.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    void m.exited.then((code) => {
      if (!stopping && m.child === child) logger.warn({ member: m.name, code }, 'process exited');
    });
    await waitReady(m, 120_000);
  };

  const waitReady = async (m: Member, waitMs: number) => {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const exited = await Promise.race([m.exited!.then(() => true), Promise.resolve(false)]);
      if (exited) throw new Error(`${m.name} exited while starting`);
      const last = await fetch(`http://${local}:${m.port}/readyz`, { signal: AbortSignal.timeout(2_000) })
        .then(async (r) => ({ ok: r.status === 200, said: `${r.status} ${await r.text()}` }))
        .catch((error: unknown) => ({ ok: false, said: String(error) }));
      if (last.ok) return;
      if (Date.now() > deadline) throw new Error(`${m.name} not ready within ${waitMs} ms: ${last.said}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const stopMember = async (m: Member, signal: NodeJS.Signals = 'SIGTERM') => {
    if (!m.child || m.child.exitCode !== null || m.child.signalCode !== null) return;
    m.child.kill(signal);
    const timer = setTimeout(() => m.child?.kill('SIGKILL'), options.config.shutdownTimeoutMs + 5_000);
    await m.exited;
    clearTimeout(timer);
  };

  const stop = async () => {
    stopping = true;
    await balancer.close();
    // Edge first, then workers, then services.
    for (const role of ['gateway', 'orders-worker', ...services])
      await Promise.all(members.filter((m) => m.role === role).map((m) => stopMember(m)));
  };

  try {
    // Catalog first (the others call it), then the rest of the services, then workers and gateways.
    await spawnMember(members[0]!);
    await Promise.all(members.slice(1, services.length).map(spawnMember));
    await Promise.all(members.slice(services.length).map(spawnMember));
    for (const m of members.filter((x) => x.role === 'gateway'))
      balancer.add({ name: m.name, url: `http://${local}:${m.port}` });
    const bound = await balancer.listen(options.port, host);
    for (const m of members.filter((x) => x.role === 'gateway')) await balancer.healthy(m.name, 30_000);
    return {
      url: `http://localhost:${bound}`,
      balancer,
      members: () => members.map((m) => ({ name: m.name, role: m.role, port: m.port, pid: m.child?.pid })),
      async rollingRestart() {
        for (const m of members.filter((x) => x.role === 'gateway')) {
          logger.info({ member: m.name }, 'rolling restart: draining');
          await balancer.drain(m.name);
          await stopMember(m);
          balancer.remove(m.name);
          await spawnMember(m);
          balancer.add({ name: m.name, url: `http://${local}:${m.port}` });
          await balancer.healthy(m.name, 30_000);
        }
        for (const m of members.filter((x) => x.role === 'orders-worker')) {
          // A worker stops taking messages and finishes those in hand; the others carry on meanwhile.
          await stopMember(m);
          await spawnMember(m);
        }
        logger.info('rolling restart done');
      },
      async kill(name, signal = 'SIGKILL') {
        const m = members.find((x) => x.name === name);
        if (!m) throw new Error(`no member ${name}`);
        await stopMember(m, signal);
      },
      async revive(name) {
        const m = members.find((x) => x.name === name);
        if (!m) throw new Error(`no member ${name}`);
        await spawnMember(m);
        if (m.role === 'gateway') {
          balancer.remove(m.name);
          balancer.add({ name: m.name, url: `http://${local}:${m.port}` });
          await balancer.healthy(m.name, 30_000);
        }
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

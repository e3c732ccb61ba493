// CPU time per request of the foundation benchmark's three routes (bare Fastify hello, the gateway's
// `GET /v1/products/{id}` and its validated, JWT-authenticated `POST /v1/products`), for interleaved A/B runs
// of several builds: every server is started once (each build in a data folder of its own, with the
// benchmark's environment), then each round loads hello and each build's GET and POST in turn, reading the
// server's utime+stime from /proc around every run. CPU per request depends far less on the machine's load
// than requests per second, and the rounds interleave the builds so that a change in load hits all of them.
// npx tsx --tsconfig tsconfig.json bench/tools/foundation-cpu.ts [seconds] [rounds]
//   FOUNDATION_CPU_PROGRAMS=bin/concierge.js,/work/base/bin/concierge.js   the builds (default: this one)
//   FOUNDATION_CPU_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   flags for every build's node
//   FOUNDATION_CPU_ONLY=get|post   one of the two gateway routes (hello is always measured)
//   FOUNDATION_CPU_PORT=3360   hello listens there, the builds on the next ports (a range of one's own)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { productBody } from '../foundation.bench.js';
import { load } from '../lib/load.js';
import { cpuMs, type Running, start, waitFor } from '../lib/processes.js';

interface Run {
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

interface Target {
  name: string;
  sut: Running;
  dataDir?: string;
  runs: Record<string, Run>;
}

const seconds = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 3);
const programs = (process.env.FOUNDATION_CPU_PROGRAMS ?? 'bin/concierge.js').split(',');
const nodeArgs = (process.env.FOUNDATION_CPU_NODE_ARGS ?? '').split(' ').filter(Boolean);
const only = process.env.FOUNDATION_CPU_ONLY;
const port = Number(process.env.FOUNDATION_CPU_PORT ?? 3360);

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function openHello(port: number): Promise<Target> {
  const sut = start('node', ['bench/fixtures/hello-server.mjs'], { PORT: String(port) }, port);
  await waitFor(`${sut.url}/hello`);
  return { name: 'hello', sut, runs: { hello: { url: `${sut.url}/hello` } } };
}

async function openProgram(program: string, port: number): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'foundation-cpu-'));
  const sut = start(
    'node',
    [...nodeArgs, program, 'start', '--seed-if-empty'],
    { CONCIERGE_DATA_DIR: dataDir, CONCIERGE_PORT: String(port), CONCIERGE_LOG_FORMAT: 'json' },
    port,
  );
  try {
    return await prepare(program, sut, dataDir);
  } catch (error) {
    // The caller only cleans up the targets it got.
    await sut.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function prepare(program: string, sut: Running, dataDir: string): Promise<Target> {
  // Fails at once when the server exits during its start instead of after the wait.
  const exited = new Promise<never>((_, reject) =>
    sut.child.once('exit', (code) => reject(new Error(`${program} exited with ${code} during its start`))),
  );
  await Promise.race([waitFor(`${sut.url}/readyz`, 60_000), exited]);
  const page = await json<{ items: { id: string }[] }>(await fetch(`${sut.url}/v1/products?limit=1`));
  const { accessToken } = await json<{ accessToken: string }>(
    await fetch(`${sut.url}/v1/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'operator@concierge.local', password: 'Concierge-demo-1' }),
    }),
  );
  const runs: Record<string, Run> = {
    get: { url: `${sut.url}/v1/products/${page.items[0]!.id}` },
    post: {
      url: `${sut.url}/v1/products`,
      method: 'POST',
      body: productBody,
      headers: { authorization: `Bearer ${accessToken}` },
    },
  };
  return { name: program, sut, dataDir, runs };
}

interface Sample {
  cpuUs: number;
  rps: number;
}
const samples = new Map<string, Sample[]>();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const targets: Target[] = [];
try {
  targets.push(await openHello(port));
  for (const [i, program] of programs.entries()) targets.push(await openProgram(program, port + 1 + i));
  // Warm-up, not measured: the JIT, the lazily compiled validators and serializers, the caches.
  for (const target of targets)
    for (const [name, run] of Object.entries(target.runs))
      if (!only || name === 'hello' || name === only) await load({ ...run, seconds: 3 });
  for (let round = 1; round <= rounds; round++) {
    // Rotate the builds' order each round, so that none always runs right after hello.
    const builds = targets.slice(1);
    const order = [
      targets[0]!,
      ...builds.slice(round % builds.length),
      ...builds.slice(0, round % builds.length),
    ];
    let helloRps = 0;
    for (const target of order) {
      for (const [name, run] of Object.entries(target.runs)) {
        if (only && name !== 'hello' && name !== only) continue;
        const pid = target.sut.child.pid!;
        const before = cpuMs(pid);
        const r = await load({ ...run, seconds });
        const cpu = cpuMs(pid) - before;
        const cpuUs = (cpu * 1000) / r.sent;
        if (name === 'hello') helloRps = r.rps;
        const key = `${target.name} ${name}`;
        samples.set(key, [...(samples.get(key) ?? []), { cpuUs, rps: r.rps }]);
        console.log(
          `round ${round} ${key}: ${Math.round(r.rps)} req/s (${(r.rps / helloRps).toFixed(2)}× hello), ` +
            `p99 ${r.p99} ms, ${r.errors + r.non2xx} failed; server CPU ${cpuUs.toFixed(1)} µs/request ` +
            `(${((100 * cpu) / (r.seconds * 1000)).toFixed(0)} % of a core); load ${os.loadavg()[0]!.toFixed(1)}`,
        );
      }
    }
  }
  console.log('medians:');
  for (const [key, list] of samples) {
    console.log(
      `  ${key}: ${median(list.map((s) => s.cpuUs)).toFixed(1)} µs/request, ` +
        `${Math.round(median(list.map((s) => s.rps)))} req/s`,
    );
  }
} finally {
  for (const target of targets) {
    await target.sut.stop();
    if (target.dataDir) fs.rmSync(target.dataDir, { recursive: true, force: true });
  }
}

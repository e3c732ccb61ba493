// Profiling aid for the identity benchmark (issue 5): starts one or more builds of the program side by side,
// then loads `GET /v1/me` on each in turn (bearer JWT, then SigV4 with temporary credentials), round after
// round, and prints the server's CPU time per request: an interleaved A/B comparison that depends far less on
// the machine's load than requests per second do.
// Run: npx tsx --tsconfig tsconfig.json bench/tools/identity-profile.ts [seconds] [rounds]
//   IDENTITY_PROFILE_PROGRAMS=bin/concierge.js,/tmp/old/concierge.mjs   the builds to compare (default: this one);
//     an entry may start with node flags for that build alone: "--max-semi-space-size=32 bin/concierge.js"
//   IDENTITY_PROFILE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   flags for every server's node
//   IDENTITY_PROFILE_ONLY=jwt|sigv4   one of the two paths
//   IDENTITY_PROFILE_ENV="CONCIERGE_LOG_LEVEL=warn ..."   extra environment for every server
//   IDENTITY_PROFILE_HELLO=1   also load the bare Fastify hello (bench/fixtures/hello-server.mjs) each round,
//     the denominator of the benchmark's ratios, so its CPU per request is measured in the same rounds
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { awsSign } from '../../services/gateway/src/auth/__fixtures__/aws-signer.js';
import { load } from '../lib/load.js';
import { cpuSplitMs, type Running, start, waitFor } from '../lib/processes.js';

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

interface Target {
  program: string;
  sut: Running;
  dataDir: string;
  runs: Record<string, { url: string; headers: Record<string, string> }>;
}

const seconds = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 1);
const programs = (process.env.IDENTITY_PROFILE_PROGRAMS ?? 'bin/concierge.js').split(',');
const nodeArgs = (process.env.IDENTITY_PROFILE_NODE_ARGS ?? '').split(' ').filter(Boolean);
const only = process.env.IDENTITY_PROFILE_ONLY;
const extraEnv = Object.fromEntries(
  (process.env.IDENTITY_PROFILE_ENV ?? '')
    .split(' ')
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);

async function open(program: string, port: number): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'identity-profile-'));
  const words = program.split(' ').filter(Boolean);
  const sut = start(
    'node',
    [...nodeArgs, ...words, 'start', '--seed-if-empty'],
    { CONCIERGE_DATA_DIR: dataDir, CONCIERGE_PORT: String(port), CONCIERGE_LOG_FORMAT: 'json', ...extraEnv },
    port,
  );
  await waitFor(`${sut.url}/readyz`, 60_000);
  const tokens = await json<{ accessToken: string; idToken: string }>(
    await fetch(`${sut.url}/v1/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@concierge.local', password: 'Concierge-demo-1' }),
    }),
  );
  const { credentials } = await json<{
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  }>(
    await fetch(`${sut.url}/v1/identity/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.idToken}` },
      body: '{}',
    }),
  );
  const signed = await awsSign(
    { method: 'GET', path: '/v1/me', headers: { host: new URL(sut.url).host } },
    { credentials, tokenUnsigned: true },
  );
  const runs = {
    jwt: { url: `${sut.url}/v1/me`, headers: { authorization: `Bearer ${tokens.accessToken}` } },
    sigv4: { url: `${sut.url}${signed.url}`, headers: signed.headers },
  };
  for (const [name, run] of Object.entries(runs)) {
    const res = await fetch(run.url, { headers: run.headers });
    if (res.status !== 200) throw new Error(`${program} ${name}: ${res.status} ${await res.text()}`);
    await load({ ...run, seconds: 3 });
  }
  return { program, sut, dataDir, runs };
}

/** The bare hello as one more target, with the same server-CPU measurement as the gateway's paths. */
async function openHello(port: number): Promise<Target> {
  const sut = start('node', [...nodeArgs, 'bench/fixtures/hello-server.mjs'], { PORT: String(port) }, port);
  await waitFor(`${sut.url}/hello`);
  const runs = { hello: { url: `${sut.url}/hello`, headers: {} } };
  await load({ ...runs.hello, seconds: 3 });
  return { program: 'hello-server', sut, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'hello-')), runs };
}

const targets: Target[] = [];
try {
  if (process.env.IDENTITY_PROFILE_HELLO === '1') targets.push(await openHello(3299));
  for (const [i, program] of programs.entries()) targets.push(await open(program, 3300 + i));
  const hello = targets.filter((t) => t.program === 'hello-server');
  const builds = targets.filter((t) => t.program !== 'hello-server');
  for (let round = 1; round <= rounds; round++) {
    // The builds take turns going first: the one loaded right after the hello measured 9–18 % more CPU per
    // request than the same build loaded second (session 7), which a fixed order charges to one build.
    const shift = (round - 1) % builds.length;
    for (const target of [...hello, ...builds.slice(shift), ...builds.slice(0, shift)]) {
      for (const [name, run] of Object.entries(target.runs)) {
        if (only && name !== only && name !== 'hello') continue;
        const pid = target.sut.child.pid!;
        const before = cpuSplitMs(pid);
        const client = process.cpuUsage();
        const r = await load({ ...run, seconds });
        const after = cpuSplitMs(pid);
        const kernel = after.system - before.system;
        const cpu = after.user - before.user + kernel;
        const { user, system } = process.cpuUsage(client);
        console.log(
          `round ${round} ${target.program} ${name}: ${Math.round(r.rps)} req/s, p99 ${r.p99} ms, ` +
            `${r.errors + r.non2xx} failed; server CPU ${((cpu * 1000) / r.sent).toFixed(1)} µs/request ` +
            `(kernel ${((kernel * 1000) / r.sent).toFixed(1)}; ${((100 * cpu) / (r.seconds * 1000)).toFixed(0)} % of a core), load generator ` +
            `${((user + system) / r.sent).toFixed(1)} µs/request; load ${os.loadavg()[0]!.toFixed(1)}`,
        );
      }
    }
  }
} finally {
  for (const target of targets) {
    await target.sut.stop();
    fs.rmSync(target.dataDir, { recursive: true, force: true });
  }
}

// Profiling aid for the chat benchmark (issue 3): starts the built program (or another build), warms it up like
// bench/chat-http.bench.ts, then loads it for a while and prints latencies next to the server's event-loop delay.
// Run: npx tsx --tsconfig tsconfig.json bench/tools/chat-profile.ts [seconds]
//   CHAT_PROFILE_PROGRAM=<dir>/bin/concierge.js   another build
//   CHAT_PROFILE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   flags for the server's node
//   CHAT_PROFILE_ENV="CONCIERGE_CACHE=redis REDIS_URL=..."   extra environment for the server
//   CHAT_PROFILE_RATE=2000   offer this many turns/s over the 50 connections in the measured run (as the
//     benchmark's paced run does) instead of sending as fast as they are answered
//   CHAT_PROFILE_LOG=<file>   the server's stdout and stderr (e.g. with --trace-gc in CHAT_PROFILE_NODE_ARGS)
//   CHAT_PROFILE_ELD_SECONDS=1   also print the event loop's delay second by second
//   CHAT_PROFILE_LOOP_TURNS=1   also print how many turns of the event loop the turns spanned (loop-turns.cjs)
// Besides turns/s and latencies it prints the server's CPU time per turn (less dependent on the machine's load
// than turns/s) and the event loop's delay per second during the measured run (bench/tools/event-loop-delay.cjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { turnRequests } from '../chat-http.bench.js';
import { load } from '../lib/load.js';
import { cpuMs, start, waitFor } from '../lib/processes.js';

const seconds = Number(process.argv[2] ?? 10);
const program = process.env.CHAT_PROFILE_PROGRAM ?? 'bin/concierge.js';
const nodeArgs = (process.env.CHAT_PROFILE_NODE_ARGS ?? '').split(' ').filter(Boolean);
const extraEnv = Object.fromEntries(
  (process.env.CHAT_PROFILE_ENV ?? '')
    .split(' ')
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);
const port = 3290;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-profile-'));
const eldFile = path.join(dataDir, 'event-loop-delay.log');
const loopTurnsFile = process.env.CHAT_PROFILE_LOOP_TURNS ? path.join(dataDir, 'loop-turns.txt') : undefined;
const sut = start(
  'node',
  [
    '--require',
    path.resolve('bench/tools/event-loop-delay.cjs'),
    ...(loopTurnsFile ? ['--require', path.resolve('bench/tools/loop-turns.cjs')] : []),
    ...nodeArgs,
    program,
    'start',
    '--seed-if-empty',
  ],
  {
    CONCIERGE_DATA_DIR: dataDir,
    CONCIERGE_PORT: String(port),
    CONCIERGE_LOG_LEVEL: 'warn',
    ELD_FILE: eldFile,
    ...(loopTurnsFile ? { LOOP_TURNS_FILE: loopTurnsFile } : {}),
    ...extraEnv,
  },
  port,
  process.env.CHAT_PROFILE_LOG ? { logFile: process.env.CHAT_PROFILE_LOG } : {},
);
try {
  await waitFor(`${sut.url}/readyz`, 60_000);
  const res = await fetch(`${sut.url}/v1/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@concierge.local', password: 'Concierge-demo-1' }),
  });
  const token = ((await res.json()) as { accessToken: string }).accessToken;
  await load({ url: `${sut.url}/v1/nlu`, method: 'POST', requests: turnRequests(token), seconds: 3 });
  if (loopTurnsFile) sut.child.kill('SIGUSR2');
  const began = Date.now();
  const cpuBefore = cpuMs(sut.child.pid!);
  const rate = Number(process.env.CHAT_PROFILE_RATE ?? 0);
  const r = await load({
    url: `${sut.url}/v1/nlu`,
    method: 'POST',
    requests: turnRequests(token),
    seconds,
    ...(rate > 0 ? { rate } : {}),
  });
  const cpu = cpuMs(sut.child.pid!) - cpuBefore;
  if (loopTurnsFile) {
    fs.rmSync(loopTurnsFile, { force: true });
    sut.child.kill('SIGUSR2');
    while (!fs.existsSync(loopTurnsFile)) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.stdout.write(fs.readFileSync(loopTurnsFile, 'utf8'));
  }
  console.log(
    `${program}: ${Math.round(r.rps)} turns/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors + r.non2xx} failed; ` +
      `server CPU ${(cpu / r.sent).toFixed(3)} ms per turn (${((100 * cpu) / (r.seconds * 1000)).toFixed(0)} % of a core); load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  const perSecond = fs
    .readFileSync(eldFile, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(' ').map(Number))
    .filter(([at]) => at! > began + 1000 && at! <= Date.now());
  if (process.env.CHAT_PROFILE_ELD_SECONDS)
    for (const [at, p50, p99, max] of perSecond)
      console.log(
        `  +${((at! - began) / 1000).toFixed(1)} s: loop delay p50 ${p50} p99 ${p99} max ${max} ms`,
      );
  const range = (i: number) => {
    const values = perSecond.map((s) => s[i]!);
    return `${Math.min(...values)}–${Math.max(...values)}`;
  };
  console.log(
    `event-loop delay per second while measured: p50 ${range(1)} ms, p99 ${range(2)} ms, max ${range(3)} ms`,
  );
} finally {
  await sut.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// Identity benchmarks: authenticated gateway requests (bearer JWT, SigV4 with temporary credentials) as
// ratios to a bare Fastify hello in the same run, and the password hash's cost per attempt.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPasswordHasher } from '@concierge/identity';
import { awsSign } from '../services/gateway/src/auth/__fixtures__/aws-signer.js';
import { type LoadResult, load } from './lib/load.js';
import { start, waitFor } from './lib/processes.js';
import type { BenchRow } from './run.js';

const fmt = (r: LoadResult) => `${Math.round(r.rps)} req/s, p99 ${r.p99} ms`;

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function authenticatedRatios(dataDir: string): Promise<BenchRow[]> {
  const hello = start('node', ['bench/fixtures/hello-server.mjs'], { PORT: '3195' }, 3195);
  await waitFor(`${hello.url}/hello`);
  process.stderr.write('baseline: bare Fastify hello...\n');
  const base = await load({ url: `${hello.url}/hello`, warmupSeconds: 3 });
  await hello.stop();

  const sut = start(
    'node',
    ['bin/concierge.js', 'start', '--seed-if-empty'],
    { CONCIERGE_DATA_DIR: dataDir, CONCIERGE_PORT: '3196', CONCIERGE_LOG_FORMAT: 'json' },
    3196,
  );
  try {
    return await measure(sut.url, base);
  } finally {
    await sut.stop();
  }
}

async function measure(url: string, base: LoadResult): Promise<BenchRow[]> {
  await waitFor(`${url}/readyz`, 60_000);
  const tokens = await json<{ accessToken: string; idToken: string }>(
    await fetch(`${url}/v1/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@concierge.local', password: 'Concierge-demo-1' }),
    }),
  );
  process.stderr.write('gateway GET /v1/me, bearer JWT...\n');
  const jwt = await load({
    warmupSeconds: 3,
    url: `${url}/v1/me`,
    headers: { authorization: `Bearer ${tokens.accessToken}` },
  });

  const { credentials } = await json<{
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  }>(
    await fetch(`${url}/v1/identity/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.idToken}` },
      body: '{}',
    }),
  );
  // One signature, valid for the 5-minute window; a GET is not replay-checked, so it may repeat. The
  // gateway does the full verification on each request all the same (canonical request, HMAC chain).
  const signed = await awsSign(
    { method: 'GET', path: '/v1/me', headers: { host: new URL(url).host } },
    { credentials, tokenUnsigned: true },
  );
  const check = await fetch(`${url}${signed.url}`, { headers: signed.headers });
  if (check.status !== 200)
    throw new Error(`signed GET /v1/me answered ${check.status}: ${await check.text()}`);
  process.stderr.write('gateway GET /v1/me, SigV4 with temporary credentials...\n');
  const sigv4 = await load({ url: `${url}${signed.url}`, headers: signed.headers, warmupSeconds: 3 });

  const errs = jwt.errors + jwt.non2xx + sigv4.errors + sigv4.non2xx;
  if (errs > 0) process.stderr.write(`warning: ${errs} failed requests during the gateway runs\n`);
  const jwtRatio = jwt.rps / base.rps;
  const sigRatio = sigv4.rps / base.rps;
  return [
    {
      name: 'baseline: bare Fastify hello (50 connections, 10 s)',
      value: fmt(base),
      target: '—',
      pass: true,
    },
    {
      name: 'gateway GET /v1/me, bearer JWT (verified-token cache)',
      value: `${fmt(jwt)} = ${jwtRatio.toFixed(2)}×`,
      target: '≥ 0.6×',
      pass: jwtRatio >= 0.6,
    },
    {
      name: 'gateway GET /v1/me, SigV4 (temporary credentials, policy)',
      value: `${fmt(sigv4)} = ${sigRatio.toFixed(2)}×`,
      target: '≥ 0.5×',
      pass: sigRatio >= 0.5,
    },
  ];
}

async function passwordHashCost(): Promise<BenchRow[]> {
  const hasher = createPasswordHasher();
  const times: number[] = [];
  process.stderr.write('password hashing (scrypt, default cost) × 9...\n');
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    await hasher.hash(`Corr3ct-horse-${i}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[4]!;
  return [
    {
      name: 'password hash (scrypt N=2^15, r=8, p=1), median of 9',
      value: `${median.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[8]!.toFixed(0)})`,
      target: '50–250 ms',
      pass: median >= 50 && median <= 250,
    },
  ];
}

export async function identityBenchmarks(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-identity-'));
  try {
    return [...(await authenticatedRatios(dataDir)), ...(await passwordHashCost())];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

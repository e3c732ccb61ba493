// Chat throughput through the gateway (issue 3): scripted multi-turn conversations over HTTP, 50 connections,
// embedded (dialog state in memory) and with the dialog state in Redis, each as a ratio to a bare Fastify
// hello route measured in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type autocannon from 'autocannon';
import { type LoadResult, load } from './lib/load.js';
import { cpuMs, start, waitFor } from './lib/processes.js';
import type { BenchRow } from './run.js';

/** The conversations each connection replays in turn; every script starts a new conversation. */
export const chatScripts = [
  [
    'hi',
    'find me a quiet Italian place in Chelsea for 4 tomorrow at 8pm',
    'a@b.com',
    'actually make it 6 of us',
    'yes',
  ],
  ['I need red roses delivered to my mom tomorrow', 'something cheaper', 'order the first one', 'thanks'],
  ['any good sushi on the UES?', 'tomorrow at 7', 'for 2', '+1 212 555 0199', 'no, Thai instead', 'yes'],
  ['book a table for 2 at a korean place in midtown tomorrow at 7pm', 'kim@example.com', 'yes'],
  ['same as last time', 'what can you do', 'tell me a joke', 'bye'],
];

interface TurnContext {
  conversationId?: string;
}

/** One autocannon request per turn; the first turn of a script opens a conversation, the rest continue it. */
export function turnRequests(token: string): autocannon.Request[] {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  return chatScripts.flatMap((script) =>
    script.map((text, i) => ({
      method: 'POST' as const,
      path: '/v1/nlu',
      headers,
      setupRequest: (request: autocannon.Request, context: TurnContext) => {
        const messages = [{ type: 'unstructured', unstructured: { text } }];
        const conversationId = i === 0 ? undefined : context.conversationId;
        return {
          ...request,
          body: JSON.stringify(conversationId ? { conversationId, messages } : { messages }),
        };
      },
      onResponse: (status: number, body: string, context: TurnContext) => {
        if (i === 0 && status === 200) context.conversationId = /"conversationId":"([^"]+)"/.exec(body)?.[1];
      },
    })),
  );
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/v1/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@concierge.local', password: 'Concierge-demo-1' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function replayOnce(base: string, token: string): Promise<void> {
  for (const script of chatScripts) {
    let conversationId: string | undefined;
    for (const text of script) {
      const messages = [{ type: 'unstructured', unstructured: { text } }];
      const res = await fetch(`${base}/v1/nlu`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(conversationId ? { conversationId, messages } : { messages }),
        signal: AbortSignal.timeout(60_000),
      });
      const body = (await res.json()) as { conversationId?: string };
      if (res.status !== 200) throw new Error(`warm-up turn "${text}" answered ${res.status}`);
      conversationId ??= body.conversationId;
    }
  }
}

type ChatResult = LoadResult & {
  /** The server's CPU time per answered turn: less dependent on the machine's load than turns/s. */
  cpuMsPerTurn: number;
  /** Then, on the same server, the same connections offering `pacedRate` turns/s (latency at that rate). */
  paced?: LoadResult;
};

/** The rate of the target: its p99 is measured with the load offered at this rate, not as fast as possible. */
export const targetTurnsPerSecond = 2000;

async function chatRun(
  port: number,
  extraEnv: Record<string, string>,
  program = 'bin/concierge.js',
  pacedRate?: number,
): Promise<ChatResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-chat-'));
  const env = {
    CONCIERGE_DATA_DIR: dataDir,
    CONCIERGE_PORT: String(port),
    CONCIERGE_LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const sut = start('node', [program, 'start', '--seed-if-empty'], env, port);
  try {
    await waitFor(`${sut.url}/readyz`, 60_000);
    const token = await signIn(sut.url);
    // Warm-up: the first turn of each kind compiles the route's validators and serializers, loads the
    // lexicon and prepares statements (seconds on a busy machine); one pass alone, then a short load.
    await replayOnce(sut.url, token);
    await load({ url: `${sut.url}/v1/nlu`, method: 'POST', requests: turnRequests(token), seconds: 3 });
    const cpuBefore = cpuMs(sut.child.pid);
    const result = await load({ url: `${sut.url}/v1/nlu`, method: 'POST', requests: turnRequests(token) });
    const cpuMsPerTurn = (cpuMs(sut.child.pid) - cpuBefore) / Math.max(1, result.sent);
    if (!pacedRate) return { ...result, cpuMsPerTurn };
    process.stderr.write(`  the same connections offering ${pacedRate} turns/s...\n`);
    const paced = await load({
      url: `${sut.url}/v1/nlu`,
      method: 'POST',
      requests: turnRequests(token),
      rate: pacedRate,
    });
    return { ...result, cpuMsPerTurn, paced };
  } finally {
    await sut.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmt = (r: ChatResult) =>
  `${Math.round(r.rps)} turns/s, p50 ${r.p50} ms, p99 ${r.p99} ms, server CPU ${r.cpuMsPerTurn.toFixed(2)} ms/turn`;
const failures = (r: LoadResult) => r.errors + r.non2xx;

export async function chatBenchmarks(): Promise<BenchRow[]> {
  const hello = start('node', ['bench/fixtures/hello-server.mjs'], { PORT: '3195' }, 3195);
  await waitFor(`${hello.url}/hello`);
  process.stderr.write('baseline: bare Fastify hello...\n');
  const base = await load({ url: `${hello.url}/hello` });
  await hello.stop();

  process.stderr.write(
    'chat: POST /v1/nlu conversations, embedded (memory state), 50 connections, 10 s...\n',
  );
  const embedded = await chatRun(3196, {}, undefined, targetTurnsPerSecond);
  const paced = embedded.paced!;
  const rows: BenchRow[] = [
    {
      name: 'baseline: bare Fastify hello (50 connections, 10 s)',
      value: `${Math.round(base.rps)} req/s, p99 ${base.p99} ms`,
      target: '—',
      pass: true,
    },
    {
      name: 'chat turns through the gateway, embedded, 50 connections as fast as answered',
      value: `${fmt(embedded)} = ${(embedded.rps / base.rps).toFixed(3)}×, ${failures(embedded)} failed`,
      target: `≥ ${targetTurnsPerSecond} turns/s`,
      pass: embedded.rps >= targetTurnsPerSecond && failures(embedded) === 0,
    },
    {
      name: `chat turns, embedded, the 50 connections offering ${targetTurnsPerSecond} turns/s`,
      value: `${Math.round(paced.rps)} turns/s, p50 ${paced.p50} ms, p99 ${paced.p99} ms, ${failures(paced)} failed`,
      target: `p99 < 25 ms at ${targetTurnsPerSecond} turns/s`,
      // Within 2 % of the offered rate: a server that falls behind carries less than it is offered.
      pass: paced.rps >= targetTurnsPerSecond * 0.98 && paced.p99 < 25 && failures(paced) === 0,
    },
  ];
  // Another build of the program (e.g. an earlier commit's `git archive`, built with `node scripts/build.mjs`)
  // measured in the same run, so a change to the hot path is judged against its own baseline.
  const other = process.env.CHAT_BENCH_COMPARE;
  if (other) {
    process.stderr.write(`chat: the same with the program in ${other}...\n`);
    const before = await chatRun(3198, {}, path.join(other, 'bin', 'concierge.js'));
    rows.push({
      name: `chat turns through the gateway, embedded, program in ${other}`,
      value: `${fmt(before)} = ${(before.rps / base.rps).toFixed(3)}×; this build does ${(embedded.rps / before.rps).toFixed(2)}× its turns/s, ${failures(before)} failed`,
      target: 'reported',
      pass: true,
    });
  }
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    process.stderr.write('chat with Redis state: skipped (REDIS_URL is not set)\n');
    return rows;
  }
  process.stderr.write('chat: the same with dialog state in Redis...\n');
  const redis = await chatRun(3197, { CONCIERGE_CACHE: 'redis', REDIS_URL: redisUrl });
  rows.push({
    name: 'chat turns through the gateway, dialog state in Redis, 50 connections',
    value: `${fmt(redis)} = ${(redis.rps / base.rps).toFixed(3)}× (${(redis.rps / embedded.rps).toFixed(2)}× embedded), ${failures(redis)} failed`,
    target: '≥ 1500 turns/s',
    pass: redis.rps >= 1500 && failures(redis) === 0,
  });
  return rows;
}

// `npm run bench`: every benchmark, each HTTP figure as a ratio to a bare Fastify hello route measured in
// the same run; writes bench/results/latest.json and prints a Markdown table for docs/benchmarks.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chatBenchmarks } from './chat-http.bench.js';
import { checkoutBenchmarks, spikeBenchmarks } from './checkout.bench.js';
import { distributedBenchmarks } from './distributed.bench.js';
import { foundationBenchmarks } from './foundation.bench.js';
import { identityBenchmarks } from './identity.bench.js';
import { webBenchmarks } from './web.bench.js';

export interface BenchRow {
  name: string;
  value: string;
  target: string;
  pass: boolean;
}

const only = process.argv[2];
const suites: Record<string, () => Promise<BenchRow[]>> = {
  foundation: foundationBenchmarks,
  checkout: checkoutBenchmarks,
  spike: spikeBenchmarks,
  identity: identityBenchmarks,
  chat: chatBenchmarks,
  web: webBenchmarks,
  distributed: distributedBenchmarks,
};

const rows: BenchRow[] = [];
for (const [name, suite] of Object.entries(suites)) {
  if (only && only !== name) continue;
  process.stderr.write(`\n== ${name}\n`);
  rows.push(...(await suite()));
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = [
  `Run ${new Date().toISOString()} on ${machine}`,
  '',
  '| benchmark | result | target | met |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${r.value} | ${r.target} | ${r.pass ? 'yes' : '**no**'} |`),
].join('\n');
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
fs.writeFileSync(
  path.join('bench', 'results', 'latest.json'),
  `${JSON.stringify({ machine, rows }, null, 2)}\n`,
);
process.stdout.write(`\n${table}\n`);

// `concierge start` with the operator port and OTLP export on, as an operator runs it: a real process, a
// real OTLP/HTTP receiver standing in for the collector, Prometheus text from the operator port.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventually, metricSample, startOtlpReceiver } from '@concierge/platform/testing';
import { afterEach, describe, expect, it } from 'vitest';

const repo = path.resolve(fileURLToPath(import.meta.url), '../../../..');
const main = path.join(repo, 'packages/cli/src/main.ts');
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.splice(0)) step();
});

async function otlpReceiver() {
  const receiver = await startOtlpReceiver();
  cleanup.push(() => void receiver.close());
  return receiver;
}

describe('concierge start with metrics and traces', { timeout: 120_000 }, () => {
  it('serves /metrics on the operator port, exports spans over OTLP and puts trace ids in the logs', async () => {
    const receiver = await otlpReceiver();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-otel-'));
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env = {
      ...process.env,
      CONCIERGE_DATA_DIR: dataDir,
      CONCIERGE_PORT: '0',
      CONCIERGE_METRICS_PORT: '0',
      CONCIERGE_LOG_LEVEL: 'info',
      CONCIERGE_LOG_FORMAT: 'json',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: 'concierge-under-test',
    };
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', main, 'start', '--seed-if-empty'],
      {
        cwd: repo,
        env,
      },
    );
    cleanup.push(() => child.kill('SIGKILL'));
    let stderr = '';
    let stdout = '';
    child.stdout!.on('data', (d) => {
      stdout += String(d);
    });
    const [url, metricsUrl] = await new Promise<[string, string]>((resolve, reject) => {
      child.stderr!.on('data', (d) => {
        stderr += String(d);
        const open = /Open (http:\/\/localhost:\d+)/.exec(stderr)?.[1];
        const metrics = /Metrics: (http:\/\/[\d.]+:\d+\/metrics)/.exec(stderr)?.[1];
        if (open && metrics) resolve([open, metrics]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const traceId = '5bd66ef5095369c7b0d1f8f4bd33716a';
    const page = await fetch(`${url}/v1/products?limit=2`, {
      headers: { traceparent: `00-${traceId}-0000000000000001-01` },
    });
    expect(page.status).toBe(200);
    expect((await fetch(`${url}/v1/products/does-not-exist`)).status).toBe(404);

    const text = await (await fetch(metricsUrl)).text();
    const ok = { operation: 'listProducts', service: 'catalog', status: '200', process: 'all' };
    expect(metricSample(text, 'concierge_http_request_duration_seconds_count', ok)).toBe(1);
    expect(metricSample(text, 'concierge_http_request_duration_seconds_count', { status: '404' })).toBe(1);
    expect((await fetch(metricsUrl.replace('/metrics', '/readyz'))).status).toBe(200);

    // SIGTERM exports the last batch and flushes the logs before the process exits.
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    await eventually(async () => {
      const names = receiver.spans.filter((s) => s.traceId === traceId).map((s) => s.name);
      expect(names).toEqual(expect.arrayContaining(['GET /v1/products', 'catalog listProducts']));
    });
    expect(receiver.spans.every((s) => s.service === 'concierge-under-test')).toBe(true);
    const access = stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; url?: string; trace_id?: string })
      .find((l) => l.msg === 'request' && l.url === '/v1/products?limit=2');
    expect(access?.trace_id).toBe(traceId);
  });
});

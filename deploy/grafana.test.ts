// The Grafana dashboard reads only series a Concierge process exports, and covers what operators watch.
import fs from 'node:fs';
import path from 'node:path';
import { createMetrics, createSqliteQueue } from '@concierge/platform';
import { tempSqliteStore } from '@concierge/platform/testing';
import { describe, expect, it } from 'vitest';

const here = path.dirname(new URL(import.meta.url).pathname);
const dashboard = JSON.parse(fs.readFileSync(path.join(here, 'grafana', 'concierge.json'), 'utf8')) as {
  uid: string;
  panels: { type: string; title: string; targets?: { expr: string }[] }[];
};
const expressions = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));

describe('grafana dashboard', () => {
  it('queries only metric names a process exports (histograms through their _bucket, _count)', async () => {
    const metrics = createMetrics({ process: 'test' });
    metrics.route('orders', 'checkout', 'POST').observe(202, 0.01);
    metrics.nluParsed(0.001);
    metrics.orderSettled('confirmed');
    const fixture = tempSqliteStore();
    metrics.watchQueues(createSqliteQueue({ database: await fixture.open() }), ['orders.placed']);
    const exported = new Set(
      (await metrics.scrape())
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.split(/[{ ]/)[0]),
    );
    const used = new Set(
      expressions.flatMap((e) => e.match(/\b(concierge|process|nodejs)_[a-z_0-9]+/g) ?? []),
    );
    await fixture.dispose();
    expect(used.size).toBeGreaterThan(5);
    for (const name of used) expect(exported.has(name), `${name} is exported`).toBe(true);
  });

  it('has rate, errors, p50 and p99 per service, queue depth, dead letters and NLU latency', () => {
    const all = expressions.join('\n');
    expect(all).toContain('histogram_quantile(0.5, sum by (service, le)');
    expect(all).toContain('histogram_quantile(0.99, sum by (service, le)');
    expect(all).toMatch(/status=~"5\.\."/);
    expect(all).toContain('concierge_queue_depth');
    expect(all).toContain('concierge_queue_dead_letters');
    expect(all).toContain('concierge_nlu_parse_duration_seconds_bucket');
    expect(dashboard.uid).toBe('concierge-overview');
  });
});

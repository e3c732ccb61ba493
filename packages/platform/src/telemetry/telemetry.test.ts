// Trace context through a real SQLite queue and the in-process bus, log correlation, and metrics that
// survive a broken queue.
import { Writable } from 'node:stream';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryEventBus } from '../events/memory-event-bus.js';
import type { QueueMessage } from '../ports/queue.js';
import { createSqliteQueue } from '../queue/sqlite-queue.js';
import { eventually, metricSample, tempSqliteStore } from '../testing/index.js';
import { instrumentEventBus } from './instrumented-events.js';
import { createMetrics } from './metrics.js';
import { inSpan, parentFrom, traceLogFields, traceparentOf } from './trace-context.js';
import { tracedQueue } from './traced-queue.js';
import { createTracing } from './tracing.js';

const exporter = new InMemorySpanExporter();
const tracing = await createTracing({ serviceName: 'test', exporter });
const { tracer } = tracing;
afterAll(() => tracing.shutdown());

const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
const callerParent = `00-${callerTrace}-00f067aa0ba902b7-01`;

describe('trace context', () => {
  it('continues the caller trace through a queue send and a delivery', async () => {
    const fixture = tempSqliteStore();
    const sut = tracedQueue(createSqliteQueue({ database: await fixture.open() }), tracer, 'test');
    const seen: QueueMessage[] = [];
    const consumer = sut.consume('jobs', async (m) => {
      seen.push(m);
    });
    await sut.send('jobs', { n: 1 }, { headers: { traceparent: callerParent, other: 'kept' } });
    await eventually(async () => expect(seen).toHaveLength(1), { timeoutMs: 5000 });
    await consumer.stop();
    await sut.close();
    await fixture.dispose();
    const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === callerTrace);
    const send = spans.find((s) => s.name === 'send jobs')!;
    const processed = spans.find((s) => s.name === 'process jobs')!;
    expect(send.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(processed.parentSpanContext?.spanId).toBe(send.spanContext().spanId);
    // The handler's traceparent names its own span, so what it sends on continues the trace.
    expect(seen[0]!.headers).toEqual({
      other: 'kept',
      traceparent: `00-${callerTrace}-${processed.spanContext().spanId}-01`,
    });
  });

  it('continues the trace from publisher to subscriber and marks a failing handler', async () => {
    const bus = instrumentEventBus(createMemoryEventBus({ onHandlerError: () => undefined }), {
      tracer,
      service: 'test',
    });
    bus.subscribe('thing.*', async () => {
      throw new Error('subscriber broke');
    });
    await bus.publish({
      id: 'evt_1',
      type: 'thing.done',
      version: 1,
      occurredAt: '',
      traceparent: callerParent,
      data: {},
    });
    const handled = await eventually(
      async () => {
        const span = exporter.getFinishedSpans().find((s) => s.name === 'handle thing.done');
        if (!span) throw new Error('not handled yet');
        return span;
      },
      { timeoutMs: 5000 },
    );
    const published = exporter.getFinishedSpans().find((s) => s.name === 'publish thing.done')!;
    expect(handled.spanContext().traceId).toBe(callerTrace);
    expect(handled.parentSpanContext?.spanId).toBe(published.spanContext().spanId);
    expect(handled.status.code).toBe(2);
    await bus.close();
  });

  it('starts a new trace from a malformed or all-zero traceparent', async () => {
    for (const given of ['00-abc', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`, 'garbage']) {
      const span = tracer.startSpan('x', {}, parentFrom(given));
      expect(traceparentOf(span)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(span.spanContext().traceId).not.toBe('0'.repeat(32));
      span.end();
    }
  });

  it('records nothing under a caller that did not sample, and passes that decision on', async () => {
    const unsampledTrace = '5bf92f3577b34da6a3ce929d0e0e4737';
    const unsampled = `00-${unsampledTrace}-00f067aa0ba902b8-00`;
    const fixture = tempSqliteStore();
    const sut = tracedQueue(createSqliteQueue({ database: await fixture.open() }), tracer, 'test');
    const seen: QueueMessage[] = [];
    const consumer = sut.consume('unsampled', async (m) => {
      seen.push(m);
    });
    const answer = await inSpan(tracer, 'work', {}, parentFrom(unsampled), async (span) => {
      await sut.send('unsampled', { n: 1 }, { headers: { traceparent: traceparentOf(span) } });
      return 'done';
    });
    await eventually(async () => expect(seen).toHaveLength(1), { timeoutMs: 5000 });
    await consumer.stop();
    await sut.close();
    await fixture.dispose();
    expect(answer).toBe('done');
    expect(seen[0]!.headers.traceparent).toMatch(new RegExp(`^00-${unsampledTrace}-[0-9a-f]{16}-00$`));
    const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === unsampledTrace);
    expect(spans).toEqual([]);
  });

  it('puts trace_id and span_id on log lines written inside a span, and nothing outside', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const logger = pino({ mixin: traceLogFields }, stream);
    logger.info({ a: 1 }, 'outside');
    const spanId = await inSpan(tracer, 'work', {}, parentFrom(callerParent), async (span) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info({ b: 2 }, 'inside');
      return span.spanContext().spanId;
    });
    expect(lines[0]).toMatchObject({ a: 1, msg: 'outside' });
    expect(lines[0]).not.toHaveProperty('trace_id');
    expect(lines[1]).toMatchObject({ b: 2, msg: 'inside', trace_id: callerTrace, span_id: spanId });
  });
});

describe('metrics', () => {
  it('reads queue depth and dead letters at scrape, and leaves a queue out while it fails', async () => {
    const fixture = tempSqliteStore();
    const store = await fixture.open();
    const queue = createSqliteQueue({ database: store });
    const errors: string[] = [];
    const sut = createMetrics({ process: 'test', onScrapeError: (_e, what) => errors.push(what) });
    sut.watchQueues(queue, ['a']);
    await queue.send('a', { n: 1 });
    await queue.send('a', { n: 2 });
    expect(metricSample(await sut.scrape(), 'concierge_queue_depth', { queue: 'a' })).toBe(2);
    expect(metricSample(await sut.scrape(), 'concierge_queue_dead_letters', { queue: 'a' })).toBe(0);
    await queue.close();
    store.raw.close();
    const text = await sut.scrape();
    await fixture.dispose();
    expect(metricSample(text, 'concierge_queue_depth', { queue: 'a' })).toBeUndefined();
    expect(errors).toContain('concierge_queue_depth a');
    expect(metricSample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('labels each answer with its route and status', async () => {
    const sut = createMetrics({ process: 'gateway' });
    const route = sut.route('catalog', 'listProducts', 'GET');
    route.observe(200, 0.003);
    route.observe(200, 0.2);
    route.observe(503, 0.001);
    const text = await sut.scrape();
    const ok = {
      service: 'catalog',
      operation: 'listProducts',
      method: 'GET',
      status: '200',
      process: 'gateway',
    };
    expect(metricSample(text, 'concierge_http_request_duration_seconds_count', ok)).toBe(2);
    expect(metricSample(text, 'concierge_http_request_duration_seconds_bucket', { ...ok, le: '0.005' })).toBe(
      1,
    );
    expect(metricSample(text, 'concierge_http_request_duration_seconds_count', { status: '503' })).toBe(1);
  });
});

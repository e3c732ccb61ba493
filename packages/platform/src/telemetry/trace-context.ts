// W3C trace context in the form our seams carry it: one `traceparent` string per request, message and event.
import {
  type Context,
  context,
  ROOT_CONTEXT,
  type Span,
  type SpanOptions,
  SpanStatusCode,
  TraceFlags,
  type Tracer,
  trace,
} from '@opentelemetry/api';

const traceparentPattern = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The remote parent a `traceparent` names, or the active context when it is absent or malformed. */
export function parentFrom(traceparent: string | undefined): Context {
  const match = traceparent ? traceparentPattern.exec(traceparent) : null;
  if (!match || /^0+$/.test(match[1]!) || /^0+$/.test(match[2]!)) return context.active();
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: match[1]!,
    spanId: match[2]!,
    traceFlags: Number.parseInt(match[3]!, 16),
    isRemote: true,
  });
}

/** The `traceparent` that makes `span` the parent of whatever receives it. */
export function traceparentOf(span: Span): string {
  const c = span.spanContext();
  return `00-${c.traceId}-${c.spanId}-${c.traceFlags.toString(16).padStart(2, '0')}`;
}

/** `trace_id` and `span_id` of the active span, for log lines (a pino mixin: pino merges into what it returns). */
export function traceLogFields(): Record<string, string> {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const c = span.spanContext();
  return { trace_id: c.traceId, span_id: c.spanId };
}

/**
 * The span of `parent` when it is valid and not sampled. Under parent-based sampling (what `createTracing`
 * sets up) none of its descendants is recorded, so there is nothing to start and no context to carry.
 */
function unsampledParent(parent: Context): Span | undefined {
  const span = trace.getSpan(parent);
  if (!span) return undefined;
  const c = span.spanContext();
  return (c.traceFlags & TraceFlags.SAMPLED) === 0 && trace.isSpanContextValid(c) ? span : undefined;
}

/**
 * Runs `fn` inside a new span (the active one while it runs) under `parent`; a throw marks the span
 * as failed and goes on.
 *
 * Under a parent that is not sampled, `fn` runs directly with the parent's own (non-recording) span: no
 * span is started and no context entered, so an unsampled request costs little more than an untraced one,
 * and what `fn` passes on (`traceparentOf(span)`) still says "not sampled" to the next process. Log lines
 * inside carry trace ids only for sampled work.
 */
export function inSpan<T>(
  tracer: Tracer,
  name: string,
  options: SpanOptions,
  parent: Context,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const unsampled = unsampledParent(parent);
  if (unsampled) return fn(unsampled);
  return inRecordedSpan(tracer, name, options, parent, fn);
}

async function inRecordedSpan<T>(
  tracer: Tracer,
  name: string,
  options: SpanOptions,
  parent: Context,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const span = tracer.startSpan(name, options, parent);
  try {
    return await context.with(trace.setSpan(parent, span), fn, undefined, span);
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
    throw error;
  } finally {
    span.end();
  }
}

// The OpenTelemetry tracer of one process: OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT, or a given exporter.
import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  type SpanExporter,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface TracingOptions {
  serviceName: string;
  /** OTLP/HTTP base URL (`/v1/traces` is appended), as OTEL_EXPORTER_OTLP_ENDPOINT means it. */
  endpoint?: string;
  /** Another exporter (tests use the SDK's InMemorySpanExporter); spans are then exported one by one. */
  exporter?: SpanExporter;
  /** Share of new traces recorded (children follow their parent's decision). Default 1. */
  sampleRatio?: number;
  /** Each export is abandoned after this long. Default 10 s. */
  exportTimeoutMs?: number;
}

export interface Tracing {
  tracer: Tracer;
  /** Exports what is buffered. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Registers the provider globally too, so the AsyncLocalStorage context manager carries the active span
 * through awaits (log lines read it) and libraries using the global API join the same traces.
 */
export function createTracing(options: TracingOptions): Tracing {
  const exporter =
    options.exporter ??
    new OTLPTraceExporter({
      ...(options.endpoint ? { url: `${options.endpoint.replace(/\/$/, '')}/v1/traces` } : {}),
      timeoutMillis: options.exportTimeoutMs ?? 10_000,
    });
  const processor = options.exporter
    ? new SimpleSpanProcessor(exporter)
    : new BatchSpanProcessor(exporter, { maxQueueSize: 4096, exportTimeoutMillis: options.exportTimeoutMs });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(options.sampleRatio ?? 1) }),
    spanProcessors: [processor],
  });
  provider.register();
  return {
    tracer: provider.getTracer('concierge'),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

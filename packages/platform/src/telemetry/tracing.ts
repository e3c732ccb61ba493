// The OpenTelemetry tracer of one process: OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT, or a given exporter.
// The SDK is imported when tracing is turned on, so a process without it neither loads nor evaluates it.
import type { Tracer } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

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
export async function createTracing(options: TracingOptions): Promise<Tracing> {
  const [{ OTLPTraceExporter }, { resourceFromAttributes }, base, { NodeTracerProvider }] = await Promise.all(
    [
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/sdk-trace-node'),
    ],
  );
  const { BatchSpanProcessor, ParentBasedSampler, SimpleSpanProcessor, TraceIdRatioBasedSampler } = base;
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

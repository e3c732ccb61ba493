// A process's metrics and traces from the configuration, and the wrappers that put them on its parts.
import type { GatewayTelemetry } from '@concierge/gateway';
import {
  type ConciergeConfig,
  createMetrics,
  createTracing,
  type EventBus,
  type EventEnvelope,
  instrumentEventBus,
  type Logger,
  type Metrics,
  type OpsServer,
  type Queue,
  type ServiceModule,
  startOpsServer,
  type Tracing,
  tracedModule,
  tracedQueue,
  traceLogFields,
} from '@concierge/platform';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

export interface Telemetry {
  metrics: Metrics | undefined;
  tracing: Tracing | undefined;
  /** What the gateway installs per route; undefined when neither metrics nor traces are on. */
  gateway: GatewayTelemetry | undefined;
  /** For the root logger: `trace_id` and `span_id` on every line written inside a span. */
  logMixin: (() => object) | undefined;
  queue(queue: Queue, service: string): Queue;
  events(bus: EventBus, service: string): EventBus;
  module(module: ServiceModule): ServiceModule;
  /** Times each `parse` of an NLU model into the NLU latency histogram. */
  model<M extends { parse(...args: never[]): unknown }>(model: M): M;
  /** Serves `/metrics`, `/healthz`, `/readyz` on the operator port when one is configured. */
  serve(logger: Logger, ready: () => Promise<void>): Promise<OpsServer | undefined>;
  shutdown(): Promise<void>;
}

const settledTypes = new Set(['order.confirmed', 'order.failed', 'order.cancelled']);

/** `exporter` replaces OTLP (tests); it also turns tracing on without an endpoint. */
export async function createTelemetry(config: ConciergeConfig, exporter?: SpanExporter): Promise<Telemetry> {
  const { telemetry } = config;
  const process = config.services.join(',');
  const metrics = telemetry.metricsPort === undefined ? undefined : createMetrics({ process });
  const tracing =
    telemetry.otlpEndpoint || exporter
      ? await createTracing({
          serviceName: telemetry.serviceName ?? (process === 'all' ? 'concierge' : `concierge-${process}`),
          ...(telemetry.otlpEndpoint ? { endpoint: telemetry.otlpEndpoint } : {}),
          ...(exporter ? { exporter } : {}),
          sampleRatio: telemetry.sampleRatio,
        })
      : undefined;
  const tracer = tracing?.tracer;
  const published = metrics
    ? (event: EventEnvelope) => {
        if (!settledTypes.has(event.type)) return;
        const reason = (event.data as { reason?: unknown } | null)?.reason;
        metrics.orderSettled(
          event.type.slice('order.'.length),
          typeof reason === 'string' ? reason : undefined,
        );
      }
    : undefined;
  return {
    metrics,
    tracing,
    gateway:
      metrics || tracer
        ? {
            ...(metrics ? { route: metrics.route.bind(metrics) } : {}),
            ...(tracer ? { tracer } : {}),
          }
        : undefined,
    logMixin: tracer ? traceLogFields : undefined,
    queue: (queue, service) => (tracer ? tracedQueue(queue, tracer, service) : queue),
    events: (bus, service) =>
      tracer || published
        ? instrumentEventBus(bus, {
            service,
            ...(tracer ? { tracer } : {}),
            ...(published ? { published } : {}),
          })
        : bus,
    module: (module) => (tracer ? tracedModule(module, tracer) : module),
    model<M extends { parse(...args: never[]): unknown }>(model: M): M {
      if (!metrics) return model;
      const timed = Object.create(model) as M;
      timed.parse = ((...args: never[]) => {
        const started = performance.now();
        try {
          return model.parse(...args);
        } finally {
          metrics.nluParsed((performance.now() - started) / 1000);
        }
      }) as M['parse'];
      return timed;
    },
    async serve(logger, ready) {
      if (!metrics || telemetry.metricsPort === undefined) return undefined;
      return startOpsServer({
        host: telemetry.metricsHost,
        port: telemetry.metricsPort,
        metrics,
        ready,
        onError: (err) => logger.error({ err }, 'metrics scrape failed'),
      });
    },
    async shutdown() {
      await tracing?.shutdown();
    },
  };
}

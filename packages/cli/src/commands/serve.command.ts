// `concierge start` with CONCIERGE_SERVICES naming services (distributed mode): this process runs those
// services only, migrates their schemas, serves its HTTP side, and drains on SIGINT/SIGTERM.
import { type ConciergeConfig, createLogger, createShutdown, flushLogger } from '@concierge/platform';
import { assembleServiceProcess } from '../roots/distributed.root.js';
import { createTelemetry } from '../roots/telemetry.root.js';
import { say } from './console.js';

export async function serveServices(config: ConciergeConfig): Promise<void> {
  const started = Date.now();
  const telemetry = await createTelemetry(config);
  const logger = createLogger({
    level: config.log.level,
    format: config.log.format,
    name: config.services.join('+'),
    ...(telemetry.logMixin ? { mixin: telemetry.logMixin } : {}),
  });
  const process_ = await assembleServiceProcess(config, logger, telemetry);
  const shutdown = createShutdown({ logger, timeoutMs: config.shutdownTimeoutMs });
  shutdown.installSignalHandlers();
  shutdown.add('stop consumers and leave the balancer', () => process_.stop());
  shutdown.add('stop accepting and drain http', () => process_.closeHttp());
  shutdown.add('close stores and connections', () => process_.close());
  shutdown.add('export the last spans', () => telemetry.shutdown());
  shutdown.add('flush logs', () => flushLogger(logger));
  try {
    for (const set of process_.migrations) await process_.store.migrate(set);
    await process_.start();
    const port = await process_.listen(config.http.host, config.http.port);
    const ops = await telemetry.serve(logger, async () => {
      for (const r of process_.readiness) await r.check();
    });
    if (ops) shutdown.add('close the operator port', () => ops.close());
    say(
      `concierge ${process_.roles.join('+')} ready on ${config.http.host}:${port} in ${Date.now() - started} ms`,
    );
  } catch (error) {
    await shutdown.run('start failed');
    throw error;
  }
}

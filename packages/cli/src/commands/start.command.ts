// `concierge start`: migrate, optionally seed, serve the gateway, print where to look; drain on SIGINT/SIGTERM.
import { createShutdown, flushLogger, loadConfig } from '@concierge/platform';
import { demoAccounts, demoPassword, seedDemoAccounts } from '../roots/demo-accounts.js';
import { migrateAll } from '../roots/embedded.root.js';
import { buildSystemGateway } from '../roots/system-gateway.js';
import { progress, say } from './console.js';
import { serveServices } from './serve.command.js';
import { setup } from './setup.js';

async function ready(checks: { check(): Promise<void> }[]): Promise<void> {
  await Promise.all(checks.map((c) => c.check()));
}

export interface StartOptions {
  seedIfEmpty?: boolean;
  /** The program's entry module, which the embedded mode starts again as its background thread. */
  backgroundEntry?: URL;
}

export async function startCommand(opts: StartOptions): Promise<void> {
  const services = loadConfig(process.env).services;
  // Named services: one process of the distributed topology (see docs/distributed.md).
  if (!(services.length === 1 && services[0] === 'all')) return serveServices(loadConfig(process.env));
  const started = Date.now();
  const { config, logger, system } = await setup({
    serving: true,
    ...(opts.backgroundEntry ? { backgroundEntry: opts.backgroundEntry } : {}),
  });
  const shutdown = createShutdown({ logger, timeoutMs: config.shutdownTimeoutMs });
  shutdown.installSignalHandlers();
  try {
    say(`Concierge (${config.mode} mode) starting; data in ${config.dataDir}`);
    await migrateAll(system);
    if (opts.seedIfEmpty) {
      const seeded = await system.catalog.seed({
        reset: false,
        onProgress: progress('  seeding the demo catalog'),
      });
      if (seeded.seeded) say(`  seeded ${seeded.products} products and ${seeded.restaurants} restaurants`);
      if ((await seedDemoAccounts(system.identity.identity)) > 0) {
        say(`  demo accounts: ${demoAccounts.map((a) => a.email).join(', ')} (password ${demoPassword})`);
      }
    }
    await system.start();
    const gateway = await buildSystemGateway(system, logger);
    shutdown.add('stop consumers and live streams', async () => {
      gateway.drain();
      await system.stop();
    });
    shutdown.add('stop accepting and drain http', () => gateway.app.close());
    shutdown.add('close stores', () => system.close());
    if (system.telemetry) shutdown.add('export the last spans', () => system.telemetry!.shutdown());
    shutdown.add('flush logs', () => flushLogger(logger));
    await gateway.app.listen({ host: config.http.host, port: config.http.port });
    const address = gateway.app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.http.port;
    const url = config.http.publicUrl ?? `http://localhost:${port}`;
    const ops = await system.telemetry?.serve(logger, () => ready(system.readiness));
    if (ops) shutdown.add('close the operator port', () => ops.close());
    say(`Concierge is ready in ${Date.now() - started} ms.`);
    say(`  Open ${url}  (API reference: ${url}/docs, health: ${url}/readyz)`);
    if (ops) say(`  Metrics: ${ops.url}/metrics (operator port)`);
    say('  Logs: this terminal (CONCIERGE_LOG_FORMAT=json for machine-readable). Stop with Ctrl+C.');
  } catch (error) {
    await shutdown.run('start failed');
    throw error;
  }
}

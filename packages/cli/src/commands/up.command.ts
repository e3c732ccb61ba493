// `concierge up --distributed`: runs the distributed topology on this machine until Ctrl+C; SIGHUP rolls a
// restart of the gateways and workers without dropping requests.
import { createLogger, createShutdown, flushLogger, loadConfig } from '@concierge/platform';
import { startTopology } from '../distributed/topology.js';
import { demoAccounts, demoPassword, seedDemoAccounts } from '../roots/demo-accounts.js';
import { assembleSystem, migrateAll } from '../roots/embedded.root.js';
import { say } from './console.js';

export interface UpOptions {
  distributed?: boolean;
  seedIfEmpty?: boolean;
  gateways: string;
  workers: string;
}

export async function upCommand(opts: UpOptions): Promise<void> {
  if (!opts.distributed)
    throw new Error('`concierge up` needs --distributed (use `concierge start` for one process)');
  const config = loadConfig({ CONCIERGE_MODE: 'distributed', ...process.env });
  const gateways = Number(opts.gateways);
  const workers = Number(opts.workers);
  if (!Number.isInteger(gateways) || gateways < 1) throw new Error('--gateways must be a whole number ≥ 1');
  if (!Number.isInteger(workers) || workers < 0) throw new Error('--workers must be a whole number ≥ 0');
  const logger = createLogger({ level: config.log.level, format: config.log.format, name: 'up' });
  const shutdown = createShutdown({ logger, timeoutMs: config.shutdownTimeoutMs + 30_000 });
  shutdown.installSignalHandlers();
  if (opts.seedIfEmpty) {
    // Migrate and seed once, from here, before the services start.
    const system = await assembleSystem(config, logger);
    try {
      await migrateAll(system);
      const seeded = await system.catalog.seed({ reset: false });
      if (seeded.seeded) say(`  seeded ${seeded.products} products and ${seeded.restaurants} restaurants`);
      if ((await seedDemoAccounts(system.identity.identity)) > 0)
        say(`  demo accounts: ${demoAccounts.map((a) => a.email).join(', ')} (password ${demoPassword})`);
    } finally {
      await system.close();
    }
  }
  say(`Starting the distributed topology: ${gateways} gateway(s), ${workers} worker(s), 4 services...`);
  const topology = await startTopology({
    config,
    logger,
    gateways,
    workers,
    port: config.http.port,
    host: config.http.host,
  });
  shutdown.add('stop the topology', () => topology.stop());
  shutdown.add('flush logs', () => flushLogger(logger));
  let restarting = false;
  process.on('SIGHUP', () => {
    if (restarting) return;
    restarting = true;
    say('Rolling restart...');
    topology
      .rollingRestart()
      .then(() => say('Rolling restart done.'))
      .catch((error) => logger.error({ err: error }, 'rolling restart failed'))
      .finally(() => {
        restarting = false;
      });
  });
  for (const m of topology.members()) say(`  ${m.name.padEnd(18)} pid ${m.pid}  port ${m.port}`);
  say(`Concierge (distributed) is ready at ${topology.url}  (SIGHUP: rolling restart; Ctrl+C: stop)`);
}

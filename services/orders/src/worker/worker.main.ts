// Standalone payment worker over an embedded SQLite file: `node --import tsx worker.main.ts <file> [concurrency] [visibilityMs]`.
import { createCatalogService } from '@concierge/catalog';
import {
  createLogger,
  createMemoryEventBus,
  createSqliteQueue,
  createSqliteStore,
} from '@concierge/platform';
import { createInProcessCatalogClient } from '../catalog/in-process-catalog.client.js';
import { createOrdersService } from '../index.js';
import { createSandboxProcessor } from '../payments/sandbox.processor.js';
import { defaultWorkerOptions } from './order.worker.js';

const [file, concurrency = '8', visibilityMs = '60000'] = process.argv.slice(2);
if (!file) throw new Error('usage: worker.main.ts <sqlite file> [concurrency] [visibilityMs]');

const logger = createLogger({ level: 'warn', format: 'json', name: 'orders-worker' });
const store = createSqliteStore({ file });
const queue = createSqliteQueue({ database: store, logger });
// Events this process commits go out through the relays of the process that serves checkouts.
const events = createMemoryEventBus({
  onHandlerError: (err) => logger.error({ err }, 'event handler failed'),
});
const catalog = createCatalogService({ store });
const payments = createSandboxProcessor({ store });
const orders = createOrdersService({
  store,
  queue,
  events,
  payments,
  logger,
  catalog: createInProcessCatalogClient(catalog.module),
  options: {
    worker: {
      ...defaultWorkerOptions,
      concurrency: Number(concurrency),
      visibilityTimeoutMs: Number(visibilityMs),
    },
  },
});
for (const set of [catalog.migrations, payments.migrations, orders.migrations]) await store.migrate(set);
orders.worker.start();
process.stdout.write(`ready ${process.pid}\n`);

async function shutdown() {
  await orders.worker.stop();
  await queue.close();
  await store.close();
  process.exit(0);
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

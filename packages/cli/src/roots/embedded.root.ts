// Composition root of the embedded mode: every service in one process around one SQLite file.
import { createCatalogService } from '@concierge/catalog';
import type { ReadinessCheck } from '@concierge/gateway';
import type {
  ConciergeConfig,
  Logger,
  ServiceMigrations,
  ServiceModule,
  SqlStore,
} from '@concierge/platform';
import { createStore } from './adapters.js';

export interface System {
  store: SqlStore;
  services: ServiceModule[];
  migrations: ServiceMigrations[];
  readiness: ReadinessCheck[];
  catalog: ReturnType<typeof createCatalogService>;
  close(): Promise<void>;
}

export function assembleSystem(config: ConciergeConfig, logger: Logger): System {
  const store = createStore(config);
  const catalog = createCatalogService({ store });
  return {
    store,
    catalog,
    services: [catalog.module],
    migrations: [catalog.migrations],
    readiness: [{ name: 'store', check: () => store.check() }],
    close: () => store.close(),
  };
}

/** Applies every service's pending migrations; returns what was applied per service. */
export async function migrateAll(system: System): Promise<Record<string, string[]>> {
  const applied: Record<string, string[]> = {};
  for (const set of system.migrations) applied[set.service] = (await system.store.migrate(set)).applied;
  return applied;
}

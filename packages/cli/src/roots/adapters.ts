// Picks the adapters named by the validated configuration.
import { type ConciergeConfig, createSqliteStore, type SqlStore } from '@concierge/platform';

export function createStore(config: ConciergeConfig): SqlStore {
  return createSqliteStore({ file: config.store.sqliteFile });
}

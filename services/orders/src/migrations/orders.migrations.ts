// The orders migration set, applied by the store with its own history table (`orders_migration`).
import type { ServiceMigrations } from '@concierge/platform';
import { orders0001 } from './0001_orders.js';

export const ordersMigrations: ServiceMigrations = {
  service: 'orders',
  migrations: { '0001_orders': orders0001 },
};

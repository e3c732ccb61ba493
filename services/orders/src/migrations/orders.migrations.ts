// The orders migration set, applied by the store with its own history table (`orders_migration`).
import type { ServiceMigrations } from '@concierge/platform';
import { orders0001 } from './0001_orders.js';
import { orders0002 } from './0002_retention.js';

export const ordersMigrations: ServiceMigrations = {
  service: 'orders',
  migrations: { '0001_orders': orders0001, '0002_retention': orders0002 },
};

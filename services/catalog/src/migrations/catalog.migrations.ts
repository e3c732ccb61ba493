// The catalog's migration set, applied by the store with its own history table (`catalog_migration`).
import type { ServiceMigrations } from '@concierge/platform';
import { catalog0001 } from './0001_catalog.js';
import { catalog0002 } from './0002_stock_reservation.js';
import { catalog0003 } from './0003_booking.js';

export const catalogMigrations: ServiceMigrations = {
  service: 'catalog',
  migrations: {
    '0001_catalog': catalog0001,
    '0002_stock_reservation': catalog0002,
    '0003_booking': catalog0003,
  },
};

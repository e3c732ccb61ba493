// The notifications migration set, applied by the store with its own history table.
import type { ServiceMigrations } from '@concierge/platform';
import { notifications0001 } from './0001_notifications.js';

export const notificationsMigrations: ServiceMigrations = {
  service: 'notifications',
  migrations: { '0001_notifications': notifications0001 },
};

// The API keys' migrations, kept in their own history table.
import type { ServiceMigrations } from '@concierge/platform';
import { apiKeys } from './0001_api_keys.js';
import { apiKeyUsage } from './0002_api_key_usage.js';

export const apiKeyMigrations: ServiceMigrations = {
  service: 'identity_api_keys',
  migrations: { '0001_api_keys': apiKeys, '0002_api_key_usage': apiKeyUsage },
};

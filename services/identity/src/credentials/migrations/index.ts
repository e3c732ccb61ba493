// The credential broker's migrations, kept in their own history table.
import type { ServiceMigrations } from '@concierge/platform';
import { identitiesAndCredentials } from './0001_identities_and_credentials.js';
import { credentialEmail } from './0002_credential_email.js';

export const credentialMigrations: ServiceMigrations = {
  service: 'identity_credentials',
  migrations: {
    '0001_identities_and_credentials': identitiesAndCredentials,
    '0002_credential_email': credentialEmail,
  },
};

// Who callers are until the identity service lands: the demo user, and only on a loopback address.
import { type Authenticator, demoAuthenticator } from '@concierge/gateway';
import type { ConciergeConfig } from '@concierge/platform';

export const demoCaller = { userId: 'usr_demo', roles: ['customer', 'operator'], via: 'demo' as const };

const loopback = new Set(['127.0.0.1', '::1', 'localhost']);

export function chooseAuthenticator(config: ConciergeConfig): Authenticator {
  if (loopback.has(config.http.host)) return demoAuthenticator(demoCaller);
  return { authenticate: async () => null };
}

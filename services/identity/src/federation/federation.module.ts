// Wires outside sign-in over the identity store and the account services.
import type { SqlStore } from '@concierge/platform';
import type { Kysely } from 'kysely';
import type { Identity } from '../accounts/identity.module.js';
import type { IdentityDatabase } from '../accounts/identity.schema.js';
import { FederationService } from './federation.service.js';
import { FederationFlowRepository } from './federation-flow.repository.js';
import { type OutsideProvider, type OutsideProviderOptions, outsideProviders } from './outside-provider.js';

export interface FederationOptions extends OutsideProviderOptions {
  providers: OutsideProvider[];
  store: SqlStore;
  identity: Pick<Identity, 'repository' | 'sessions'>;
  /** Origin the browser sees, e.g. `https://concierge.example.com`. */
  publicBaseUrl: string;
  defaultRoles?: string[];
}

/** @example const federation = createFederation({ providers, store, identity, publicBaseUrl }); */
export function createFederation(options: FederationOptions): FederationService {
  return new FederationService({
    providers: outsideProviders(options.providers, options),
    flows: new FederationFlowRepository(options.store.db as Kysely<IdentityDatabase>),
    accounts: options.identity.repository,
    sessions: options.identity.sessions,
    publicBaseUrl: options.publicBaseUrl.replace(/\/$/, ''),
    defaultRoles: options.defaultRoles ?? ['customer'],
  });
}

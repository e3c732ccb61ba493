// Outside OpenID Connect providers (Google, Keycloak, Auth0 …): their configuration and cached discovery.
import { AppError } from '@concierge/platform';
import * as client from 'openid-client';

export interface OutsideProvider {
  /** The path segment in `/v1/auth/federated/{name}/…`, e.g. `google`. */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Default `openid email profile`. */
  scope?: string;
}

export interface OutsideProviderOptions {
  /** Seconds for every request to the provider (discovery, token, JWKS); default 10. */
  timeoutSeconds?: number;
  /** Allow http:// issuers; for tests and a local Keycloak only. */
  allowInsecureHttp?: boolean;
}

/** Discovers each provider on first use and remembers it; a failed discovery is retried on the next sign-in. */
export function outsideProviders(providers: OutsideProvider[], options: OutsideProviderOptions) {
  const byName = new Map(providers.map((p) => [p.name, p]));
  const discovered = new Map<string, Promise<client.Configuration>>();
  return {
    get(name: string): OutsideProvider {
      const provider = byName.get(name);
      if (!provider) throw AppError.notFound(`the sign-in provider ${name}`);
      return provider;
    },
    config(provider: OutsideProvider): Promise<client.Configuration> {
      let config = discovered.get(provider.name);
      if (!config) {
        config = client
          .discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, {
            timeout: options.timeoutSeconds ?? 10,
            ...(options.allowInsecureHttp ? { execute: [client.allowInsecureRequests] } : {}),
          })
          .catch((error: unknown) => {
            discovered.delete(provider.name);
            throw new AppError('unavailable', `The sign-in provider ${provider.name} cannot be reached`, {
              code: 'PROVIDER_UNAVAILABLE',
              cause: error,
            });
          });
        discovered.set(provider.name, config);
      }
      return config;
    },
  };
}

export type OutsideProviders = ReturnType<typeof outsideProviders>;

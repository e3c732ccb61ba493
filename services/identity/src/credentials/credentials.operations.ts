// The credential exchange operations: our own `getCredentials`, and Cognito's GetId and
// GetCredentialsForIdentity with their PascalCase shapes for clients written against an identity pool.
import { AppError, type Caller, type OperationHandler, ok } from '@concierge/platform';
import type { CredentialBroker, VerifiedIdentity } from './credential.broker.js';
import type { IdTokenVerifier } from './id-token.verifier.js';

export interface CredentialOperationsOptions {
  broker: CredentialBroker;
  /** The pool id clients pass as `IdentityPoolId`. */
  identityPoolId: string;
  /** ID token verifiers by provider name (issuer host and path, the keys of `Logins`). */
  providers: Record<string, IdTokenVerifier>;
  /** The provider name recorded for bearer callers of `getCredentials`, whose token the gateway verified. */
  bearerProvider: string;
  /** False for a user whose account is disabled or gone: no credentials for them, whatever token they hold. */
  accountActive?: (userId: string) => Promise<boolean>;
}

type Logins = Record<string, string> | undefined;

export function credentialOperations(options: CredentialOperationsOptions): Record<string, OperationHandler> {
  const { broker } = options;

  async function active(identity: VerifiedIdentity): Promise<VerifiedIdentity> {
    if (options.accountActive && !(await options.accountActive(identity.userId))) {
      throw new AppError('forbidden', 'This account is disabled', { code: 'USER_DISABLED' });
    }
    return identity;
  }

  async function fromLogins(logins: Logins): Promise<VerifiedIdentity | undefined> {
    const entries = Object.entries(logins ?? {});
    if (entries.length === 0) return undefined;
    if (entries.length > 1) throw AppError.invalid('Send one login at a time');
    const [provider, token] = entries[0]!;
    const verifier = options.providers[provider];
    if (!verifier) {
      throw new AppError('unauthenticated', `Unknown login provider ${provider}`, { code: 'UNAUTHORIZED' });
    }
    const claims = await verifier.verify(token);
    return active({
      provider,
      subject: claims.sub,
      userId: claims.sub,
      roles: claims.roles,
      ...(claims.email ? { email: claims.email } : {}),
    });
  }

  function bearerIdentity(caller: Caller | null): VerifiedIdentity {
    if (!caller || (caller.via !== 'jwt' && caller.via !== 'session')) {
      throw new AppError('unauthenticated', 'Exchange an ID token: send it as a bearer token', {
        code: 'UNAUTHORIZED',
      });
    }
    const p = options.bearerProvider;
    return {
      provider: p,
      subject: caller.userId,
      userId: caller.userId,
      roles: caller.roles,
      ...(caller.email ? { email: caller.email } : {}),
    };
  }

  return {
    getCredentials: async (request) => {
      const body = (request.body ?? {}) as { durationSeconds?: number };
      const issued = await broker.issue(await active(bearerIdentity(request.caller)), body.durationSeconds);
      return ok({
        identityId: issued.identityId,
        credentials: {
          accessKeyId: issued.accessKeyId,
          secretAccessKey: issued.secretAccessKey,
          sessionToken: issued.sessionToken,
          expiration: issued.expiration.toISOString(),
        },
      });
    },

    getId: async (request) => {
      const body = request.body as { IdentityPoolId: string; Logins?: Record<string, string> };
      if (body.IdentityPoolId !== options.identityPoolId)
        throw AppError.notFound(`identity pool ${body.IdentityPoolId}`);
      const identity = await fromLogins(body.Logins);
      return ok({
        IdentityId: identity ? await broker.identityId(identity) : await broker.guestIdentityId(),
      });
    },

    getCredentialsForIdentity: async (request) => {
      const body = request.body as { IdentityId: string; Logins?: Record<string, string> };
      const issued = await broker.issueForIdentity(body.IdentityId, await fromLogins(body.Logins));
      return ok({
        IdentityId: issued.identityId,
        Credentials: {
          AccessKeyId: issued.accessKeyId,
          SecretKey: issued.secretAccessKey,
          SessionToken: issued.sessionToken,
          Expiration: Math.floor(issued.expiration.getTime() / 1000),
        },
      });
    },
  };
}

// Signs ID and access tokens for `signIn` with the provider's current key, so one JWT verifier serves both paths.
import { randomUUID } from 'node:crypto';
import { importJWK, type JWK, SignJWT } from 'jose';
import { type PrivateJwks, signingAlg } from './signing-keys.js';

export interface TokenSubject {
  id: string;
  email: string;
  emailVerified: boolean;
  name: string | null;
  roles: string[];
}

export interface TokenIssuerOptions {
  /** The provider's issuer, e.g. `https://concierge.example.com/oidc`. */
  issuer: string;
  keys: PrivateJwks;
  /** `aud` of ID tokens: the first-party client, as if it had signed in through the provider. */
  clientId: string;
  /** `aud` of access tokens: the API resource. */
  apiAudience: string;
  tokenTtlSeconds: number;
}

export interface IssuedTokens {
  idToken: string;
  accessToken: string;
  expiresIn: number;
}

export interface TokenIssuer {
  issue(subject: TokenSubject): Promise<IssuedTokens>;
}

/** @example const tokens = await createTokenIssuer(options).issue(account); */
export function createTokenIssuer(options: TokenIssuerOptions): TokenIssuer {
  const current = options.keys.keys[0] as JWK;
  const key = importJWK(current, signingAlg);
  const sign = async (claims: Record<string, unknown>, typ: string, audience: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: signingAlg, kid: current.kid as string, typ })
      .setIssuer(options.issuer)
      .setSubject(claims.sub as string)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${options.tokenTtlSeconds}s`)
      .setJti(randomUUID())
      .sign(await key);
  return {
    async issue(subject) {
      const now = Math.floor(Date.now() / 1000);
      const idToken = await sign(
        {
          sub: subject.id,
          auth_time: now,
          email: subject.email,
          email_verified: subject.emailVerified,
          ...(subject.name ? { name: subject.name } : {}),
          roles: subject.roles,
        },
        'JWT',
        options.clientId,
      );
      const accessToken = await sign(
        {
          sub: subject.id,
          client_id: options.clientId,
          scope: 'openid email profile',
          roles: subject.roles,
          email: subject.email,
        },
        'at+jwt',
        options.apiAudience,
      );
      return { idToken, accessToken, expiresIn: options.tokenTtlSeconds };
    },
  };
}

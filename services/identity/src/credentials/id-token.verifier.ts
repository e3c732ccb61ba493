// Verifies OpenID Connect ID tokens with jose: pinned issuer, audience and asymmetric algorithms only
// (RFC 8725), keys from a local set or the issuer's JWKS URL, verified tokens remembered until they expire.
import { AppError } from '@concierge/platform';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
} from 'jose';

export type IdTokenAlgorithm = 'RS256' | 'ES256' | 'EdDSA';

export interface IdTokenClaims extends JWTPayload {
  sub: string;
  email?: string;
  /** From `rolesClaim`; empty when the token names none. */
  roles: string[];
}

export interface IdTokenVerifier {
  /** Throws AppError UNAUTHORIZED (401) for any token that is not valid now. */
  verify(token: string): Promise<IdTokenClaims>;
}

export interface IdTokenVerifierOptions {
  issuer: string;
  audience: string | string[];
  /** The key set itself, or the issuer's JWKS URL (fetched and cached by jose). */
  jwks: JSONWebKeySet | URL;
  algorithms?: IdTokenAlgorithm[];
  /** The claim holding the user's roles; Cognito user pools use `cognito:groups`. */
  rolesClaim?: string;
  clockToleranceSeconds?: number;
  cacheSize?: number;
  now?: () => number;
}

const allowed = new Set<string>(['RS256', 'ES256', 'EdDSA']);

function unauthorized(reason: string): AppError {
  return new AppError('unauthenticated', 'The ID token is invalid or expired', {
    code: 'UNAUTHORIZED',
    details: { reason },
  });
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `claim:${error.claim}`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  return 'malformed';
}

/**
 * @example
 * const verifier = createIdTokenVerifier({ issuer, audience: clientId, jwks: new URL(`${issuer}/.well-known/jwks.json`) });
 * const { sub, roles } = await verifier.verify(idToken);
 */
export function createIdTokenVerifier(options: IdTokenVerifierOptions): IdTokenVerifier {
  const algorithms = options.algorithms ?? ['RS256', 'ES256', 'EdDSA'];
  const refused = algorithms.filter((a) => !allowed.has(a));
  if (refused.length > 0) throw new Error(`ID tokens may not use ${refused.join(', ')}`);
  const keys =
    options.jwks instanceof URL ? createRemoteJWKSet(options.jwks) : createLocalJWKSet(options.jwks);
  const now = options.now ?? Date.now;
  const rolesClaim = options.rolesClaim ?? 'roles';
  const maxCached = options.cacheSize ?? 10_000;
  // Keyed by the token's last characters (its signature) and compared in full on a hit: hashing the whole
  // token (about 800 characters) for the map on every request was the costliest part of a cache hit.
  const verified = new Map<string, { token: string; claims: IdTokenClaims }>();
  const keyOf = (token: string) => token.slice(-32);

  return {
    async verify(token) {
      const at = now();
      const key = keyOf(token);
      const hit = verified.get(key);
      if (hit?.token === token) {
        if ((hit.claims.exp ?? 0) * 1000 > at) return hit.claims;
        verified.delete(key);
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms,
          requiredClaims: ['sub', 'exp', 'iat'],
          clockTolerance: options.clockToleranceSeconds ?? 30,
          currentDate: new Date(at),
        }));
      } catch (error) {
        throw unauthorized(reasonOf(error));
      }
      const roles = payload[rolesClaim];
      const claims = {
        ...payload,
        sub: String(payload.sub),
        roles: Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [],
      };
      if (!verified.has(key) && verified.size >= maxCached)
        verified.delete(verified.keys().next().value as string);
      verified.set(key, { token, claims });
      return claims;
    },
  };
}

// The session token: an opaque sealed blob naming the access key it belongs to, so a token cannot be
// paired with another key even when it travels unsigned (API Gateway SDKs send it outside the signature).
import type { Sealer } from './sealer.js';

export interface SessionTokenClaims {
  accessKeyId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export function issueSessionToken(sealer: Sealer, claims: SessionTokenClaims): string {
  return `v1.${sealer.seal(JSON.stringify({ k: claims.accessKeyId, e: claims.expiresAt }))}`;
}

/** The claims, or undefined for anything this service did not issue. */
export function readSessionToken(sealer: Sealer, token: string): SessionTokenClaims | undefined {
  if (!token.startsWith('v1.')) return undefined;
  const opened = sealer.open(token.slice(3));
  if (!opened) return undefined;
  const { k, e } = JSON.parse(opened) as { k: unknown; e: unknown };
  return typeof k === 'string' && typeof e === 'number' ? { accessKeyId: k, expiresAt: e } : undefined;
}

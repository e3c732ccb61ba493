// Six-digit codes sent by mail: random, stored only as a keyed hash, compared in constant time.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * Salted with the account and purpose so a code hash from one row proves nothing about another.
 * Six digits fall to an offline search anyway; the attempt limit and expiry are what protect them.
 */
export function hashCode(accountId: string, purpose: string, code: string): string {
  return createHash('sha256').update(`${accountId}:${purpose}:${code}`).digest('base64url');
}

export function codeMatches(expectedHash: string, accountId: string, purpose: string, code: string): boolean {
  const a = Buffer.from(expectedHash);
  const b = Buffer.from(hashCode(accountId, purpose, code));
  return a.length === b.length && timingSafeEqual(a, b);
}

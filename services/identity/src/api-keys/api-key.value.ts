// API key values: shown once, stored only as a SHA-256 hash; a short prefix lets people tell keys apart.
import { createHash, randomBytes } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function base62(length: number): string {
  let out = '';
  while (out.length < length) {
    // 248 is the largest multiple of 62 below 256: rejecting bytes above it keeps every character equally likely.
    for (const byte of randomBytes(length * 2))
      if (byte < 248 && out.length < length) out += alphabet[byte % 62];
  }
  return out;
}

/** `ck_<8>_<32>`: about 190 bits of secret, and the first 11 characters as the visible prefix. */
export function newApiKeyValue(): { value: string; prefix: string } {
  const prefix = `ck_${base62(8)}`;
  return { value: `${prefix}_${base62(32)}`, prefix };
}

/** A fast hash is enough: the value is random and long, so there is nothing to brute-force from it. */
export function hashApiKey(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

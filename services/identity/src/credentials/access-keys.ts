// The shapes AWS gives temporary credentials: `ASIA` key ids, 40-character secrets, `region:uuid` identity ids.
import { randomBytes, randomUUID } from 'node:crypto';

const upperAlnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function pick(alphabet: string, length: number): string {
  // 252 is the largest multiple of 36 below 256: rejecting bytes above it keeps the choice unbiased.
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 252 && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** `ASIA` + 16 upper-case letters and digits, like STS temporary key ids. */
export function newAccessKeyId(): string {
  return `ASIA${pick(upperAlnum, 16)}`;
}

/** 40 characters of base64 (30 random bytes), the length and alphabet of AWS secret keys. */
export function newSecretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

export function newIdentityId(region: string): string {
  return `${region}:${randomUUID()}`;
}

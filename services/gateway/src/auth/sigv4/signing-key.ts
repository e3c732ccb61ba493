// Derives the SigV4 signing key with node:crypto, remembering it per secret so a burst from one caller
// costs one HMAC per request instead of five.
import { createHmac } from 'node:crypto';

export interface SigningKeyCache {
  get(secret: string, date: string, region: string, service: string): Buffer;
}

export function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

interface Derived {
  date: string;
  region: string;
  service: string;
  key: Buffer;
}

/**
 * The last key derived for each secret, at most `maxEntries` secrets (the oldest leave first). Keyed by the
 * secret alone: the lookup hands over the same string each time, whose hash V8 keeps, while a key built from
 * secret and scope would be a new string to hash on every request. A secret's scope changes once a day.
 */
export function createSigningKeyCache(maxEntries = 1000): SigningKeyCache {
  const keys = new Map<string, Derived>();
  return {
    get(secret, date, region, service) {
      const hit = keys.get(secret);
      if (hit && hit.date === date && hit.region === region && hit.service === service) return hit.key;
      const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
      keys.delete(secret);
      keys.set(secret, { date, region, service, key });
      if (keys.size > maxEntries) keys.delete(keys.keys().next().value as string);
      return key;
    },
  };
}

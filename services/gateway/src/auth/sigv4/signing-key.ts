// Derives the SigV4 signing key with node:crypto, remembering the last few so a burst from one
// caller costs one HMAC per request instead of five.
import { createHmac } from 'node:crypto';

export interface SigningKeyCache {
  get(secret: string, date: string, region: string, service: string): Buffer;
}

export function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** A bounded LRU of derived keys: Map keeps insertion order, so re-inserting on a hit makes it recent. */
export function createSigningKeyCache(maxEntries = 1000): SigningKeyCache {
  const keys = new Map<string, Buffer>();
  return {
    get(secret, date, region, service) {
      const id = `${date}/${region}/${service}/${secret}`;
      const hit = keys.get(id);
      if (hit) {
        keys.delete(id);
        keys.set(id, hit);
        return hit;
      }
      const derived = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
      keys.set(id, derived);
      if (keys.size > maxEntries) keys.delete(keys.keys().next().value as string);
      return derived;
    },
  };
}

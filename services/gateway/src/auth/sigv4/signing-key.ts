// Derives the SigV4 signing key with node:crypto, remembering it per secret so a burst from one caller
// costs one HMAC per request instead of five.
import { createHmac } from 'node:crypto';

export function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** A derived signing key, ready to sign string-to-signs with. */
export interface SigningKey {
  key: Buffer;
  /** `date/region/service/aws4_request`, as the string to sign names it. */
  scope: string;
  /** HMAC-SHA256 of `data` (UTF-8) under the key, as lower-case hex. */
  signHex(data: string): string;
}

export interface SigningKeyCache {
  get(secret: string, date: string, region: string, service: string): SigningKey;
}

interface Derived {
  date: string;
  region: string;
  service: string;
  signing: SigningKey;
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
      if (hit && hit.date === date && hit.region === region && hit.service === service) return hit.signing;
      const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
      const signing = {
        key,
        scope: `${date}/${region}/${service}/aws4_request`,
        signHex: (data: string) => createHmac('sha256', key).update(data, 'utf8').digest('hex'),
      };
      keys.delete(secret);
      keys.set(secret, { date, region, service, signing });
      if (keys.size > maxEntries) keys.delete(keys.keys().next().value as string);
      return signing;
    },
  };
}

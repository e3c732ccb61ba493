import { describe, expect, it } from 'vitest';
import { createSigningKeyCache, hmac } from './signing-key.js';

describe('the signing-key cache', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

  it('derives the key AWS documents, and signs with it', () => {
    const keys = createSigningKeyCache();
    const derived = keys.get(secret, '20120215', 'us-east-1', 'iam');
    expect(derived.key.toString('hex')).toBe(
      'f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d',
    );
    expect(derived.signHex('to sign')).toBe(hmac(derived.key, 'to sign').toString('hex'));
  });

  it('derives anew for another date, region or service of the same secret', () => {
    const keys = createSigningKeyCache();
    const first = keys.get(secret, '20261127', 'us-east-1', 'execute-api');
    expect(keys.get(secret, '20261127', 'us-east-1', 'execute-api')).toBe(first);
    for (const [date, region, service] of [
      ['20261128', 'us-east-1', 'execute-api'],
      ['20261127', 'eu-west-1', 'execute-api'],
      ['20261127', 'us-east-1', 's3'],
    ] as const) {
      const other = keys.get(secret, date, region, service);
      const expected = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
      expect(other.key.equals(expected)).toBe(true);
      expect(other.signHex('m')).not.toBe(first.signHex('m'));
    }
  });
});

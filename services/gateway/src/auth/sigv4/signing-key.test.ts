import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSigningKeyCache, hmac, prepareHmacSha256 } from './signing-key.js';

describe('HMAC-SHA256 over a prepared key', () => {
  it('equals createHmac for keys up to one block and messages of any length and script', () => {
    const messages = [
      '',
      'a',
      'AWS4-HMAC-SHA256\n20261127T120000Z\n20261127/us-east-1/execute-api/aws4_request\n' + 'f'.repeat(64),
      'x'.repeat(63),
      'x'.repeat(64),
      'x'.repeat(65),
      'é — 日本語 🙂',
      '🙂'.repeat(512), // 1024 UTF-16 units, 2048 bytes: the longest the scratch buffer takes
      'é'.repeat(1025), // past it: createHmac
      'y'.repeat(5000),
    ];
    for (const keyLength of [0, 1, 20, 32, 63, 64]) {
      const key = randomBytes(keyLength);
      const sign = prepareHmacSha256(key);
      for (const message of messages) {
        expect([keyLength, message.length, sign(message)]).toEqual([
          keyLength,
          message.length,
          createHmac('sha256', key).update(message, 'utf8').digest('hex'),
        ]);
      }
    }
  });

  it('keeps keys apart: one prepared key never signs with another’s pads', () => {
    const a = prepareHmacSha256(randomBytes(32));
    const bKey = randomBytes(32);
    const b = prepareHmacSha256(bKey);
    expect(a('same message')).not.toBe(b('same message'));
    expect(b('same message')).toBe(createHmac('sha256', bKey).update('same message').digest('hex'));
  });

  it('refuses a key longer than a block (HMAC would hash it first)', () => {
    expect(() => prepareHmacSha256(randomBytes(65))).toThrow();
  });
});

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

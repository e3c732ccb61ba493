// Webhook signatures: a receiver accepts exactly what was signed, recently, with its secret.
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature as sut } from './webhook-signature.js';

const secret = 'whsec_1';
const body = '{"id":"evt_1","type":"order.confirmed"}';
const now = 1_800_000_000;

describe('verifyWebhookSignature', () => {
  it('accepts a fresh signature of the exact body', () => {
    expect(sut(secret, signWebhook(secret, body, now), body, 300, now)).toBe(true);
  });

  it('has the documented header shape', () => {
    expect(signWebhook(secret, body, now)).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
  });

  it.each([
    ['a tampered body', signWebhook(secret, body, now), body.replace('confirmed', 'failed'), now],
    ['another secret', signWebhook('whsec_2', body, now), body, now],
    ['a stale timestamp', signWebhook(secret, body, now - 301), body, now],
    ['a timestamp from the future', signWebhook(secret, body, now + 301), body, now],
    [
      'a timestamp changed after signing',
      signWebhook(secret, body, now).replace(`t=${now}`, `t=${now - 1}`),
      body,
      now,
    ],
    ['no header', undefined, body, now],
    ['garbage', 'nonsense', body, now],
    ['a truncated signature', signWebhook(secret, body, now).slice(0, -2), body, now],
    ['a non-hex signature', `t=${now},v1=${'z'.repeat(64)}`, body, now],
  ])('rejects %s', (_name, header, received, at) => {
    expect(sut(secret, header, received, 300, at)).toBe(false);
  });

  it('accepts any of several v1 values (secret rotation)', () => {
    const old = signWebhook('whsec_old', body, now).split(',')[1];
    const header = `${signWebhook(secret, body, now)},${old}`;
    expect(sut('whsec_old', header, body, 300, now)).toBe(true);
    expect(sut(secret, header, body, 300, now)).toBe(true);
  });
});

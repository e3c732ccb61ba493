// Signs webhook bodies (HMAC-SHA256 over `timestamp.body`) and verifies them for receivers.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'concierge-signature';

function digest(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The `Concierge-Signature` value for `body` sent at `timestamp` (Unix seconds): `t=<unix>,v1=<hex>`. */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${digest(secret, timestamp, body)}`;
}

/**
 * True when `header` signs exactly `body` with `secret` and its timestamp is within `toleranceSec` of
 * now (a stale or future timestamp means a replay). Compares in constant time.
 * @example
 * app.post('/hooks', (req) => {
 *   if (!verifyWebhookSignature(secret, req.headers['concierge-signature'], rawBody, 300)) return 401;
 * });
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  toleranceSec: number,
  nowSec: number = Math.floor(Date.now() / 1000),
): boolean {
  if (!header) return false;
  const fields = new Map<string, string[]>();
  for (const pair of header.split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const key = pair.slice(0, at).trim();
    fields.set(key, [...(fields.get(key) ?? []), pair.slice(at + 1).trim()]);
  }
  const t = fields.get('t')?.[0];
  if (!t || !/^\d{1,12}$/.test(t)) return false;
  const timestamp = Number(t);
  if (Math.abs(nowSec - timestamp) > toleranceSec) return false;
  const expected = Buffer.from(digest(secret, timestamp, body), 'hex');
  // Several v1 values are allowed so a sender can sign with an old and a new secret while rotating.
  return (fields.get('v1') ?? []).some((candidate) => {
    const given = Buffer.from(candidate, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

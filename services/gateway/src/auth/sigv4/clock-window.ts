// When a signature may be used: 5 minutes either side of its date, or until a presigned URL expires.
import { invalidSignature, type SignatureParts } from './signature-parts.js';

const amzDatePattern = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

// The last date read: every request signed within the same second carries the same X-Amz-Date.
let lastDate = '';
let lastTime = 0;

export function parseAmzDate(value: string): number {
  if (value === lastDate) return lastTime;
  const m = amzDatePattern.exec(value);
  if (!m) throw invalidSignature('X-Amz-Date must look like 20261127T120000Z', 'malformed');
  const time = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  );
  lastDate = value;
  lastTime = time;
  return time;
}

/** Checks the window and answers until when the signature stays usable (the replay record's lifetime). */
export function checkWindow(parts: SignatureParts, now: number, skewMs: number): number {
  const signedAt = parseAmzDate(parts.amzDate);
  if (parts.amzDate.slice(0, 8) !== parts.scopeDate) {
    throw invalidSignature('The credential scope date differs from X-Amz-Date', 'scope');
  }
  if (signedAt > now + skewMs) {
    throw invalidSignature(
      'Signature not yet current: its date is more than 5 minutes ahead',
      'not_yet_valid',
    );
  }
  const usableUntil =
    parts.expiresSeconds === undefined ? signedAt + skewMs : signedAt + parts.expiresSeconds * 1000;
  if (now > usableUntil) {
    throw invalidSignature(
      parts.expiresSeconds === undefined
        ? 'Signature expired: its date is more than 5 minutes old'
        : 'The presigned URL has expired',
      'expired',
    );
  }
  return usableUntil;
}

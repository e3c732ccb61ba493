// Splits a text into SMS segments the way SNS (and the carriers behind it) bill them.

// GSM 03.38 default alphabet (one septet each) and its extension table (escape + char: two septets).
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const gsmExtension = new Set('\f^{}\\[~]|€');

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the whole text takes. */
  units: number;
  parts: string[];
}

const limits = { 'GSM-7': { single: 160, multi: 153 }, 'UCS-2': { single: 70, multi: 67 } } as const;

function isGsm(text: string): boolean {
  for (const ch of text) if (!gsmBasic.has(ch) && !gsmExtension.has(ch)) return false;
  return true;
}

/**
 * One part when the text fits a single message; otherwise parts of 153 septets / 67 code units (the
 * rest carries the concatenation header), never splitting an escaped character or a surrogate pair.
 * @example smsSegments('hello').parts.length // 1
 */
export function smsSegments(text: string): SmsSegments {
  const encoding: SmsEncoding = isGsm(text) ? 'GSM-7' : 'UCS-2';
  const size = (ch: string) => (encoding === 'GSM-7' ? (gsmExtension.has(ch) ? 2 : 1) : ch.length);
  const chars = [...text];
  const units = chars.reduce((n, ch) => n + size(ch), 0);
  const limit = limits[encoding];
  if (units <= limit.single) return { encoding, units, parts: text === '' ? [] : [text] };
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of chars) {
    if (used + size(ch) > limit.multi) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += ch;
    used += size(ch);
  }
  parts.push(current);
  return { encoding, units, parts };
}

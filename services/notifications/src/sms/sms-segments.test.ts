// SMS segmentation as SNS bills it: GSM-7 160/153 with two-septet extension characters, UCS-2 70/67.
import { describe, expect, it } from 'vitest';
import { smsSegments as sut } from './sms-segments.js';

const a = (n: number) => 'a'.repeat(n);

describe('smsSegments', () => {
  it.each([
    ['empty', '', 'GSM-7', 0, 0],
    ['one GSM char', 'a', 'GSM-7', 1, 1],
    ['160 GSM chars: one message', a(160), 'GSM-7', 160, 1],
    ['161 GSM chars: two parts of 153 + 8', a(161), 'GSM-7', 161, 2],
    ['306 GSM chars: exactly two parts', a(306), 'GSM-7', 306, 2],
    ['307 GSM chars: three parts', a(307), 'GSM-7', 307, 3],
    ['GSM accents stay GSM-7', 'Café è à ü £', 'GSM-7', 12, 1],
    ['extension chars count two: 80 × € is 160', '€'.repeat(80), 'GSM-7', 160, 1],
    ['extension chars count two: 159 + { is 161', `${a(159)}{`, 'GSM-7', 161, 2],
    ['70 UCS-2 chars: one message', `ж${a(69)}`, 'UCS-2', 70, 1],
    ['71 UCS-2 chars: two parts', `ж${a(70)}`, 'UCS-2', 71, 2],
    ['134 UCS-2 chars: two parts of 67', `ж${a(133)}`, 'UCS-2', 134, 2],
    ['135 UCS-2 chars: three parts', `ж${a(134)}`, 'UCS-2', 135, 3],
    ['an emoji is a surrogate pair: two units', '🌹', 'UCS-2', 2, 1],
    ['35 emoji fill one message', '🌹'.repeat(35), 'UCS-2', 70, 1],
    ['36 emoji need two parts', '🌹'.repeat(36), 'UCS-2', 72, 2],
  ])('%s', (_name, text, encoding, units, parts) => {
    const result = sut(text);
    expect(result).toMatchObject({ encoding, units });
    expect(result.parts).toHaveLength(parts);
    expect(result.parts.join('')).toBe(text);
  });

  it('fills GSM-7 parts to 153 septets', () => {
    expect(sut(a(161)).parts.map((p) => p.length)).toEqual([153, 8]);
  });

  it('never splits an escaped character across parts', () => {
    const { parts } = sut(`${a(152)}€${a(10)}`);
    expect(parts[0]).toBe(a(152));
    expect(parts[1]?.startsWith('€')).toBe(true);
  });

  it('never splits a surrogate pair across parts', () => {
    const { parts } = sut(`ж${a(65)}🌹${a(10)}`);
    expect(parts[0]).toBe(`ж${a(65)}`);
    expect(parts[1]?.startsWith('🌹')).toBe(true);
  });
});

// Opening hours: ranges split at midnight and local times read as weekday + minute.
import { describe, expect, it } from 'vitest';
import { parseLocalMoment, toDayRanges } from './opening-hours.js';

describe('toDayRanges', () => {
  const ranges = (hours: { day: number; open: string; close: string }[]) =>
    toDayRanges('rst_1', hours).map((r) => [r.day, r.open_minute, r.close_minute]);

  it('keeps a same-day span as one range', () => {
    expect(ranges([{ day: 1, open: '11:30', close: '15:00' }])).toEqual([[1, 690, 900]]);
  });

  it('splits a span past midnight across two days, Saturday wrapping to Sunday', () => {
    expect(ranges([{ day: 6, open: '18:00', close: '02:00' }])).toEqual([
      [6, 1080, 1440],
      [0, 0, 120],
    ]);
  });

  it('reads 24:00 as the end of the day and 00:00 close as nothing after midnight', () => {
    expect(ranges([{ day: 2, open: '09:00', close: '24:00' }])).toEqual([[2, 540, 1440]]);
    expect(ranges([{ day: 2, open: '17:00', close: '00:00' }])).toEqual([[2, 1020, 1440]]);
  });
});

describe('parseLocalMoment', () => {
  it('gives the weekday (0 = Sunday) and minute of a local time', () => {
    expect(parseLocalMoment('2026-03-07T01:30')).toEqual({ day: 6, minute: 90 });
    expect(parseLocalMoment('2024-02-29T23:59')).toEqual({ day: 4, minute: 1439 });
  });

  it.each([
    '2026-02-29T10:00',
    '2026-13-01T10:00',
    '2026-03-07T24:00',
    '2026-03-07T10:60',
    '2026-03-07T10:00Z',
    'soon',
  ])('rejects %s', (text) => {
    expect(parseLocalMoment(text)).toBeUndefined();
  });
});

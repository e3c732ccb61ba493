import { describe, expect, it } from 'vitest';
import { localMoment } from './local-moment.js';

describe('localMoment', () => {
  it('gives the date and time a clock in the zone shows, across a date line and DST', () => {
    expect(localMoment(new Date('2026-11-27T03:00:00Z'), 'America/New_York')).toEqual({
      date: '2026-11-26',
      time: '22:00',
    });
    expect(localMoment(new Date('2026-07-01T03:00:00Z'), 'America/New_York')).toEqual({
      date: '2026-06-30',
      time: '23:00',
    });
    expect(localMoment(new Date('2026-11-27T23:30:00Z'), 'Asia/Tokyo')).toEqual({
      date: '2026-11-28',
      time: '08:30',
    });
  });

  it('throws for an unknown zone', () => {
    expect(() => localMoment(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

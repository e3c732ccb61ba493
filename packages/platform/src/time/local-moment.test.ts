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

  it('stays exact second by second across minute turns, a DST change, odd offsets and old local mean times', () => {
    const fresh = (at: Date, timeZone: string) => {
      const parts = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(at);
      const get = (type: string) => parts.find((p) => p.type === type)?.value;
      return {
        date: `${get('year')}-${get('month')}-${get('day')}`,
        time: `${get('hour')}:${get('minute')}`,
      };
    };
    const cases: [string, string][] = [
      ['2026-03-08T06:58:00Z', 'America/New_York'], // clocks go forward at 07:00Z
      ['2026-11-01T05:58:30Z', 'America/New_York'], // and back at 06:00Z
      ['2026-12-31T18:13:00Z', 'Asia/Kathmandu'], // +05:45, midnight at 18:15Z
      ['1900-01-01T00:42:00Z', 'Africa/Monrovia'], // −00:43:08 then: minutes turn mid-UTC-minute
    ];
    for (const [start, zone] of cases) {
      for (let s = 0; s < 240; s += 7) {
        const at = new Date(Date.parse(start) + s * 1000);
        expect(localMoment(at, zone), `${at.toISOString()} in ${zone}`).toEqual(fresh(at, zone));
      }
    }
  });

  it('hands out a copy each time: changing an answer does not change the next', () => {
    const at = new Date('2026-11-27T03:00:00Z');
    const first = localMoment(at, 'Europe/Paris');
    first.time = '99:99';
    expect(localMoment(at, 'Europe/Paris').time).toBe('04:00');
  });

  it('throws for an unknown zone', () => {
    expect(() => localMoment(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

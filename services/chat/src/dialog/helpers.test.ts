// The small pure helpers of the dialog: edit distance, phone numbers, input screening, dates, dinner times.
import { describe, expect, it } from 'vitest';
import { interpret } from '../nlu/interpret.js';
import { testModel } from '../testing/chat.fixture.js';
import { isEmail, toE164 } from './contact.js';
import { closest, editDistance } from './fuzzy.js';
import { describeDate, describeTime, localMoment } from './local-time.js';
import { screen } from './screen-input.js';
import { answer } from './yes-no.js';

describe('dialog helpers', () => {
  it('measures edit distance and finds the closest name within reach', () => {
    // A swap of two neighbouring letters is one edit.
    expect(editDistance('italain', 'italian')).toBe(1);
    expect(editDistance('thia', 'thai')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abc', 'ca')).toBe(3);
    expect(closest('italain', ['italian', 'thai'])).toBe('italian');
    expect(closest('zzz', ['italian', 'thai'])).toBeUndefined();
  });

  it('turns phone numbers into E.164 and rejects short ones', () => {
    const sut = toE164;
    expect([sut('(646) 555-0123'), sut('+44 20 7946 0958'), sut('555-12')]).toEqual([
      '+16465550123',
      '+442079460958',
      undefined,
    ]);
    expect([isEmail('a@b.com'), isEmail('a@b')]).toEqual([true, false]);
  });

  it('screens long, binary and emoji-only input but lets ordinary text through', () => {
    const sut = screen;
    expect(sut('x'.repeat(1001))).toEqual({ ok: false, reason: 'too_long' });
    expect(sut('\u0000\u0001\u0002abc')).toEqual({ ok: false, reason: 'binary' });
    expect(sut('🎉🎉🎉🎉🎉🎉')).toEqual({ ok: false, reason: 'emoji' });
    expect(sut('red roses 🌹 please')).toEqual({ ok: true, text: 'red roses 🌹 please' });
  });

  it('reads dates and times in the user’s zone', () => {
    expect(localMoment(new Date('2026-03-11T03:30:00Z'), 'America/New_York')).toEqual({
      date: '2026-03-10',
      time: '23:30',
    });
    expect([describeDate('2026-03-11', '2026-03-10'), describeTime('19:30'), describeTime('12:00')]).toEqual([
      'tomorrow',
      '7:30pm',
      'noon',
    ]);
  });

  it('reads "at 7" as dinner time and "tomorrow" in the user’s time zone', () => {
    const now = new Date('2026-03-11T03:30:00Z');
    const u = interpret(testModel(), 'table tomorrow at 7', { now, timeZone: 'America/New_York' });
    expect([u.date, u.time]).toEqual(['2026-03-11', '19:00']);
  });
});

describe('yes and no', () => {
  it('reads "definitely not" as no and "that\'s right" as yes', () => {
    expect([answer('definitely not'), answer("that's right"), answer('absolutely')]).toEqual([
      'no',
      'yes',
      'yes',
    ]);
  });

  it('reads a thumbs up (any skin tone), an OK hand or a tick alone as yes, a thumbs down as no', () => {
    expect(
      ['\u{1F44D}', '\u{1F44D}\u{1F3FD}', '\u{1F44C}', '\u2705', '\u{1F44E}', '\u{1F44D} pizza'].map(answer),
    ).toEqual(['yes', 'yes', 'yes', 'yes', 'no', undefined]);
  });
});

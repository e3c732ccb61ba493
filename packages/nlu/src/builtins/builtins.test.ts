// Builtin extractors: dates in time zones, party sizes, money, e-mail, phone, numbers.
import { describe, expect, it } from 'vitest';
import { extractEmails, extractPhones } from './contact.js';
import { extractDates, hasDateCue } from './dates.js';
import { extractBuiltins } from './index.js';
import { extractMoney } from './money.js';
import { extractNumbers } from './numbers.js';
import { extractPartySizes } from './party-size.js';

// Saturday 9 March 2024, 10:00 in New York; US daylight saving starts on Sunday 10 March.
const ref = { referenceDate: new Date('2024-03-09T15:00:00Z'), timeZone: 'America/New_York' };

describe('dates', () => {
  it('resolves relative dates in the user time zone, across a DST change', () => {
    const [d] = extractDates('book for tomorrow at 7pm', ref);
    expect(d).toMatchObject({ text: 'tomorrow at 7pm', start: 9, end: 24 });
    expect(d!.value).toEqual({ start: '2024-03-10T19:00:00-04:00', allDay: false });
  });

  it('runs chrono only on text with a date or time cue, digits in a time or date shape included', () => {
    for (const text of ['for 2', '+1 212 555 0199', 'make it 6 of us', 'order 2 of them', '4'])
      expect(hasDateCue(text), text).toBe(false);
    for (const text of [
      'at 8',
      '8pm',
      '7:30',
      '12/24',
      'in 3 weeks',
      'the 24th',
      'hits of the 80s',
      'tonight',
    ])
      expect(hasDateCue(text), text).toBe(true);
    expect(extractDates('a table for 4 at 8', ref).map((d) => d.text)).toEqual(['at 8']);
  });

  it('uses the time zone to decide what "today" is', () => {
    // 01:30 UTC on the 10th is still the evening of the 9th in Los Angeles.
    const late = { referenceDate: new Date('2024-03-10T01:30:00Z'), timeZone: 'America/Los_Angeles' };
    expect(extractDates('today', late)[0]!.value).toEqual({ start: '2024-03-09', allDay: true });
    const berlin = extractDates('today', { ...late, timeZone: 'Europe/Berlin' });
    expect(berlin[0]!.value).toEqual({ start: '2024-03-10', allDay: true });
  });

  it('marks dates without a time as all-day and returns ranges', () => {
    const [d] = extractDates('from March 12 to March 14', ref);
    expect(d!.value).toEqual({ start: '2024-03-12', end: '2024-03-14', allDay: true });
  });
});

describe('party sizes', () => {
  it.each([
    ['a table for four please', 4],
    ['there will be 6 of us', 6],
    ['party of 3', 3],
    ['book for two people', 2],
    ['8 guests on friday', 8],
  ])('%s → %d', (text, size) => {
    expect(extractPartySizes(text).map((e) => e.value)).toEqual([size]);
  });

  it('ignores times and durations', () => {
    expect(extractPartySizes('book for 7pm')).toEqual([]);
    expect(extractPartySizes('a room for 2 nights')).toEqual([]);
  });
});

describe('money', () => {
  it('reads bounds, symbols and slang', () => {
    expect(extractMoney('shoes under $50').map((e) => e.value)).toEqual([
      { amount: 50, currency: 'USD', bound: 'lte' },
    ]);
    expect(extractMoney('about 50 bucks')[0]!.value).toEqual({
      amount: 50,
      currency: 'USD',
      bound: 'approx',
    });
    expect(extractMoney('at least €20')[0]!.value).toEqual({ amount: 20, currency: 'EUR', bound: 'gte' });
    expect(extractMoney('twenty pounds')[0]!.value).toEqual({ amount: 20, currency: 'GBP' });
    expect(extractMoney('a 2k budget in dollars')).toEqual([]);
    expect(extractMoney('$1.5k')[0]!.value).toEqual({ amount: 1500, currency: 'USD' });
  });
});

describe('contact details', () => {
  it('finds e-mail addresses', () => {
    expect(extractEmails('write to Ana.Lee+food@example.co.uk.').map((e) => e.value)).toEqual([
      'ana.lee+food@example.co.uk',
    ]);
  });

  it('finds phone numbers and ignores short numbers', () => {
    expect(extractPhones('call +44 20 7946 0958 or (555) 123-4567').map((e) => e.value)).toEqual([
      '+442079460958',
      '5551234567',
    ]);
    expect(extractPhones('table for 4 at 2024')).toEqual([]);
  });
});

describe('numbers and the combined extractor', () => {
  it('reads digits and words', () => {
    expect(extractNumbers('twenty five songs, 1,200 views').map((e) => e.value)).toEqual([25, 1200]);
  });

  it('reads nothing else into an e-mail address or across its edge', () => {
    const found = (text: string) => extractBuiltins(text, ref).map((b) => `${b.kind}:${b.text}`);
    // Without the rule, chrono reads "2 a" as 2 am, "4 min" as a duration, "5am" and "2pm" as times.
    expect(found('for 2 a@b.com')).toEqual(['party_size:for 2', 'email:a@b.com']);
    expect(found('party of 4 min@gmail.com')).toEqual(['party_size:party of 4', 'email:min@gmail.com']);
    expect(found('at 8pm 5am@test.com')).toEqual(['datetime:at 8pm', 'email:5am@test.com']);
    expect(found('tomorrow 2pm@p.com')).toEqual(['datetime:tomorrow', 'email:2pm@p.com']);
    expect(found('2 h@h.com')).toEqual(['number:2', 'email:h@h.com']);
  });

  it('drops numbers that are part of money or phone numbers', () => {
    const kinds = extractBuiltins('under $50, call 555-123-4567, 3 items', ref).map((b) => b.kind);
    expect(kinds).toEqual(['money', 'phone', 'number']);
  });
});

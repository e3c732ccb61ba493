// Date and time extraction with chrono-node, resolved in the user's IANA time zone.
import * as chrono from 'chrono-node';
import type { BuiltinEntity } from '../types.js';
import { toZonedIso, zoneOffsetMinutes } from './time-zone.js';

export interface DateValue {
  /** ISO 8601: a calendar date ("2024-03-10") when all-day, else a date-time with the zone's offset. */
  start: string;
  end?: string;
  /** True when no time of day was given ("tomorrow"). */
  allDay: boolean;
}

export interface DateOptions {
  referenceDate: Date;
  timeZone: string;
}

function resolve(c: chrono.ParsedComponents, refOffset: number, timeZone: string, allDay: boolean): string {
  let d = c.date();
  // chrono applied the reference offset; a DST change between now and then shifts the wall clock.
  if (!c.isCertain('timezoneOffset')) {
    const actual = zoneOffsetMinutes(timeZone, d);
    if (actual !== refOffset) d = new Date(d.getTime() - (actual - refOffset) * 60000);
  }
  const iso = toZonedIso(d, timeZone);
  // chrono fills a missing time with the reference time of day, which would be noise for a date.
  return allDay ? iso.slice(0, 10) : iso;
}

// chrono runs dozens of parsers; most utterances carry no date cue at all, so skip them cheaply. A digit
// alone is no cue ("for 2", "+1 212 555 0199"): only digits in a time or date shape are. Checked against
// every SNIPS and Braun training sentence: in the 11,418 skipped, chrono finds only 8 misreadings
// ("Lasts", "2502W", "6 a").
const DATE_WORD =
  /\b(?:today|tonight|tomorrow|yesterday|now|noon|midday|midnight|morning|afternoon|evening|night|weekend|fortnights?|weeks?|months?|years?|days?|hours?|minutes?|seconds?|ago|later|christmas|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const DATE_DIGITS =
  /\d\s*(?:am|pm|a\.m|p\.m|h|hrs?|o'?clock)\b|\d\s*[:/.-]\s*\d|\b(?:at|by|around|before|after|from|to|until|till|til|about|between|and|or|@)\s+\d|(?<!\d[\s.-]?)\b(?:1[89]|20)\d\d\b(?![\s.-]?\d)|\d(?:st|nd|rd|th)\b|\d0'?s\b/i;

/** True when the text may hold a date or time for chrono to find. */
export function hasDateCue(text: string): boolean {
  return DATE_WORD.test(text) || DATE_DIGITS.test(text);
}

export function extractDates(text: string, opts: DateOptions): BuiltinEntity[] {
  if (!hasDateCue(text)) return [];
  const offset = zoneOffsetMinutes(opts.timeZone, opts.referenceDate);
  const results = chrono.parse(
    text,
    { instant: opts.referenceDate, timezone: offset },
    { forwardDate: true },
  );
  return results.map((r) => {
    const allDay = !r.start.isCertain('hour');
    const value: DateValue = { start: resolve(r.start, offset, opts.timeZone, allDay), allDay };
    if (r.end) value.end = resolve(r.end, offset, opts.timeZone, allDay);
    return { kind: 'datetime', text: r.text, start: r.index, end: r.index + r.text.length, value };
  });
}

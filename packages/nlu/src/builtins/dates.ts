// Date and time extraction with chrono-node, resolved in the user's IANA time zone.
import * as chrono from 'chrono-node';
import type { BuiltinEntity } from '../types.js';
import { toZonedIso, zoneOffsetMinutes } from './time-zone.js';

export interface DateValue {
  /** ISO 8601 with the zone's offset. */
  start: string;
  end?: string;
  /** True when no time of day was given ("tomorrow"). */
  allDay: boolean;
}

export interface DateOptions {
  referenceDate: Date;
  timeZone: string;
}

function resolve(c: chrono.ParsedComponents, refOffset: number, timeZone: string): string {
  let d = c.date();
  // chrono applied the reference offset; a DST change between now and then shifts the wall clock.
  if (!c.isCertain('timezoneOffset')) {
    const actual = zoneOffsetMinutes(timeZone, d);
    if (actual !== refOffset) d = new Date(d.getTime() - (actual - refOffset) * 60000);
  }
  return toZonedIso(d, timeZone);
}

export function extractDates(text: string, opts: DateOptions): BuiltinEntity[] {
  const offset = zoneOffsetMinutes(opts.timeZone, opts.referenceDate);
  const results = chrono.parse(
    text,
    { instant: opts.referenceDate, timezone: offset },
    { forwardDate: true },
  );
  return results.map((r) => {
    const value: DateValue = {
      start: resolve(r.start, offset, opts.timeZone),
      allDay: !r.start.isCertain('hour'),
    };
    if (r.end) value.end = resolve(r.end, offset, opts.timeZone);
    return { kind: 'datetime', text: r.text, start: r.index, end: r.index + r.text.length, value };
  });
}

// Dates and times as a clock in an IANA time zone shows them (the shop's calendar, the user's evening).

export interface LocalMoment {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` */
  time: string;
}

// Building an Intl formatter costs far more than using one: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * The calendar date and wall-clock time of `at` in `timeZone`.
 * @example localMoment(new Date('2026-11-27T03:00:00Z'), 'America/New_York') // {date: '2026-11-26', time: '22:00'}
 */
export function localMoment(at: Date, timeZone: string): LocalMoment {
  const ms = at.getTime();
  // Every zone's offset has been whole minutes since 1980, so the answer is the same for a whole UTC minute:
  // the last one per zone is kept (a chat turn asks several times, and formatToParts is 1 % of its CPU).
  const minute = ms >= wholeMinuteOffsetsSince ? Math.floor(ms / 60_000) : Number.NaN;
  const last = lastMoments.get(timeZone);
  if (last && last.minute === minute) return { ...last.moment };
  const parts = formatter(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const moment = {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
  if (!Number.isNaN(minute)) lastMoments.set(timeZone, { minute, moment: { ...moment } });
  return moment;
}

const wholeMinuteOffsetsSince = Date.UTC(1980, 0, 1);
const lastMoments = new Map<string, { minute: number; moment: LocalMoment }>();

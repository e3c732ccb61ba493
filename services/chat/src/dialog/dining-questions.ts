// The questions of the dining flow, in order, and the confirmation that sums the request up.
import type { DiningSlot, DiningSlots, OpeningHours, Reply } from './dialog.types.js';
import type { Lexicon } from './lexicon.js';
import { addDays, describeDate, describeTime, type LocalMoment } from './local-time.js';
import { quickReplies, say } from './replies.js';

export function missingSlot(d: DiningSlots): DiningSlot | undefined {
  if (!d.cuisine) return 'cuisine';
  if (!d.area) return 'area';
  if (!d.date) return 'date';
  if (!d.time) return 'time';
  if (!d.partySize) return 'partySize';
  if (!d.email && !d.phone) return 'contact';
  return undefined;
}

const timesByMeal: Record<NonNullable<DiningSlots['meal']>, string[]> = {
  breakfast: ['8am', '9am', '10am'],
  brunch: ['11am', '11:30am', '12pm', '1pm'],
  lunch: ['12pm', '12:30pm', '1pm', '1:30pm'],
  dinner: ['7pm', '7:30pm', '8pm', '9pm'],
};

/**
 * The third day button beside Today and Tomorrow: the coming weekend day at least two days ahead, so that on a
 * Friday it is not "This Saturday" (tomorrow) again. "This Saturday" from Sunday to Thursday, "This Sunday" on
 * a Friday, "Next Saturday" on a Saturday.
 */
export function weekendChoice(today: string): { label: string; date: string } {
  const day = new Date(`${today}T12:00:00Z`).getUTCDay();
  if (day === 5) return { label: 'This Sunday', date: addDays(today, 2) };
  if (day === 6) return { label: 'Next Saturday', date: addDays(today, 7) };
  return { label: 'This Saturday', date: addDays(today, 6 - day) };
}

/** `HH:MM` of a time button ("7:30pm" → "19:30"), undefined for any other label. */
export function buttonTime(label: string): string | undefined {
  const m = /^(\d{1,2})(?::(\d\d))?(am|pm)$/.exec(label);
  if (!m) return undefined;
  const h = (Number(m[1]) % 12) + (m[3] === 'pm' ? 12 : 0);
  return `${String(h).padStart(2, '0')}:${m[2] ?? '00'}`;
}

/** Later dinner times, offered on the day itself once the usual ones have passed. */
const lateTimes = ['9:30pm', '10pm', '10:30pm'];

/**
 * The time buttons for a search on `day`: the meal's usual times, and on the day itself only those still ahead of
 * the user's clock (`now`), with the later evening ones once the usual ones have passed. None at all means that
 * it is too late for a table on `day`.
 */
export function timeChoices(
  meal: DiningSlots['meal'] = 'dinner',
  day?: string,
  now?: LocalMoment,
  hours?: OpeningHours,
): string[] {
  const weekday = day ? new Date(`${day}T12:00:00Z`).getUTCDay() : undefined;
  // A restaurant named: only the times it is open that day ("12pm", "1pm" for a lunch place).
  const fits = (l: string) =>
    !hours || weekday === undefined || hours.length === 0 || openAt(hours, weekday, buttonTime(l) ?? '');
  const ahead = (l: string) => !day || !now || day !== now.date || (buttonTime(l) ?? '') > now.time;
  const usual = timesByMeal[meal].filter((l) => fits(l) && ahead(l));
  if (usual.length > 0 || !day) return usual;
  const all = [...timesByMeal.lunch, '5pm', '6pm', ...timesByMeal.dinner, ...lateTimes];
  const later = all.filter((l) => fits(l) && ahead(l));
  return later.slice(0, 4);
}

/** The opening hours that limit the buttons: those of a restaurant the user named, not of one picked for them. */
export const namedHours = (d: DiningSlots): OpeningHours | undefined =>
  d.restaurant && !d.picked ? d.restaurant.openingHours : undefined;

/** Open at `time` on `day` (0 = Sunday): a range that closes after midnight also counts on the next morning. */
export function openAt(hours: OpeningHours, day: number, time: string): boolean {
  return hours.some((h) =>
    h.close > h.open
      ? h.day === day && h.open <= time && time < h.close
      : (h.day === day && h.open <= time) || (h.day === (day + 6) % 7 && time < h.close),
  );
}

/**
 * The day buttons: Today while a table can still be had today, Tomorrow, and the coming weekend day; for a
 * restaurant named (`hours`), only days it is open, and the next such day when those are all closed.
 */
export function dayChoices(
  now?: LocalMoment,
  meal: DiningSlots['meal'] = 'dinner',
  hours?: OpeningHours,
): string[] {
  if (!now) return ['Today', 'Tomorrow', 'This Saturday'];
  const weekend = weekendChoice(now.date);
  const choices: [string, string][] = [
    ['Today', now.date],
    ['Tomorrow', addDays(now.date, 1)],
    [weekend.label, weekend.date],
  ];
  const open = choices.filter(([, date]) => timeChoices(meal, date, now, hours).length > 0).map(([l]) => l);
  if (open.length > 0 || !hours) return open;
  for (let k = 2; k <= 7; k += 1) {
    const date = addDays(now.date, k);
    if (timeChoices(meal, date, now, hours).length > 0) return [describeDate(date, now.date)];
  }
  return [];
}

export function question(
  slot: DiningSlot,
  lexicon: Lexicon,
  booking = false,
  meal: DiningSlots['meal'] = 'dinner',
  now?: LocalMoment,
  day?: string,
  hours?: OpeningHours,
): Reply {
  switch (slot) {
    case 'cuisine':
      return quickReplies(
        'What kind of food would you like?',
        lexicon.facets.cuisines.map((c) => lexicon.cuisineName(c)),
      );
    case 'area':
      return quickReplies(
        'Which part of town?',
        lexicon.facets.areas.map((a) => lexicon.areaName(a)),
      );
    case 'date':
      return quickReplies('Which day?', dayChoices(now, meal, hours));
    case 'time': {
      const choices = timeChoices(meal, day, now, hours);
      return choices.length > 0 ? quickReplies('What time?', choices) : say('What time?');
    }
    case 'partySize':
      return quickReplies('How many people?', ['2', '4', '6']);
    case 'contact':
      return say(
        booking
          ? 'Which e-mail address or phone number should I put the booking under?'
          : 'Where should I send the suggestions? Give me an e-mail address or a phone number.',
      );
  }
}

/** "Italian in Chelsea for 4 tomorrow at 8pm", or "Pizzeria Luna for 4 tomorrow at 8pm". */
export function describeSearch(d: DiningSlots, lexicon: Lexicon, today: LocalMoment): string {
  const parts = [
    d.restaurant
      ? d.restaurant.name
      : `${lexicon.cuisineName(d.cuisine ?? '')} in ${lexicon.areaName(d.area ?? '')}`,
  ];
  if (d.partySize) parts.push(`for ${d.partySize}`);
  if (d.date) parts.push(describeDate(d.date, today.date));
  if (d.time) parts.push(`at ${describeTime(d.time)}`);
  return parts.join(' ');
}

export function confirmation(d: DiningSlots, lexicon: Lexicon, today: LocalMoment, booking = false): Reply {
  const to = d.email ?? d.phone;
  const described = describeSearch(d, lexicon, today);
  const ask = booking
    ? `Shall I book a table ${d.restaurant ? 'at' : 'for'} ${described}, under ${to}?`
    : `Shall I send 3 suggestions for ${described} to ${to}?`;
  return quickReplies(ask, [
    ['Yes', 'yes'],
    ['No, change something', 'no'],
  ]);
}

const changeWords: [RegExp, DiningSlot][] = [
  [/\b(cuisine|food)\b/i, 'cuisine'],
  [/\b(area|place|neighbou?rhood|location)\b/i, 'area'],
  [/\b(date|day)\b/i, 'date'],
  [/\b(time|hour)\b/i, 'time'],
  [/\b(party|people|guests|size|number of)\b/i, 'partySize'],
  [/\b(e-?mail|phone|contact|number)\b/i, 'contact'],
];

/** The slot a "change the time" answer names, if any. */
export function slotNamed(text: string): DiningSlot | undefined {
  return changeWords.find(([pattern]) => pattern.test(text))?.[1];
}

// "Same as last time": the user's last dining search again in one step, with any change they mention.

import type { DiningSearch } from '../recommend/recommend.types.js';
import { absorbDining } from './dining-absorb.js';
import { askNext, complete, slotsOf } from './dining-flow.js';
import { reprompt } from './fallback.js';
import { addDays, type LocalMoment } from './local-time.js';
import type { Turn, TurnResult } from './turn.types.js';

const searchKeys = ['cuisine', 'area', 'date', 'time', 'partySize', 'email', 'phone'] as const;

const partWords: [RegExp, (typeof searchKeys)[number][]][] = [
  [/\b(time|hour)\b/i, ['time']],
  [/\b(day|date)\b/i, ['date']],
  [/\b(people|party|size|number of people|group)\b/i, ['partySize']],
  [/\b(place|area|neighbou?rhood|location)\b/i, ['area']],
  [/\b(cuisine|food)\b/i, ['cuisine']],
  [/\b(e-?mail|contact|number|phone)\b/i, ['email', 'phone']],
];

const partNames: Record<(typeof searchKeys)[number], string> = {
  cuisine: 'cuisine',
  area: 'area',
  date: 'day',
  time: 'time',
  partySize: 'party',
  email: 'contact',
  phone: 'contact',
};

/** The parts of the last search "same time and people" names; undefined for the whole ("same as last time"). */
function partsNamed(text: string): (typeof searchKeys)[number][] | undefined {
  if (
    !/\bsame (time|hour|day|date|people|party|size|number|group|place|area|neighbou?rhood|location|cuisine|food|e-?mail|contact|phone)\b/i.test(
      text,
    )
  )
    return undefined;
  const parts = partWords.filter(([re]) => re.test(text)).flatMap(([, keys]) => keys);
  return parts.length > 0 ? parts : undefined;
}

/** The day a repeat of `last` is for: its own day while still ahead, else the next time its hour comes round. */
export function repeatDate(last: DiningSearch, today: LocalMoment): string {
  return last.date >= today.date ? last.date : last.time > today.time ? today.date : addDays(today.date, 1);
}

export async function repeatLastSearch(t: Turn): Promise<TurnResult> {
  const last = await t.lastSearches.get(t.state.userId);
  // "Now French in Tribeca" then "same time and people": what this search has said already stays, the last
  // search fills the rest, and the result is confirmed, not sent at once.
  const current = t.state.flow === 'dining' ? t.state.dining : {};
  const given = Object.fromEntries(
    searchKeys.filter((k) => current[k] !== undefined).map((k) => [k, current[k]]),
  );
  t.state.flow = 'dining';
  if (!last) return askNext(t, ["I don't have a previous search for you yet, so let's start one."]);
  const { today } = t;
  // The remembered day has usually passed: the next time that evening comes round is meant.
  const date = repeatDate(last, today);
  // "Same time and people" names parts of the last search: only those are taken, and the rest is asked for.
  const parts = partsNamed(t.u.text);
  const all = { ...slotsOf(last), date };
  const taken = parts
    ? Object.fromEntries(parts.flatMap((k) => (all[k] !== undefined ? [[k, all[k]]] : [])))
    : all;
  t.state.dining = { ...taken, ...given };
  const absorbed = absorbDining(t);
  if (parts && absorbed.problems.length === 0) {
    const words = [...new Set(parts.map((k) => partNames[k]))];
    const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0];
    return askNext(t, [`OK, the same ${list} as last time.`]);
  }
  if (absorbed.problems.length > 0) return reprompt(t, absorbed.problems);
  if (Object.keys(given).length > 0) return askNext(t, ['OK, the rest as last time.']);
  // "Same as last time but for 6": a changed search is confirmed before it is sent.
  if (absorbed.changed.length > 0) return askNext(t);
  return complete(t);
}

// The dining flow: gather cuisine, area, day, time, party and contact, confirm, then suggest and notify.
import { hashSeed } from '../nlu/training/seeded.js';
import type { DiningSearch, RestaurantInfo, RestaurantPick } from '../recommend/recommend.types.js';
import { bookBestPick, offerButtons } from './booking.js';
import { restaurantAddress, restaurantPayload } from './cards.js';
import type { DiningSlots, OfferedTables } from './dialog.types.js';
import { absorbDining, vagueTime } from './dining-absorb.js';
import {
  buttonTime,
  confirmation,
  describeSearch,
  missingSlot,
  namedHours,
  openAt,
  question,
  slotNamed,
} from './dining-questions.js';
import { maxReprompts, reprompt, resetFlow } from './fallback.js';
import { describeDate, describeTime, eveningTime } from './local-time.js';
import { bookNamedTable, namedClash } from './named-restaurant.js';
import { quickReplies, restaurantCard, say } from './replies.js';
import { afterAnswer, type Turn, type TurnResult } from './turn.types.js';
import { answer } from './yes-no.js';

/** Asks for the next missing value, or for confirmation once none is missing. */
export function askNext(t: Turn, prefix: string[] = []): TurnResult {
  const { state } = t;
  // A named restaurant closed then, or too small: said now, not after the contact and a yes. Said three times
  // in a row, the place is given up for another of its kind, so that a closed place cannot loop.
  const named = state.dining.picked ? undefined : state.dining.restaurant;
  const asked = { ...state.dining };
  const clash = namedClash(t);
  state.clashes = clash ? (state.clashes ?? 0) + 1 : 0;
  if (clash && named && state.clashes > maxReprompts) {
    state.clashes = 0;
    // What the user asked for stands; only the place changes.
    Object.assign(state.dining, {
      restaurant: undefined,
      date: asked.date,
      time: asked.time,
      partySize: asked.partySize,
    });
    prefix = [
      ...prefix,
      clash,
      `${named.name} doesn't seem to fit, so I'll look for another ${t.lexicon.cuisineName(named.cuisine)} place in ${t.lexicon.areaName(named.area)}.`,
    ];
  } else if (clash) prefix = [...prefix, clash];
  const slot = missingSlot(state.dining) ?? 'confirm';
  if (slot !== state.awaiting) state.reprompts = 0;
  state.awaiting = slot;
  let ask =
    slot === 'confirm'
      ? confirmation(state.dining, t.lexicon, t.today, state.booking === true)
      : question(
          slot,
          t.lexicon,
          state.booking === true,
          state.dining.meal,
          t.today,
          state.dining.date,
          namedHours(state.dining),
        );
  // The account's own address, one tap away.
  if (slot === 'contact' && t.caller.email && ask.type === 'unstructured')
    ask = quickReplies(ask.text, [[`Use ${t.caller.email}`, t.caller.email]]);
  return { state, replies: [...prefix.map((p) => say(p)), ask] };
}

/** Up to and including the word that names the value to change ("change the time"). */
const changeWord =
  /^.*?\b(cuisine|food|area|place|neighbou?rhood|location|date|day|time|hour|party size|party|people|guests|size|e-?mail|phone|contact)\b/i;

/** "What would you like to change?" with a button per value; the next message is read as that answer. */
export function changeMenu(t: Turn, question = 'What would you like to change?'): TurnResult {
  t.state.changing = true;
  return {
    state: t.state,
    replies: [
      quickReplies(question, [
        ['Cuisine', 'change the cuisine'],
        ['Area', 'change the area'],
        ['Day', 'change the day'],
        ['Time', 'change the time'],
        ['Party size', 'change the party size'],
        ['E-mail or phone', 'change the contact'],
      ]),
    ],
  };
}

/**
 * A bare number that answers none of the questions asked: "no wait, 6" at the confirmation, "8" while the food
 * is asked for. 13 to 20 can only be the party; when only one of the party and the time is still to come, it is
 * that one; otherwise the user is asked which, with a button for each.
 */
export function bareNumber(t: Turn): TurnResult | undefined {
  const { u } = t;
  const n = u.number;
  if (n === undefined || !Number.isInteger(n) || u.time || u.date || u.partySize) return undefined;
  if (u.email || u.phone || u.badPhone) return undefined;
  const spelt =
    /^\s*(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b\D*$/i;
  if (slotNamed(u.text) || !(/^\D*\d{1,3}\D*$/.test(u.text) || spelt.test(u.text))) return undefined;
  const d = t.state.dining;
  const before = { ...d };
  const atConfirm = t.state.awaiting === 'confirm';
  const people = (k: number) => `${k} ${k === 1 ? 'person' : 'people'}`;
  if ((n >= 13 && n <= 20) || (!atConfirm && n >= 1 && n <= 20 && d.time && !d.partySize)) {
    d.partySize = n;
    return askNext(t, atConfirm ? acknowledged(t, before, ['partySize']) : [`Got it: ${people(n)}.`]);
  }
  // "25" or "40" out of turn: a party too large, said so.
  if (n > 20 && n < 1000 && t.state.awaiting !== 'contact')
    return askNext(t, ['I can suggest tables for 1 to 20 people.']);
  if (n < 1 || n > 12) return undefined;
  const hour = describeTime(eveningTime(n));
  if (!atConfirm && d.partySize && !d.time) {
    d.time = eveningTime(n);
    return askNext(t, [`Got it: ${hour}.`]);
  }
  t.state.askedNumber = n;
  return {
    state: t.state,
    replies: [quickReplies(`Did you mean ${people(n)} or ${hour}?`, [people(n), hour])],
  };
}

/**
 * The answer to "Did you mean 6 people or 6pm?": "people" or "pm" alone picks one; a plain yes or no picks
 * neither, so the question is asked again rather than the old search confirmed.
 */
export function numberAnswer(t: Turn, n: number): TurnResult | undefined {
  const { u } = t;
  if (u.partySize !== undefined || u.time !== undefined) return undefined;
  const d = t.state.dining;
  const before = { ...d };
  if (/\b(people|persons?|guests?|party|of us)\b/i.test(u.text) && n <= 20) {
    d.partySize = n;
    return askNext(t, acknowledged(t, before, ['partySize']));
  }
  if (/\b(pm|time|o'?clock|evening|hour)\b/i.test(u.text)) {
    d.time = eveningTime(n);
    return askNext(t, acknowledged(t, before, ['time']));
  }
  if (!answer(u.text)) return undefined;
  const people = `${n} ${n === 1 ? 'person' : 'people'}`;
  const hour = describeTime(eveningTime(n));
  t.state.askedNumber = n;
  return {
    state: t.state,
    replies: [quickReplies(`Sorry, which did you mean: ${people} or ${hour}?`, [people, hour])],
  };
}

function change(t: Turn): TurnResult {
  const slot = slotNamed(t.u.text);
  if (!slot) return changeMenu(t);
  const d = t.state.dining;
  const before = { ...d };
  if (slot === 'contact') [d.email, d.phone] = [undefined, undefined];
  else d[slot] = undefined;
  // "change the time to 8": what follows the name of the value is read as the answer to that question.
  t.state.awaiting = slot;
  const rest = t.u.text
    .replace(changeWord, '')
    .replace(/^\s*(to|for|at|on|in|into|=)\b/i, '')
    .trim();
  if (!/[a-z0-9]/i.test(rest)) return askNext(t);
  const absorbed = absorbDining({ ...t, u: { ...t.u, text: rest } });
  if (absorbed.problems.length > 0) return reprompt(t, absorbed.problems);
  return askNext(t, acknowledged(t, before, absorbed.changed));
}

/** How a value reads in "OK, 6 people instead of 5". */
function describeValue(t: Turn, slot: keyof DiningSlots, d: DiningSlots): string {
  switch (slot) {
    case 'cuisine':
      return t.lexicon.cuisineName(d.cuisine!);
    case 'area':
      return t.lexicon.areaName(d.area!);
    case 'date':
      return describeDate(d.date!, t.today.date);
    case 'time':
      return describeTime(d.time!);
    case 'partySize':
      return d.partySize === 1 ? '1 person' : `${d.partySize} people`;
    case 'restaurant':
      return d.restaurant?.name ?? '';
    case 'picked':
      return '';
    default:
      return d[slot] ?? '';
  }
}

/** "OK, 6 people instead of 5." for each value the message changed (a correction), so the user sees it taken. */
function acknowledged(t: Turn, before: DiningSlots, changed: (keyof DiningSlots)[]): string[] {
  const now = t.state.dining;
  const corrected = changed.filter(
    (k) => before[k] !== undefined && now[k] !== undefined && before[k] !== now[k],
  );
  if (corrected.length === 0) return [];
  const bits = corrected.map((k) => `${describeValue(t, k, now)} instead of ${describeValue(t, k, before)}`);
  return [`OK, ${bits.join(', ')}.`];
}

/** One turn of the dining flow, started or continued. */
export async function diningTurn(t: Turn): Promise<TurnResult> {
  t.state.flow = 'dining';
  const before = { ...t.state.dining };
  const absorbed = absorbDining(t);
  // A message that gives something counts as an answer: only failures in a row lead to the way out.
  if (absorbed.changed.length > 0) t.state.reprompts = 0;
  // Another cuisine or area than the named restaurant's: a search again ("actually, chinese in soho").
  const named = t.state.dining.restaurant;
  if (named && (t.state.dining.cuisine !== named.cuisine || t.state.dining.area !== named.area)) {
    t.state.dining.restaurant = undefined;
    t.state.dining.picked = undefined;
  }
  if (absorbed.problems.length > 0) {
    if (absorbed.ask) t.state.awaiting = absorbed.ask;
    return reprompt(t, absorbed.problems);
  }
  if (absorbed.changed.length > 0) {
    const said = acknowledged(t, before, absorbed.changed);
    // Values given out of turn ("williamsburg" while the food is asked for) are said back, so that the same
    // question again does not read as if they were lost.
    const asked = t.state.awaiting;
    if (said.length === 0 && asked && asked !== 'confirm' && missingSlot(t.state.dining) === asked) {
      const noted = absorbed.changed
        .filter((k, i, all) => before[k] === undefined && all.indexOf(k) === i)
        .map((k) => describeValue(t, k, t.state.dining));
      if (noted.length > 0) said.push(`Got it: ${noted.join(', ')}.`);
    }
    return askNext(t, said);
  }
  if (['confirm', 'cuisine', 'area', 'date'].includes(t.state.awaiting ?? '')) {
    const asked = bareNumber(t);
    if (asked) return asked;
  }
  if (t.state.awaiting === 'confirm') {
    const reply = answer(t.u.text);
    if (reply === 'yes') return complete(t);
    if (reply === 'no' || slotNamed(t.u.text)) return change(t);
  }
  const asksForTable =
    (t.u.intent === 'dining_suggestions' || t.u.intent === 'book_restaurant') && t.u.confidence >= 0.6;
  if (t.state.awaiting && !asksForTable) {
    const again = askNext(t);
    const aside =
      vagueTime.test(t.u.text) && t.state.awaiting === 'time'
        ? 'Sure. What time exactly?'
        : t.u.outOfScope && !answer(t.u.text)
          ? "I can't help with that one, but let's finish finding your table."
          : "Sorry, I didn't catch that.";
    return reprompt(t, [say(aside), ...again.replies]);
  }
  return askNext(t);
}

/** The slots a search was made of: the inverse of `toSearch`. */
export function slotsOf(s: DiningSearch): DiningSlots {
  return {
    cuisine: s.cuisine,
    area: s.area,
    date: s.date,
    time: s.time,
    partySize: s.partySize,
    ...(s.email ? { email: s.email } : {}),
    ...(s.phone ? { phone: s.phone } : {}),
  };
}

export function toSearch(t: Turn): DiningSearch {
  const d = t.state.dining;
  const search: DiningSearch = {
    cuisine: d.cuisine!,
    area: d.area!,
    date: d.date!,
    time: d.time!,
    partySize: d.partySize!,
    timeZone: t.timeZone,
  };
  if (d.email) search.email = d.email;
  if (d.phone) search.phone = d.phone;
  return search;
}

/** A suggestion as the state keeps it: enough to book it and to answer questions about it. */
function offeredOne(r: RestaurantInfo): OfferedTables['restaurants'][number] {
  return {
    id: r.id,
    name: r.name,
    rating: r.rating,
    priceLevel: r.priceLevel,
    address: restaurantAddress(r),
    ...(r.openingHours ? { openingHours: r.openingHours } : {}),
  };
}

/** The hours offered when no suggestion is open at the one asked, in the order of the day. */
const otherHours = ['12pm', '1pm', '5pm', '6pm', '7pm', '7:30pm', '8pm', '9pm', '10pm'];

/** "A", "A and B", "A, B and C". */
const listed = (names: string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');

/** How a pick differs from the search it answers, for the e-mail: "not open at 1pm that day", "in Chelsea". */
export function pickNote(pick: RestaurantPick, search: DiningSearch, t: Turn): string | undefined {
  if (pick.match === 'other-time') return `not open at ${describeTime(search.time)} that day`;
  if (pick.match === 'other-area') return `in ${t.lexicon.areaName(pick.restaurant.area)}`;
  return undefined;
}

/**
 * The picks that do not match the whole search, by name: "Caffè Stella is not open at 1pm that day." "Luna and
 * Sole are in other parts of town."
 */
function relaxedNote(picks: RestaurantPick[], search: DiningSearch): string {
  const named = (match: RestaurantPick['match']) =>
    picks.filter((p) => p.match === match).map((p) => p.restaurant.name);
  const late = named('other-time');
  const away = named('other-area');
  const notes = [
    ...(late.length > 0
      ? [
          `${listed(late)} ${late.length > 1 ? 'are' : 'is'} not open at ${describeTime(search.time)} that day`,
        ]
      : []),
    ...(away.length > 0 ? [`${listed(away)} ${away.length > 1 ? 'are' : 'is'} in other parts of town`] : []),
  ];
  return notes.length > 0 ? ` ${notes.join('; ')}.` : '';
}

/** "Show me others" after suggestions: places for the same search not suggested yet, or that none is left. */
export async function moreTables(t: Turn, offered: OfferedTables): Promise<TurnResult> {
  const { state, lexicon } = t;
  const seen = offered.seen ?? offered.restaurants.map((r) => r.id);
  const picks = await t.recommender.dining(
    offered.search,
    hashSeed(`${state.conversationId}:${state.turn}`),
    seen,
  );
  const described = describeSearch(offered.search, lexicon, t.today);
  if (picks.length === 0)
    return {
      state,
      replies: [say(`That's every place I have for ${described}.`), offerButtons(offered)],
    };
  const next: OfferedTables = {
    search: offered.search,
    seen: [...seen, ...picks.map((p) => p.restaurant.id)],
    restaurants: picks.map(({ restaurant }) => offeredOne(restaurant)),
  };
  state.offered = next;
  const relaxed = relaxedNote(picks, offered.search);
  return {
    state,
    replies: [
      say(`Here are more places for ${described}.${relaxed}`),
      ...picks.map((p) => restaurantCard(restaurantPayload(p.restaurant, lexicon))),
      offerButtons(next),
    ],
  };
}

/**
 * Answers the confirmed search: books the best matching table when the user asked to book, otherwise (or when
 * no restaurant takes the booking) suggests restaurants, sends them on, and offers to book one. Remembers the
 * search either way.
 */
export async function complete(t: Turn, mail = true): Promise<TurnResult> {
  const { state, lexicon } = t;
  if (state.dining.restaurant) return bookNamedTable(t);
  const search = toSearch(t);
  const picks = await t.recommender.dining(search, hashSeed(`${state.conversationId}:${state.turn}`));
  const described = describeSearch(state.dining, lexicon, t.today);
  if (picks.length === 0) {
    state.dining.cuisine = undefined;
    return askNext(t, [`I couldn't find a table for ${described}. Shall we try another cuisine?`]);
  }
  // None open at the hour asked: said so, nothing sent, and the hours they are open offered instead.
  const noneOpen = picks.every((p) => p.match === 'other-time');
  // Suggestions shown in place of a table the user asked to book are not mailed: they asked for a table.
  const send = mail && !state.booking && !noneOpen;
  const offered: OfferedTables = {
    search,
    seen: picks.map((p) => p.restaurant.id),
    restaurants: picks.map(({ restaurant }) => offeredOne(restaurant)),
  };
  if (state.booking) {
    const booked = await bookBestPick(t, search, picks);
    if (booked) {
      await afterAnswer(t, t.lastSearches.save(state.userId, search));
      resetFlow(t);
      state.offered = undefined;
      return booked;
    }
  }
  const suggestions = picks.map((pick) => {
    const r = pick.restaurant;
    const note = pickNote(pick, search, t);
    return {
      restaurantId: r.id,
      name: r.name,
      address: restaurantAddress(r),
      rating: r.rating,
      ...(note ? { note } : {}),
    };
  });
  // Together, and with the turn's history, so the writes share one commit. Suggestions shown in place of a
  // booking that failed are not sent: the user asked for a table, not for mail.
  await afterAnswer(
    t,
    Promise.all([
      ...(send ? [t.notifier.suggested(search, state, suggestions)] : []),
      t.lastSearches.save(state.userId, search),
    ]),
  );
  const relaxed = relaxedNote(picks, search);
  const unbooked = state.booking ? `I couldn't book a table for ${described} anywhere. ` : '';
  const sent = send ? ` I've sent them to ${search.email ?? search.phone}.` : '';
  const cards = picks.map((p) => restaurantCard(restaurantPayload(p.restaurant, lexicon)));
  const day = new Date(`${search.date}T12:00:00Z`).getUTCDay();
  const otherTimes = noneOpen
    ? otherHours
        .filter((l) => picks.some((p) => openAt(p.restaurant.openingHours ?? [], day, buttonTime(l) ?? '')))
        .slice(0, 4)
    : [];
  const replies = noneOpen
    ? [
        say(
          `${unbooked}No place for ${described} is open at that hour, so I haven't sent anything.${relaxed}`,
        ),
        ...cards,
        otherTimes.length > 0
          ? quickReplies(
              'Want to try another time?',
              otherTimes.map((l) => [l, `at ${l}`] as [string, string]),
            )
          : offerButtons(offered),
      ]
    : [
        say(`${unbooked}Here are my suggestions for ${described}.${sent}${relaxed}`),
        ...cards,
        offerButtons(offered),
      ];
  resetFlow(t);
  state.offered = offered;
  return { state, replies };
}

// Booking a table: at the best suggestion once a book_restaurant request is confirmed, or at one the user picks.
import { AppError } from '@concierge/platform';
import type { BookingInfo, DiningSearch, RestaurantPick } from '../recommend/recommend.types.js';
import type { OfferedTables, Reply } from './dialog.types.js';
import { describeDate, describeTime } from './local-time.js';
import { hoursOn } from './named-restaurant.js';
import { quickReplies, say } from './replies.js';
import type { Turn, TurnResult } from './turn.types.js';

export const BOOK_WORDS = /\b(book|booking|reserve|reservation|table)\b/i;

/** True when the message asks to book (the intent, or the words for it). */
export function asksToBook(t: Turn): boolean {
  return t.u.intent === 'book_restaurant' || BOOK_WORDS.test(t.u.text);
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const FILLER = new Set([
  'the',
  'a',
  'an',
  'and',
  'of',
  'at',
  'la',
  'le',
  'el',
  'de',
  'restaurant',
  'cafe',
  'bar',
]);
const ORDINALS: [RegExp, (n: number) => number][] = [
  [/\b(first|1st)\b/, () => 0],
  [/\b(second|2nd)\b/, () => 1],
  [/\b(third|3rd)\b/, () => 2],
  [/\b(last|final)\b/, (n) => n - 1],
  [/\b(?:number|no|option|#)\s*([1-9])\b/, () => Number.NaN],
  // "2", "book 2", "the 3rd" answering a numbered list.
  [/^\s*(?:book\s+)?(?:the\s+)?([1-9])(?:st|nd|rd|th)?(?:\s+one)?\s*$/, () => Number.NaN],
  [/\b(fourth|4th)\b/, () => 3],
  [/\b(fifth|5th)\b/, () => 4],
];

/** Whether the text names one of the offered restaurants ("Enoteca Amalfi"). */
export function namesOffered(text: string, offered: OfferedTables): boolean {
  const said = ` ${fold(text)} `;
  return offered.restaurants.some((r) => {
    const name = fold(r.name);
    return name.length > 0 && said.includes(` ${name} `);
  });
}

/** The index of the offered restaurant the text names, by name or by position ("the second one"). */
export function pickOffered(text: string, offered: OfferedTables): number | undefined {
  const said = ` ${fold(text)} `;
  const names = offered.restaurants.map((r) => fold(r.name));
  const whole = names.findIndex((n) => n.length > 0 && said.includes(` ${n} `));
  if (whole >= 0) return whole;
  const byWords = names.findIndex((n) => {
    const words = n.split(' ').filter((w) => w.length > 2 && !FILLER.has(w));
    return words.length > 0 && words.every((w) => said.includes(` ${w} `));
  });
  if (byWords >= 0) return byWords;
  const n = offered.restaurants.length;
  // "Book the cheapest one": by the cards' price levels.
  if (/\b(cheapest|least expensive|most affordable)\b/.test(said)) {
    const levels = offered.restaurants.map((r) => r.priceLevel ?? 99);
    const cheapest = levels.indexOf(Math.min(...levels));
    if (levels[cheapest]! < 99) return cheapest;
  }
  if (/\b(best|highest|top)[ -]?(rated|rating|one)\b|\bbest\b/.test(said)) {
    const ratings = offered.restaurants.map((r) => r.rating ?? -1);
    const best = ratings.indexOf(Math.max(...ratings));
    if (best >= 0 && ratings[best]! >= 0) return best;
  }
  const i = listPosition(text, n);
  return i !== undefined && i >= 0 && i < n ? i : undefined;
}

/** The position the text names in a list of `n` ("the second one", "number 3", "2"), in range or not. */
function listPosition(text: string, n: number): number | undefined {
  const said = ` ${fold(text)} `;
  for (const [pattern, index] of ORDINALS) {
    const m = pattern.exec(said);
    if (m) return Number.isNaN(index(n)) ? Number(m[1]) - 1 : index(n);
  }
  return undefined;
}

export function confirmed(t: Turn, b: BookingInfo, asked?: DiningSearch): Reply[] {
  const when = `${describeDate(b.date, t.today.date)} at ${describeTime(b.time)}`;
  const to = b.email ?? b.phone;
  // The catalog answers a second booking of the same table and time with the first one: say so rather than
  // "Booked!" with a party size or contact the user did not ask for this time.
  const earlier =
    asked &&
    (b.partySize !== asked.partySize ||
      (asked.email !== undefined && b.email?.toLowerCase() !== asked.email.toLowerCase()) ||
      (asked.phone !== undefined && b.phone !== asked.phone));
  // The same table asked for again in this conversation: the catalog answers the booking already made.
  if (earlier || b.created === false)
    return [
      say(
        `You already have a table at ${b.restaurantName} ${when}, for ${b.partySize}${to ? ` under ${to}` : ''} ` +
          `(booking ${b.id}). To change it, cancel it on the Bookings page and book again.`,
      ),
      quickReplies('Anything else?', [
        ['Gift ideas', 'I need a gift'],
        ['Another restaurant', 'find a restaurant'],
      ]),
    ];
  t.state.booked = {
    id: b.id,
    restaurantName: b.restaurantName,
    date: b.date,
    time: b.time,
    partySize: b.partySize,
    ...(b.email ? { email: b.email } : {}),
    ...(b.phone ? { phone: b.phone } : {}),
  };
  return [
    say(
      `Booked! A table for ${b.partySize} at ${b.restaurantName}, ${when}${to ? `, under ${to}` : ''}. ` +
        `Your booking number is ${b.id}; you'll find it under your bookings.`,
    ),
    quickReplies('Anything else?', [
      ['Gift ideas', 'I need a gift'],
      ['Another restaurant', 'find a restaurant'],
    ]),
  ];
}

/** Books `restaurantId` for `search`; the catalog's refusal (closed then, party too large) comes back as text. */
export async function tryBook(
  t: Turn,
  restaurantId: string,
  search: DiningSearch,
): Promise<{ booking: BookingInfo } | { refusal: string; code: string }> {
  try {
    const request = { date: search.date, time: search.time, partySize: search.partySize };
    const booking = await t.tables.book(t.caller, restaurantId, {
      ...request,
      ...(search.email ? { email: search.email } : {}),
      ...(search.phone ? { phone: search.phone } : {}),
    });
    return { booking };
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.kind === 'conflict' || error.kind === 'invalid' || error.kind === 'not_found')
    )
      return { refusal: error.message, code: error.code };
    throw error;
  }
}

export function offerButtons(
  offered: OfferedTables,
  text = 'Want me to book one of them?',
  plain?: string,
): Reply {
  return quickReplies(
    text,
    offered.restaurants.map((r) => [`Book ${r.name}`, `book a table at ${r.name}`] as [string, string]),
    plain,
  );
}

/**
 * Books the first suggestion that matches the whole request and accepts the booking; undefined when none does
 * (the caller then shows the suggestions to choose from).
 */
export async function bookBestPick(
  t: Turn,
  search: DiningSearch,
  picks: RestaurantPick[],
): Promise<TurnResult | undefined> {
  for (const pick of picks.filter((p) => p.match === 'exact')) {
    const outcome = await tryBook(t, pick.restaurant.id, search);
    if ('booking' in outcome) return { state: t.state, replies: confirmed(t, outcome.booking, search) };
  }
  return undefined;
}

/** "Book the first one at 8 instead": the offered search with the day, time or party the message changes. */
function changedSearch(t: Turn, search: DiningSearch): DiningSearch {
  const { u, today } = t;
  const next = { ...search };
  if (u.date && u.date >= today.date) next.date = u.date;
  if (u.time) next.time = u.time;
  if (u.partySize && Number.isInteger(u.partySize) && u.partySize >= 1 && u.partySize <= 20)
    next.partySize = u.partySize;
  return next;
}

/** "Book the second one": books an offered restaurant, or asks which one. */
export async function bookOffered(t: Turn, offered: OfferedTables): Promise<TurnResult> {
  const index = pickOffered(t.u.text, offered);
  const count = offered.restaurants.length;
  const names = offered.restaurants.map((r) => r.name).join(', ');
  // "The fourth one" of three: none of them, and said so.
  if (index === undefined && (listPosition(t.u.text, count) ?? -1) >= count)
    return {
      state: t.state,
      replies: [
        offerButtons(
          offered,
          `I only suggested ${count}. Which one would you like?`,
          `I only suggested ${count}: ${names}. Which one would you like?`,
        ),
      ],
    };
  if (index === undefined)
    return {
      state: t.state,
      replies: [
        offerButtons(
          offered,
          'Which one? Tap to book one of them:',
          `Which one? Say its name or its place in the list: ${names}.`,
        ),
      ],
    };
  const chosen = offered.restaurants[index]!;
  // "Book the first one for 25 people": refused as a search would be, never booked for the old party.
  const party = t.u.partySize;
  if (party !== undefined && (!Number.isInteger(party) || party < 1 || party > 20))
    return {
      state: t.state,
      replies: [
        say(
          `I can book tables for 1 to 20 people, so I haven't booked ${chosen.name}. How many of you will there be?`,
        ),
      ],
    };
  const search = changedSearch(t, offered.search);
  const outcome = await tryBook(t, chosen.id, search);
  if ('booking' in outcome) {
    t.state.offered = undefined;
    return { state: t.state, replies: confirmed(t, outcome.booking, search) };
  }
  // Closed at that hour: it stays on offer, with its hours that day, and "book it at 9" books it then.
  if (outcome.code === 'RESTAURANT_CLOSED') {
    const day = new Date(`${search.date}T12:00:00Z`).getUTCDay();
    const hours = hoursOn(chosen, day);
    offered.focus = index;
    const when = hours
      ? `it's open ${hours} ${describeDate(search.date, t.today.date)}. Say "book it at" another time, or pick another place.`
      : `it's closed ${describeDate(search.date, t.today.date)}. Pick another place, or another day.`;
    return {
      state: t.state,
      replies: [say(`Sorry, I couldn't book ${chosen.name} then: ${when}`), offerButtons(offered)],
    };
  }
  const { focus: _focus, ...rest } = offered;
  const others = { ...rest, restaurants: offered.restaurants.filter((_, i) => i !== index) };
  const replies = [say(`Sorry, I couldn't book ${chosen.name}: ${outcome.refusal}`)];
  if (others.restaurants.length > 0) {
    t.state.offered = others;
    replies.push(offerButtons(others));
  } else {
    t.state.offered = undefined;
    replies.push(quickReplies('Shall we look again?', [['Find a restaurant', 'find a restaurant']]));
  }
  return { state: t.state, replies };
}

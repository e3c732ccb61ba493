// A restaurant the user names: "book a table at Pizzeria Luna" books it (after the usual questions and a
// confirmation), "is Osteria Stella any good?" describes it and offers to book it.
import type { RestaurantInfo } from '../recommend/recommend.types.js';
import { confirmed, tryBook } from './booking.js';
import { restaurantAddress, restaurantPayload } from './cards.js';
import type { NamedRestaurant, OpeningHours } from './dialog.types.js';
import { absorbDining } from './dining-absorb.js';
import { askNext, complete, slotsOf, toSearch } from './dining-flow.js';
import { openAt, timeChoices } from './dining-questions.js';
import { reprompt, resetFlow } from './fallback.js';
import { describeTime } from './local-time.js';
import { countWords } from './number-words.js';
import { quickReplies, restaurantCard, say } from './replies.js';
import { afterAnswer, type Turn, type TurnResult } from './turn.types.js';

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function toNamed(r: RestaurantInfo): NamedRestaurant {
  return {
    id: r.id,
    name: r.name,
    cuisine: r.cuisine,
    area: r.area,
    address: restaurantAddress(r),
    rating: r.rating,
    ...(r.openingHours ? { openingHours: r.openingHours } : {}),
    ...(r.maxPartySize ? { maxPartySize: r.maxPartySize } : {}),
  };
}

/** The restaurant the message names, unless it is one of the suggestions on screen (booked as such). */
export function namedRestaurant(t: Turn): RestaurantInfo | undefined {
  const r = t.lexicon.findRestaurant(t.u.text);
  if (!r || t.state.offered?.restaurants.some((o) => o.id === r.id)) return undefined;
  return r;
}

/** "5pm–11pm" on `day` (0 = Sunday), or undefined when closed that day or the hours are unknown. */
export function hoursOn(r: { openingHours?: OpeningHours }, day: number): string | undefined {
  const ranges = (r.openingHours ?? []).filter((h) => h.day === day);
  if (ranges.length === 0) return undefined;
  return ranges.map((h) => `${describeTime(h.open)}–${describeTime(h.close)}`).join(' and ');
}

/** "open 5pm–11pm every day but Monday", "open 11am–3pm on Saturdays and Sundays"; undefined when unknown. */
export function describeHours(r: { openingHours?: OpeningHours }): string | undefined {
  if (!r.openingHours || r.openingHours.length === 0) return undefined;
  const byHours = new Map<string, number[]>();
  for (let day = 0; day < 7; day += 1) {
    const hours = hoursOn(r, day);
    if (hours) byHours.set(hours, [...(byHours.get(hours) ?? []), day]);
  }
  const parts = [...byHours].map(([hours, days]) => {
    if (days.length === 7) return `${hours} every day`;
    if (days.length === 6 && byHours.size === 1) {
      const closed = [0, 1, 2, 3, 4, 5, 6].find((d) => !days.includes(d))!;
      return `${hours} every day but ${weekdays[closed]}`;
    }
    const names = days.map((d) => `${weekdays[d]}s`);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
    return `${hours} on ${list}`;
  });
  return `open ${parts.join('; ')}`;
}

/** A question about opening hours ("is the second one open on Monday?", "when does it close?"). */
export const hoursQuestion = /\b(open|opens|opening|hours|close|closes|closing)\b/i;

const dayNames = /\b(sun|mon|tue|wed|thu|fri|sat)[a-z]*\b/i;

/**
 * "Is it open on Monday?", "when does it open?": the hours on the day the question names, or the whole week;
 * undefined when the hours are unknown.
 */
export function openingAnswer(
  r: { name: string; openingHours?: OpeningHours },
  text: string,
  now?: { date: string; time: string },
): string | undefined {
  if (!r.openingHours || r.openingHours.length === 0) return undefined;
  // "Is it open now?": yes or no, with until when or from when today.
  if (now && /\b(now|right now|currently|at the moment|still open)\b/i.test(text)) {
    const day = new Date(`${now.date}T12:00:00Z`).getUTCDay();
    const today = r.openingHours.filter((h) => h.day === day);
    const current = today.find((h) => h.open <= now.time && h.close > now.time);
    if (current) return `Yes, ${r.name} is open now, until ${describeTime(current.close)}.`;
    const later = today.find((h) => h.open > now.time);
    return later
      ? `No, ${r.name} is closed now; it opens at ${describeTime(later.open)} today.`
      : `No, ${r.name} is closed now${hoursOn(r, (day + 1) % 7) ? `; tomorrow it's open ${hoursOn(r, (day + 1) % 7)}` : ''}.`;
  }
  const named = dayNames.exec(text)?.[1]?.toLowerCase();
  if (named) {
    const day = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(named);
    const hours = hoursOn(r, day);
    return hours
      ? `${r.name} is open ${hours} on ${weekdays[day]}s.`
      : `${r.name} is closed on ${weekdays[day]}s.`;
  }
  return `${r.name} is ${describeHours(r)}.`;
}

/** What we know of a named restaurant, its card, and an offer to book it ("yes" then books it). */
export function describeNamed(t: Turn, r: RestaurantInfo): TurnResult {
  const { lexicon, state } = t;
  const named = toNamed(r);
  const cuisine = lexicon.cuisineName(r.cuisine);
  const article = /^[aeiou]/i.test(cuisine) ? 'an' : 'a';
  const hours = describeHours(named);
  const text =
    (hoursQuestion.test(t.u.text) ? openingAnswer(named, t.u.text, t.today) : undefined) ??
    `${r.name} is ${article} ${cuisine} restaurant in ${lexicon.areaName(r.area)}, at ${r.address.street}, ` +
      `rated ${r.rating.toFixed(1)}★${hours ? `, ${hours}` : ''}.`;
  state.described = named;
  return {
    state,
    replies: [
      say(text),
      restaurantCard(restaurantPayload(r, lexicon)),
      quickReplies('Shall I book you a table there?', [
        [`Book ${r.name}`, `book a table at ${r.name}`],
        ['Find another place', 'find a restaurant'],
      ]),
    ],
  };
}

/** The character range of `name` in `text`, matched word by word after folding case and accents. */
function nameSpan(text: string, name: string): [number, number] | undefined {
  const foldWord = (w: string) =>
    w
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '');
  const want = name
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(foldWord);
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  for (let i = 0; i + want.length <= words.length; i += 1) {
    if (want.every((w, k) => foldWord(words[i + k]![0]) === w)) {
      const last = words[i + want.length - 1]!;
      return [words[i]!.index!, last.index! + last[0].length];
    }
  }
  return undefined;
}

/**
 * Starts (or turns the current search into) booking a table at `r`: its cuisine and area are taken from it,
 * the rest of the message ("for 2 tomorrow at 8") fills the other values, and the next question is asked.
 */
export function bookNamed(t: Turn, r: NamedRestaurant): TurnResult {
  const { state } = t;
  const before = state.dining.restaurant?.id;
  // "Can you book Zaytoon Mezze instead?" with suggestions on screen: for the day, time, party and contact of
  // the search they answered.
  const context = state.flow === 'dining' ? undefined : state.offered?.search;
  state.flow = 'dining';
  state.booking = true;
  state.offered = undefined;
  state.described = undefined;
  state.suggested = undefined;
  const d = state.dining;
  if (context) {
    const { cuisine: _cuisine, area: _area, ...rest } = slotsOf(context);
    Object.assign(d, rest);
  }
  Object.assign(d, { restaurant: r, cuisine: r.cuisine, area: r.area, picked: undefined });
  // The name is not a cuisine or an area ("Pizzeria", "Union Square Grill"): the rest of the message is read.
  const span = nameSpan(t.u.text, r.name);
  const rest = span ? `${t.u.text.slice(0, span[0])} ${t.u.text.slice(span[1])}` : t.u.text;
  const absorbed = absorbDining({ ...t, u: { ...t.u, text: rest, cuisine: undefined, area: undefined } });
  Object.assign(d, { restaurant: r, cuisine: r.cuisine, area: r.area });
  if (absorbed.problems.length > 0) {
    if (absorbed.ask) state.awaiting = absorbed.ask;
    return reprompt(t, absorbed.problems);
  }
  const intro =
    before === r.id
      ? []
      : [
          `${r.name}: ${t.lexicon.cuisineName(r.cuisine)} in ${t.lexicon.areaName(r.area)}, rated ${r.rating.toFixed(1)}★.`,
        ];
  return askNext(t, intro);
}

/**
 * What the restaurant named for a booking cannot do with what is known so far, said before the contact and the
 * confirmation are asked for: closed that day (the day is asked again) or at that hour (the time is), or a
 * party larger than it seats (another place of its cuisine and area is looked for instead). Undefined when
 * nothing clashes, or for a place the concierge picked itself.
 */
export function namedClash(t: Turn): string | undefined {
  const d = t.state.dining;
  const r = d.restaurant;
  if (!r || d.picked) return undefined;
  if (d.partySize && r.maxPartySize && d.partySize > r.maxPartySize) {
    d.restaurant = undefined;
    return (
      `${r.name} seats parties of up to ${r.maxPartySize}, so I'll look for another ` +
      `${t.lexicon.cuisineName(r.cuisine)} place in ${t.lexicon.areaName(r.area)} for ${d.partySize}.`
    );
  }
  if (!d.date || !r.openingHours || r.openingHours.length === 0) return undefined;
  const day = new Date(`${d.date}T12:00:00Z`).getUTCDay();
  const hours = hoursOn(r, day);
  if (!hours && !r.openingHours.some((h) => h.close <= h.open && h.day === (day + 6) % 7)) {
    d.date = undefined;
    return `${r.name} is closed on ${weekdays[day]}s (${describeHours(r)}).`;
  }
  const noneLeft = () => timeChoices(d.meal, d.date, t.today, r.openingHours).length === 0;
  const when = d.date === t.today.date ? 'today' : `on ${weekdays[day]}s`;
  if (d.time && !openAt(r.openingHours, day, d.time)) {
    const asked = describeTime(d.time);
    d.time = undefined;
    const said = hours
      ? `${r.name} isn't open at ${asked} on ${weekdays[day]}s: it's open ${hours}`
      : `${r.name} isn't open at ${asked} on ${weekdays[day]}s (${describeHours(r)})`;
    if (!noneLeft()) return `${said}.`;
    d.date = undefined;
    return `${said}, and it has no table left ${when}.`;
  }
  // "Tonight" after it has closed for the day: another day.
  if (!d.time && noneLeft()) {
    d.date = undefined;
    return `${r.name} has no table left ${when}${hours ? ` (it's open ${hours} on ${weekdays[day]}s)` : ''}.`;
  }
  return undefined;
}

/**
 * Books the confirmed table at the named restaurant. When it cannot be booked then: closed that day or hour,
 * the hours are said and the day or time asked again; a party too large for it gets suggestions of the same
 * cuisine and area instead; a day in the past or too far ahead is asked again.
 */
export async function bookNamedTable(t: Turn): Promise<TurnResult> {
  const { state } = t;
  const d = state.dining;
  const r = d.restaurant!;
  const search = toSearch(t);
  const outcome = await tryBook(t, r.id, search);
  if ('booking' in outcome) {
    await afterAnswer(t, t.lastSearches.save(state.userId, search));
    resetFlow(t);
    return { state, replies: confirmed(t, outcome.booking, search) };
  }
  const sorry = `Sorry, I couldn't book ${r.name}`;
  if (outcome.code === 'RESTAURANT_CLOSED') {
    const day = new Date(`${search.date}T12:00:00Z`).getUTCDay();
    const hours = hoursOn(r, day);
    // Only what was wrong is asked again: the day when it is closed all day, otherwise the time.
    if (hours) d.time = undefined;
    else d.date = undefined;
    const why = hours
      ? `it's open ${hours} on ${weekdays[day]}s.`
      : `it's closed on ${weekdays[day]}s${describeHours(r) ? ` (${describeHours(r)})` : ''}.`;
    return askNext(t, [`${sorry} then: ${why}`]);
  }
  if (outcome.code === 'PARTY_TOO_LARGE' || outcome.code === 'NOT_FOUND' || d.picked) {
    // Somewhere else of the same kind, to choose from rather than booked unasked (nor sent unasked).
    const picked = d.picked;
    d.restaurant = undefined;
    d.picked = undefined;
    state.booking = false;
    const result = await complete(t, false);
    const reason =
      outcome.code === 'NOT_FOUND'
        ? `${sorry}: it is no longer listed.`
        : picked
          ? `${sorry}: ${outcome.refusal}`
          : `Sorry, ${outcome.refusal}`;
    return { state: result.state, replies: [say(reason), ...result.replies] };
  }
  d.date = undefined;
  d.time = undefined;
  return askNext(t, [`${sorry}: ${outcome.refusal}`]);
}

/** After "book a table at" or "book": the name said ("Nobu", "kimchee garden", "Luna"), up to the first value. */
const atName =
  /\b(?:table|reservation|booking|book|reserve)\s+(?:(?:me|us)\s+)?(?:a\s+table\s+)?at\s+(?:the\s+)?(.+?)(?=\s+(?:for|on|at|by|tomorrow|today|tonight|next|this|in|around|please|and)\b|[,.!?;]|$)/i;
const bookName =
  /\b(?:book|reserve)\s+(?!(?:a|an|the|me|us|it|that|this|one|table|something|somewhere|anything|nothing|everything|them|another|there|again|yet|now|for|at|in|on)\b)(.+?)(?=\s+(?:for|on|at|by|tomorrow|today|tonight|next|this|in|around|please|and)\b|[,.!?;]|$)/i;
/** Words of a kind of place, not a name ("an italian place", "somewhere nice"). */
const placeWords =
  /\b(place|places|restaurant|restaurants|spot|somewhere|anywhere|something|joint|table|food|cuisine|dinner|lunch|brunch|breakfast|one|ones|suggestions?)\b/i;

/** The restaurant name a booking request says, when it reads as a name rather than a kind of place or a value. */
export function saidRestaurantName(t: Turn): string | undefined {
  if (/\b(don'?t|do not|not yet|no need to)\b/i.test(t.u.text)) return undefined;
  const phrase = (atName.exec(t.u.text) ?? bookName.exec(t.u.text))?.[1]?.trim();
  if (!phrase || phrase.split(/\s+/).length > 4 || /\d|@/.test(phrase) || placeWords.test(phrase))
    return undefined;
  // "At seven", "at noon", "book my usual": a time or someone's own, not a name.
  const first = phrase.split(/\s+/)[0]!.toLowerCase();
  if (countWords.includes(first) || /^(my|our|your|his|her|their)$/.test(first)) return undefined;
  if (/\b(noon|midnight|o'?clock|tonight|today|tomorrow|half past|quarter)\b/i.test(phrase)) return undefined;
  const { lexicon } = t;
  if (lexicon.findCuisine(phrase) || lexicon.findArea(phrase) || lexicon.findOtherArea(phrase))
    return undefined;
  if (lexicon.nearCuisine(phrase)) return undefined;
  return phrase;
}

/**
 * "Book a table at Nobu", "book Luna", "a table at kimchee garden": a name not known as a whole. One place
 * whose name holds it is booked; several are listed to choose from; a near miss is offered ("Did you mean
 * Kimchi Garden?", and a yes books it); a name nothing resembles is said to be unknown, and the request goes on
 * as a search. Undefined when the message names no restaurant.
 */
export function unknownRestaurant(t: Turn): TurnResult | { unknown: string } | undefined {
  const phrase = saidRestaurantName(t);
  if (!phrase) return undefined;
  const { sharing, near } = t.lexicon.restaurantsLike(phrase);
  if (sharing.length === 1) return bookNamed(t, toNamed(sharing[0]!));
  const { state, lexicon } = t;
  const kind = (r: RestaurantInfo) => `${lexicon.cuisineName(r.cuisine)} in ${lexicon.areaName(r.area)}`;
  // The day, time and party said with the name are kept for the place chosen.
  const keepValues = () => {
    state.flow = 'dining';
    state.booking = true;
    absorbDining({
      ...t,
      u: { ...t.u, text: t.u.text.replace(phrase, ' '), cuisine: undefined, area: undefined },
    });
    state.awaiting = undefined;
  };
  if (sharing.length > 1) {
    keepValues();
    const shown = sharing.slice(0, 5);
    const more = sharing.length > shown.length ? `, and ${sharing.length - shown.length} more` : '';
    return {
      state,
      replies: [
        quickReplies(
          `I have ${sharing.length} places with "${phrase}" in the name: ${shown.map((r) => `${r.name} (${kind(r)})`).join(', ')}${more}. Which one?`,
          shown.map((r) => [r.name, `book a table at ${r.name}`] as [string, string]),
        ),
      ],
    };
  }
  if (near) {
    keepValues();
    state.described = toNamed(near);
    return {
      state,
      replies: [
        quickReplies(
          `I don't know "${phrase}". Did you mean ${near.name} (${kind(near)}, rated ${near.rating.toFixed(1)}★)?`,
          [
            [`Book ${near.name}`, `book a table at ${near.name}`],
            ['Find another place', 'find a restaurant'],
          ],
        ),
      ],
    };
  }
  return { unknown: phrase };
}

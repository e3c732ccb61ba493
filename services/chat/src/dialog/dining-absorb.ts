// Takes the dining values a message carries into the state, validating each; invalid ones become re-prompts.
import { fold } from './aliases.js';
import { toE164 } from './contact.js';
import type { DiningSlot, DiningSlots, Reply, Suggested } from './dialog.types.js';
import {
  buttonTime,
  dayChoices,
  namedHours,
  question,
  slotNamed,
  timeChoices,
  weekendChoice,
} from './dining-questions.js';
import { addDays, describeTime, eveningTime } from './local-time.js';
import { cardPosition } from './positions.js';
import { quickReplies, say } from './replies.js';
import type { Turn } from './turn.types.js';
import { answer } from './yes-no.js';

export interface Absorbed {
  changed: (keyof DiningSlots)[];
  problems: Reply[];
  /** The value the first problem asks for again: the next answer is read as that value ("ok 12 then"). */
  ask?: DiningSlot;
  /** "Did you mean …?" problems, merged into one question when both the cuisine and the area have one. */
  guesses: { kind: 'area' | 'cuisine'; said: string; name: string; reply: Reply }[];
}

function problem(into: Absorbed, slot: DiningSlot, reply: Reply): void {
  into.ask ??= slot;
  into.problems.push(reply);
}

/** "which one", "the highest rated one": the word one, not a party of one. */
const pronounOne =
  /\b(which|this|that|the|first|second|third|last|another|any|each|every|other|rated|best|cheapest|good|nice|no)\s+one\b|\bone\s+of\b/i;

/** The text without its e-mail addresses and clock times, whose digits are not a party. */
function withoutValues(text: string): string {
  return text
    .replace(/\S+@\S+/g, ' ')
    .replace(
      /\b\d{1,2}(:\d\d)?\s*(am|pm|a\.m\.|p\.m\.|o'?clock)\b|\b\d{1,2}:\d\d\b|\b(at|around|by)\s+\d{1,2}\b/gi,
      ' ',
    );
}

/** The party in the message: a bare number only answers "How many people?", and not "change the time to 9". */
function party(
  u: Turn['u'],
  awaiting: Turn['state']['awaiting'],
  known: number | undefined,
): number | undefined {
  if (u.partySize !== undefined) return u.partySize;
  // "For 0 people", "a table for zero": a party of none, refused as such rather than not heard.
  if (
    /\b(?:0|zero|no)\s+(?:people|persons|guests|diners)\b|\b(?:table|booking|reservation)\s+for\s+(?:0|zero)\b/i.test(
      u.text,
    )
  )
    return 0;
  // "For a dozen": twelve people (the party-size reader takes "a" only before a word for people).
  if (/\bfor\s+(?:a|one)\s+dozen\b(?!\s+(?:roses|flowers|tulips|stems|cupcakes|\w+s\b))/i.test(u.text))
    return 12;
  // "Make it 3", "make that 3" is a party wherever it is said.
  if (u.number !== undefined && /\bmake (it|that)\s+\d{1,2}\b(?!\s*(am|pm|:|o'?clock))/i.test(u.text))
    return u.number;
  // "7pm 2 bob@x.com": a lone small number beside other answers, while the party is still to come, is the party.
  if (
    known === undefined &&
    (awaiting !== 'time' || u.time) &&
    u.number !== undefined &&
    Number.isInteger(u.number) &&
    u.number >= 1 &&
    u.number <= 20 &&
    (u.time || u.date || u.email || u.phone) &&
    /^[^\d$#]*\b\d{1,2}\b(?!(st|nd|rd|th)\b|\s*(%|\/|dollars|bucks|am|pm))[^\d]*$/i.test(
      withoutValues(u.text),
    )
  )
    return u.number;
  if (awaiting !== 'partySize' || u.number === undefined) return undefined;
  if (u.number === 1 && pronounOne.test(u.text)) return undefined;
  const named = slotNamed(u.text);
  return named && named !== 'partySize' ? undefined : u.number;
}

/** Words of a day or a time, which a tagged area or cuisine cannot be when the message gives a date or time. */
const dayWords =
  /\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?s?\b|\b(today|tonight|tomorrow|weekend|next|this|morning|evening|night|noon|midnight|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

/** Diets people ask for, which the catalog does not record. */
const diets = /\b(vegetarian|vegan|gluten[- ]free|halal|kosher|dairy[- ]free|plant[- ]based|pescatarian)\b/i;

/** "Surprise me", "whatever": no cuisine in particular. */
const anyFood =
  /\b(surprise me|whatever|anything|don'?t care|you (choose|pick|decide)|no preference|doesn'?t matter|any kind|any (cuisine|food|type))\b/i;

/** Everyday words before "food" or "place" that are near a cuisine's name ("that" and Thai). */
const plainWords = new Set(
  'that this some good nice best great cheap local fancy your their other same fast real late early family quiet cozy casual street comfort soul home decent proper authentic favourite favorite'.split(
    ' ',
  ),
);

/** "thia food", "itallian place": the word before such a noun is meant as the cuisine, misspelt or not. */
const beforeFoodNoun =
  /\b([a-z]{3,})\s+(food|place|places|restaurant|restaurants|cuisine|spot|spots|joint)\b/i;

const areaNames = (t: Turn) => t.lexicon.facets.areas.map((a) => t.lexicon.areaName(a));

/** "Sorry, I don't have "East Village" yet. The closest I have is Greenwich Village": offered, and "yes" takes it. */
function offerClosest(t: Turn, into: Absorbed, slot: 'area' | 'cuisine', asked: string, near: string): void {
  const { lexicon } = t;
  t.state.suggested = [...(t.state.suggested ?? []), { slot, value: near }];
  const name = slot === 'area' ? lexicon.areaName(near) : lexicon.cuisineName(near);
  const all = slot === 'area' ? areaNames(t) : lexicon.facets.cuisines.map((c) => lexicon.cuisineName(c));
  problem(
    into,
    slot,
    quickReplies(
      `Sorry, I don't have "${asked}" yet. The closest I have is ${name}, or pick another ${slot}.`,
      [name, ...all.filter((n) => n !== name)],
    ),
  );
}

/** The covered area inside a borough the catalog does not cover as a whole ("Brooklyn" → Williamsburg). */
const boroughs: Record<string, string> = { brooklyn: 'williamsburg', queens: 'astoria' };
function boroughArea(t: Turn, place: string): string | undefined {
  const area = boroughs[fold(place)];
  return area && t.lexicon.facets.areas.includes(area) ? area : undefined;
}

/**
 * A New York place the catalog does not cover ("the East Village", "Brooklyn"): an area named elsewhere in the
 * message still counts; otherwise the user hears that the place is not covered, with the closest area that
 * shares its name ("Greenwich Village" for the East Village, "Harlem" for East Harlem). False when the
 * message names no such place.
 */
function otherPlace(t: Turn, into: Absorbed): boolean {
  const { lexicon, state } = t;
  const other = lexicon.findOtherArea(t.u.text);
  if (!other) return false;
  const elsewhere = lexicon.findArea(fold(t.u.text).replace(fold(other), ' '));
  if (elsewhere) {
    state.dining.area = elsewhere;
    into.changed.push('area');
    return true;
  }
  const near = lexicon.findArea(other) ?? boroughArea(t, other);
  const names = areaNames(t);
  if (near) offerClosest(t, into, 'area', other, near);
  else {
    problem(
      into,
      'area',
      quickReplies(
        `Sorry, I don't have "${other}" yet. I can search these areas: ${names.join(', ')}.`,
        names,
      ),
    );
  }
  return true;
}

/** Whether the text names (or nearly names) a value of `kind`. */
function names(t: Turn, kind: 'area' | 'cuisine', text: string): boolean {
  const { lexicon } = t;
  const r = kind === 'area' ? lexicon.resolveArea(text) : lexicon.resolveCuisine(text);
  if ('value' in r || r.suggestion !== undefined) return true;
  return kind === 'area'
    ? Boolean(lexicon.findArea(text) ?? lexicon.findOtherArea(text) ?? wholeCity.test(text))
    : lexicon.findCuisine(text) !== undefined;
}

/** The whole city rather than a part of it. */
const wholeCity =
  /\b(manhattan|new york|nyc|new york city|the city|anywhere|doesn'?t matter|don'?t care|don'?t mind|any area|whatever|no preference|up to you|you (choose|pick|decide))\b/i;

/**
 * Whether the whole message answers `kind`: the question asked for it, unless the text is rather the other of
 * area and cuisine ("chelsae" when asked for the food); or the question asked for the other and the text is
 * this one.
 */
function answersHere(t: Turn, kind: 'area' | 'cuisine'): boolean {
  const other = kind === 'area' ? 'cuisine' : 'area';
  const text = t.u.text;
  // "Whatever" answering the food question is about the food.
  if (t.state.awaiting === 'cuisine' && anyFood.test(text)) return kind === 'cuisine';
  if (t.state.awaiting === kind) return names(t, kind, text) || !names(t, other, text);
  return t.state.awaiting === other && names(t, kind, text) && !names(t, other, text);
}

/** Words the tagger sometimes takes for a cuisine or an area ("any good places in soho"). */
const generic = new Set([
  'better',
  'best',
  'works',
  'fine',
  'place',
  'places',
  'spot',
  'spots',
  'food',
  'restaurant',
  'restaurants',
  'somewhere',
  'anywhere',
  'options',
  'something',
  'good',
  'nice',
  'dinner',
  'lunch',
  'brunch',
  'breakfast',
  'eat',
  'table',
  'joint',
  'area',
]);

function place(
  t: Turn,
  kind: 'area' | 'cuisine',
  tagged: string | undefined,
  suggested: Suggested[],
  into: Absorbed,
): void {
  const { lexicon, state } = t;
  // "Next Tuesday" tagged as a place is the day the message gives, not an unknown area.
  // A known area tagged as the cuisine ("Midtown") or a known cuisine tagged as the area is not that.
  const otherKind = (v: string) =>
    kind === 'cuisine'
      ? lexicon.findArea(v) !== undefined && lexicon.findCuisine(v) === undefined
      : lexicon.findCuisine(v) !== undefined && lexicon.findArea(v) === undefined;
  const raw =
    tagged &&
    !generic.has(fold(tagged)) &&
    !((t.u.date || t.u.time) && dayWords.test(tagged)) &&
    !otherKind(tagged)
      ? tagged
      : undefined;
  if (kind === 'area' && otherPlace(t, into)) return;
  // "Manhattan" or "anywhere": asked when the question was the area, or tagged as the area in a request.
  const city = answersHere(t, 'area') || (raw !== undefined && wholeCity.test(raw));
  if (kind === 'area' && !lexicon.findArea(t.u.text) && wholeCity.test(t.u.text) && city) {
    const all = areaNames(t);
    problem(
      into,
      'area',
      quickReplies(`Which part of town? I can search these areas: ${all.join(', ')}.`, all),
    );
    return;
  }
  // "Soho not chelsea": the place refused is not the one meant.
  const kept = t.u.text.replace(
    /\b(?:not|instead of|rather than)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?/gi,
    ' ',
  );
  const found =
    (kind === 'area' ? lexicon.findArea(kept) : lexicon.findCuisine(kept)) ??
    (kind === 'area' ? lexicon.findArea(t.u.text) : lexicon.findCuisine(t.u.text));
  const reply = answer(t.u.text);
  // "Yes" to "Did you mean Harlem?" takes the suggestion; a yes or no is never itself a place or a cuisine.
  if (reply && !raw && !found) {
    const guess = reply === 'yes' ? suggested.find((s) => s.slot === kind) : undefined;
    if (guess) {
      state.dining[kind] = guess.value;
      into.changed.push(kind);
    }
    return;
  }
  const u = t.u;
  const other = kind === 'area' ? u.cuisine : u.area;
  const answersOtherSlot = other ?? u.date ?? u.time ?? u.partySize ?? u.number ?? u.email ?? u.phone;
  let text = raw ?? (answersHere(t, kind) && answersOtherSlot === undefined && !reply ? u.text : undefined);
  if (!text && !found && kind === 'cuisine') {
    const word = beforeFoodNoun.exec(u.text)?.[1];
    const r =
      word && word.length >= 4 && !generic.has(fold(word)) && !plainWords.has(fold(word))
        ? lexicon.resolveCuisine(word)
        : undefined;
    if (r && ('value' in r || r.suggestion !== undefined)) text = word;
  }
  if (!text && !found) return;
  // "at" left of "at Kissa Mori" once the name is read: nothing to look up.
  if (
    !found &&
    text &&
    !/[a-z]{3,}/i.test(text.replace(/\b(at|the|an?|in|on|for|to|please|pls|book|table)\b/gi, ''))
  )
    return;
  if (kind === 'cuisine' && !found && text && anyFood.test(text)) {
    const all = lexicon.facets.cuisines.map((c) => lexicon.cuisineName(c));
    problem(
      into,
      'cuisine',
      quickReplies('I search by kind of food. Pick one and I will find the best places:', all),
    );
    return;
  }
  // "I'm vegetarian": a diet is not a cuisine; said so, and the kind of food asked for.
  const diet = kind === 'cuisine' && !found && text ? diets.exec(text)?.[0] : undefined;
  if (diet) {
    const all = lexicon.facets.cuisines.map((c) => lexicon.cuisineName(c));
    problem(
      into,
      'cuisine',
      quickReplies(
        `I can't search by diet yet, but most places have ${diet.toLowerCase()} dishes. What kind of food would you like?`,
        all,
      ),
    );
    return;
  }
  const near = kind === 'cuisine' && !found && text ? lexicon.nearCuisine(text) : undefined;
  if (near) {
    // "Greek" is not on the menu, but Mediterranean is close: offered, and "yes" takes it.
    offerClosest(t, into, 'cuisine', text!, near);
    return;
  }
  const resolved = found
    ? { value: found }
    : kind === 'area'
      ? lexicon.resolveArea(text!)
      : lexicon.resolveCuisine(text!);
  if ('value' in resolved) {
    state.dining[kind] = resolved.value;
    into.changed.push(kind);
    return;
  }
  // A long answer without a known name is not a place or cuisine: the question is asked again instead.
  if (!raw && text && text.split(/\s+/).length > 3) return;
  const names = kind === 'area' ? areaNames(t) : lexicon.facets.cuisines.map((c) => lexicon.cuisineName(c));
  const label = kind === 'area' ? 'areas' : 'cuisines';
  if (resolved.suggestion) {
    state.suggested = [...(state.suggested ?? []), { slot: kind, value: resolved.suggestion }];
    const name =
      kind === 'area' ? lexicon.areaName(resolved.suggestion) : lexicon.cuisineName(resolved.suggestion);
    const reply = quickReplies(`I don't know "${text}". Did you mean ${name}?`, [
      name,
      ...names.filter((n) => n !== name),
    ]);
    problem(into, kind, reply);
    into.guesses.push({ kind, said: text!, name, reply });
  } else {
    problem(
      into,
      kind,
      quickReplies(
        `Sorry, I don't have "${text}" yet. I can search these ${label}: ${names.join(', ')}.`,
        names,
      ),
    );
  }
}

/** "In the evening", "late": a time of day, but not a time to book. */
export const vagueTime =
  /\b(evening|night|late|afternoon|morning|lunch ?time|dinner ?time|early|whenever)\b/i;

/** "now", "asap": as soon as a table can be had. */
export const rightAway =
  /^\s*(right )?now|\basap\b|\bas soon as possible\b|\bstraight away\b|\bimmediately\b/i;

/**
 * "Table for 2 now near midtown", "korean in williamsburg now for 2", "asap": today, at the next quarter hour. "Now French in Tribeca" starts a new
 * search; its "now" is not a time.
 */
const hurry =
  /\b(right now|asap|as soon as possible|right away|straight away|immediately)\b|\b(table|dinner|lunch|breakfast|brunch|seat|somewhere|place|spot|food|eat|restaurant)\b[^.,!?]{0,25}\bnow\b|\bnow\s*(please|pls)?\s*([,.!?]|$)|(?<!^\s*)\bnow\s+for\s+(\d|a\b|one|two|three|four|five|six|me\b|us\b)/i;

/** The next quarter hour at least 15 minutes after `time` ("13:32" → "14:00"), the same day. */
function soon(time: string): string | undefined {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const minutes = Math.ceil((h * 60 + m + 15) / 15) * 15;
  if (minutes >= 24 * 60) return undefined;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const meals = /\b(breakfast|brunch|lunch|dinner|supper)\b/i;
const evening = /pm|p\.m|evening|tonight|night/i;

/** The time a message gives: its own, or a bare number answering "What time?" ("like 11"). */
function timeOf(t: Turn): string | undefined {
  const { u, state } = t;
  let time = u.time;
  // "Now" is the time only when asked for one, or when the request has no time yet ("a table now").
  if (
    !time &&
    (state.awaiting === 'time' ? rightAway.test(u.text) : !state.dining.time && hurry.test(u.text))
  )
    time = soon(t.today.time);
  // "730", "1930", "8 45" or "8.45" answering "What time?".
  const clock =
    state.awaiting === 'time' ? /^\s*(?:at\s+)?(\d{1,2})[\s.]?([0-5]\d)\s*(am|pm)?\s*$/i.exec(u.text) : null;
  if (!time && clock && Number(clock[1]) <= 23) {
    const h = Number(clock[1]);
    const m = clock[3]?.toLowerCase();
    time =
      m === undefined
        ? eveningTime(h, clock[2])
        : `${String((h % 12) + (m === 'pm' ? 12 : 0)).padStart(2, '0')}:${clock[2]}`;
  }
  // Written as digits: "the first one" (a button's place) is not 1 o'clock.
  const digits = /\b\d{1,2}\b/.test(u.text);
  if (!time && state.awaiting === 'time' && digits && u.number !== undefined && Number.isInteger(u.number)) {
    const h = u.number;
    if (h >= 1 && h <= 12) time = eveningTime(h);
  }
  // Dinner "at 11" is 11 pm.
  if (
    time === '11:00' &&
    /\b(dinner|supper|tonight|night|evening|late)\b/i.test(u.text) &&
    !/\ba\.?m\b/i.test(u.text)
  )
    time = '23:00';
  // Breakfast and brunch are in the morning: "at 11" or "around 9" without "pm" is not the evening.
  const meal = state.dining.meal;
  if (time && (meal === 'breakfast' || meal === 'brunch') && !evening.test(u.text)) {
    const h = Number(time.slice(0, 2));
    if (h >= 13 && h <= 22) time = `${String(h - 12).padStart(2, '0')}${time.slice(2)}`;
  }
  return time;
}

function when(t: Turn, into: Absorbed): void {
  const { u, state, today } = t;
  const meal = meals.exec(u.text)?.[1]?.toLowerCase();
  if (meal) state.dining.meal = meal === 'supper' ? 'dinner' : (meal as DiningSlots['meal']);
  const time = timeOf(t);
  // "Now" or "asap" in a request is today.
  if (!u.date && !state.dining.date && !u.time && time && state.awaiting !== 'time' && hurry.test(u.text)) {
    state.dining.date = today.date;
    into.changed.push('date');
  }
  if (u.date && u.date < today.date) {
    problem(
      into,
      'date',
      quickReplies('That date has already passed. Which day would you like?', ['Today', 'Tomorrow']),
    );
  } else if (u.date && u.date > addDays(today.date, 90)) {
    problem(into, 'date', say('I can only look up to 90 days ahead. Which day would you like?'));
  } else if (u.date) {
    state.dining.date = u.date;
    into.changed.push('date');
  }
  if (time && time >= '01:00' && time < '06:00') {
    // "At 4am": nearly every place is closed, so ask again rather than suggest places open at other times.
    problem(
      into,
      'time',
      quickReplies(`Hardly anywhere is open at ${describeTime(time)}. What time would suit you?`, [
        '7pm',
        '8pm',
        '9pm',
      ]),
    );
  } else if (time) {
    state.dining.time = time;
    into.changed.push('time');
  }
  const { date } = state.dining;
  if (
    (u.date || time) &&
    date === today.date &&
    state.dining.time !== undefined &&
    state.dining.time <= today.time
  ) {
    delete state.dining.time;
    // A time refused is no answer: three in a row lead to the way out, as for any other question.
    into.changed = into.changed.filter((k) => k !== 'time');
    tooLate(t, into, 'That time has already passed today.');
  } else if (u.date === today.date && !time && state.dining.time === undefined) {
    tooLate(t, into);
  }
}

/**
 * On the day itself, a time refused because it has passed is asked again with the times still ahead; once none
 * is (late in the evening), the day is asked again instead, without Today. With `why` undefined, only that last
 * case is checked ("italian tonight" at 11pm).
 */
function tooLate(t: Turn, into: Absorbed, why?: string): void {
  const { state, today } = t;
  const hours = namedHours(state.dining);
  const ahead = timeChoices(state.dining.meal, today.date, today, hours);
  if (ahead.length > 0) {
    if (why) problem(into, 'time', quickReplies(`${why} What time would suit you?`, ahead));
    return;
  }
  delete state.dining.date;
  into.changed = into.changed.filter((k) => k !== 'date');
  problem(
    into,
    'date',
    quickReplies(
      `${state.dining.restaurant && hours ? `${state.dining.restaurant.name} has no table left today` : "It's too late for a table today"}. Which day would you like?`,
      dayChoices(today, state.dining.meal, hours),
    ),
  );
}

function people(t: Turn, into: Absorbed): void {
  const size = party(t.u, t.state.awaiting, t.state.dining.partySize);
  if (size === undefined) return;
  if (!Number.isInteger(size) || size < 1 || size > 20) {
    problem(
      into,
      'partySize',
      say('I can suggest tables for 1 to 20 people. How many of you will there be?'),
    );
    return;
  }
  t.state.dining.partySize = size;
  into.changed.push('partySize');
}

function contact(t: Turn, into: Absorbed): void {
  const { u, state } = t;
  if (u.email) {
    state.dining.email = u.email;
    delete state.dining.phone;
    into.changed.push('email');
  } else if (u.phone && (toE164(u.phone) || state.awaiting === 'contact')) {
    const phone = toE164(u.phone);
    if (phone) {
      state.dining.phone = phone;
      delete state.dining.email;
      into.changed.push('phone');
    } else
      problem(
        into,
        'contact',
        say("That phone number doesn't look right. Please send it with the area code, e.g. +1 212 555 0199."),
      );
  } else if (u.badEmail) {
    problem(
      into,
      'contact',
      say("That e-mail address doesn't look right. Could you type it again, e.g. name@example.com?"),
    );
  } else if (into.changed.includes('partySize') && !u.badPhone) {
    // "Make that 3" answering the contact question changed the party; the 3 is no phone number.
  } else if (
    (state.awaiting === 'contact' &&
      (u.badPhone || (u.number !== undefined && /^\D*\d{1,6}\D*$/.test(u.text.trim())))) ||
    // "…and my number is 555-12": a number was meant, wherever it is said.
    (u.badPhone && /\b(phone|number|cell|mobile|text me|call me)\b/i.test(u.text))
  ) {
    problem(
      into,
      'contact',
      say("That phone number doesn't look right. Please send it with the area code, e.g. +1 212 555 0199."),
    );
  }
}

/** "the first one", "second option please": nothing but a button's position. */
export const onlyPosition =
  /^\s*(ok,?\s+)?(the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th|top|middle)(\s+(one|option|choice|button))?(\s+please)?\s*[.!]?\s*$/i;

/** "The first one" answering a question with buttons: the value of that button, as if its label were typed. */
function buttonPicked(t: Turn, into: Absorbed): boolean {
  const { state, lexicon, today } = t;
  const slot = state.awaiting;
  if (!slot || slot === 'confirm' || slot === 'gift' || slot === 'contact') return false;
  if (!onlyPosition.test(t.u.text)) return false;
  const reply = question(
    slot,
    lexicon,
    state.booking === true,
    state.dining.meal,
    today,
    state.dining.date,
    namedHours(state.dining),
  );
  const options =
    reply.type === 'structured' && reply.card === 'quick_replies' ? reply.payload.options : undefined;
  if (!options) return false;
  const position = cardPosition(t.u.text);
  const label = position === undefined ? undefined : options.at(position)?.label;
  if (!label) return false;
  const d = state.dining;
  if (slot === 'cuisine' || slot === 'area') {
    const r = slot === 'area' ? lexicon.resolveArea(label) : lexicon.resolveCuisine(label);
    if (!('value' in r)) return false;
    d[slot] = r.value;
  } else if (slot === 'partySize') d.partySize = Number(label);
  else if (slot === 'date')
    d.date =
      label === 'Today'
        ? today.date
        : label === 'Tomorrow'
          ? addDays(today.date, 1)
          : weekendChoice(today.date).date;
  else {
    const time = buttonTime(label);
    if (!time) return false;
    d.time = time;
  }
  into.changed.push(slot);
  return true;
}

/**
 * "itallian in chelsae": one question for both guesses ("Did you mean Italian in Chelsea?"), which a yes
 * answers at once, rather than two questions of which a yes could only answer one.
 */
function mergeGuesses(into: Absorbed): void {
  const cuisine = into.guesses.find((g) => g.kind === 'cuisine');
  const area = into.guesses.find((g) => g.kind === 'area');
  if (!cuisine || !area) return;
  const both = quickReplies(
    `I don't know "${cuisine.said}" or "${area.said}". Did you mean ${cuisine.name} in ${area.name}?`,
    [
      [`Yes, ${cuisine.name} in ${area.name}`, 'yes'],
      ['No', 'no'],
    ],
  );
  into.problems = into.problems.filter((p) => p !== area.reply).map((p) => (p === cuisine.reply ? both : p));
}

/** Applies every dining value in the message to `t.state.dining`; later values override (corrections). */
export function absorbDining(t: Turn): Absorbed {
  const into: Absorbed = { changed: [], problems: [], guesses: [] };
  if (buttonPicked(t, into)) return into;
  // A state saved before guesses became a list holds one guess.
  const saved: Suggested[] | Suggested | undefined = t.state.suggested;
  const suggested = Array.isArray(saved) ? saved : saved ? [saved] : [];
  t.state.suggested = undefined;
  place(t, 'cuisine', t.u.cuisine, suggested, into);
  place(t, 'area', t.u.area, suggested, into);
  mergeGuesses(into);
  when(t, into);
  people(t, into);
  contact(t, into);
  return into;
}

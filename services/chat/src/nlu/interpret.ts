// Turns the engine's parse into an Understanding: picks slot values, reads dates and times in the user's zone.
import type { BuiltinEntity, NluModel, ParsedEntity } from '@concierge/nlu';
import { localMoment } from '@concierge/platform';
import { addDays } from '../dialog/local-time.js';
import { countWords } from '../dialog/number-words.js';
import type { Understanding } from './understanding.js';

export interface InterpretContext {
  now: Date;
  timeZone: string;
}

const dateCue =
  /today|tonight|tomorrow|hours?\b|minutes?\b|\bmins?\b|days?\b|week|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d+\/\d+|\d+(st|nd|rd|th)|next|this/i;
const timeCue = /\d|noon|midnight|\bhours?\b|\bminutes?\b|\bmins?\b/i;
const meridiem = /am|pm|a\.m|p\.m|noon|midnight|morning/i;

/** "change the day" names which value to change, not a day. */
const noDay = /^(the|a|that|this|which|what|other|another)?\s*(day|date)$/i;

const weekday = /\b(mon|tue|wed|thu|fri|sat|sun)/i;

/** A date named by its month or numbers ("friday december 4", "12/4", "the 4th"), not only by a weekday. */
const calendarDate =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}(st|nd|rd|th)\b|\d+\/\d+/i;
const weekdayIndex = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * The day meant when it has passed: chrono reads dates forward, so "last saturday" came out as the coming one
 * and "november 2" (in late November) as next year's. The past day is kept, for the dialog to refuse as past.
 */
function pastMeant(date: string, text: string, context: InterpretContext): string {
  const today = localMoment(context.now, context.timeZone).date;
  const last = /\blast (sun|mon|tue|wed|thu|fri|sat)[a-z]*\b/i.exec(text);
  if (last) {
    const want = weekdayIndex.indexOf(last[1]!.toLowerCase());
    const day = new Date(`${today}T12:00:00Z`).getUTCDay();
    return addDays(today, -((day - want + 7) % 7 || 7));
  }
  // Without a year, a day chrono put about a year ahead, into next year, was this year's, already gone.
  if (!/\b20\d\d\b/.test(text) && date.slice(0, 4) > today.slice(0, 4) && date > addDays(today, 270)) {
    const d = new Date(`${date}T12:00:00Z`);
    d.setUTCFullYear(d.getUTCFullYear() - 1);
    return d.toISOString().slice(0, 10);
  }
  return date;
}

function readDateTime(entity: BuiltinEntity, into: Understanding, context: InterpretContext): void {
  const value = entity.value as { start: string; allDay: boolean };
  if (noDay.test(entity.text.trim())) return;
  if (dateCue.test(entity.text)) into.date = pastMeant(value.start.slice(0, 10), entity.text, context);
  if (value.allDay || !timeCue.test(entity.text)) return;
  const [hours, minutes] = value.start.slice(11, 16).split(':').map(Number) as [number, number];
  // "at 7" or "around 7:30" for dinner means pm: nobody books a restaurant at 1–10 am without saying so.
  // "in 2 hours" is a clock time already; only a bare hour is shifted.
  const relative = /\b(hours?|minutes?|mins?)\b/i.test(entity.text);
  const hour = hours >= 1 && hours <= 10 && !meridiem.test(entity.text) && !relative;
  into.time = `${String(hour ? hours + 12 : hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  // "friday at 8" said on a Friday afternoon: chrono moved 8 am, already past, to next Friday; 8 pm is today.
  if (
    hour &&
    into.date &&
    weekday.test(entity.text) &&
    !/\bnext\b/i.test(entity.text) &&
    !calendarDate.test(entity.text)
  ) {
    const now = localMoment(context.now, context.timeZone);
    if (into.date === addDays(now.date, 7) && into.time > now.time) into.date = now.date;
  }
}

function readBuiltin(entity: BuiltinEntity, into: Understanding, context: InterpretContext): void {
  if (entity.kind === 'datetime') readDateTime(entity, into, context);
  else if (entity.kind === 'party_size') into.partySize = entity.value as number;
  else if (entity.kind === 'number' && into.number === undefined) into.number = entity.value as number;
  else if (entity.kind === 'email') into.email = entity.value as string;
  else if (entity.kind === 'phone') into.phone = entity.value as string;
  else if (entity.kind === 'money') {
    const money = entity.value as { amount: number; bound?: string };
    into.maxPrice = Math.round(money.amount * (money.bound === 'approx' ? 125 : 100));
  }
}

const fields: Record<string, keyof Understanding> = {
  area: 'area',
  cuisine: 'cuisine',
  product: 'product',
  product_name: 'productName',
  colour: 'colour',
  occasion: 'occasion',
};

function readEntities(text: string, entities: ParsedEntity[], into: Understanding): void {
  const recipients = entities.filter((e) => e.entity === 'recipient');
  if (recipients.length > 0) into.recipient = text.slice(recipients[0]!.start, recipients.at(-1)!.end);
  for (const e of entities) {
    const field = fields[e.entity];
    if (field && into[field] === undefined) Object.assign(into, { [field]: e.value });
  }
}

/** Emoji that name a gift, a kind of flower, an occasion or a kind of food. */
const giftEmoji: Record<string, string> = {
  '🌹': 'roses',
  '🥀': 'roses',
  '🌷': 'tulips',
  '🌻': 'sunflowers',
  '💐': 'flowers',
  '🌸': 'flowers',
  '🌺': 'flowers',
  '🌼': 'flowers',
  '🪴': 'plant',
  '🍫': 'chocolates',
  '🎈': 'balloons',
  '🎁': 'gift',
  '🎂': 'birthday',
  '👶': 'baby',
  '🍼': 'baby',
  // Food: the cuisine's everyday name.
  '🍣': 'sushi',
  '🍱': 'sushi',
  '🍜': 'ramen',
  '🍕': 'pizza',
  '🍝': 'pasta',
  '🌮': 'tacos',
  '🌯': 'tacos',
  '🍛': 'curry',
  '🥟': 'dumplings',
  '🍔': 'burgers',
};

/** Chat spellings of the words dates, times and parties hang on, spelt out before parsing ("tmrw 8"). */
const shorthand: [RegExp, string | ((...m: string[]) => string)][] = [
  [/\b(tmrw|tmr|tmrrw|tmro|tmoro|tomoro|tomorow|tommorow|tommorrow|2moro|2morrow|2morow)\b/gi, 'tomorrow'],
  [/\b(tonite|2nite|2night|tonigt)\b/gi, 'tonight'],
  [/\b2day\b/gi, 'today'],
  // Gift emoji are the words they stand for: "🌹🌹🌹 for my gf" asks for roses.
  ...Object.entries(giftEmoji).map(
    ([emoji, word]) => [new RegExp(`(?:${emoji}\\uFE0F?\\s*)+`, 'gu'), ` ${word} `] as [RegExp, string],
  ),
  [/\bgf\b/gi, 'girlfriend'],
  [/\bbf\b/gi, 'boyfriend'],
  [/\b(\d{1,2})\s?ppl\b/gi, '$1 people'],
  [/\b(\d{1,3})\s?mins?\b/gi, '$1 minutes'],
  // chrono reads "date night tomorrow" as tonight and "date night on sunday" as another day.
  [/\bdate night\b/gi, 'romantic dinner'],
  // "saturday not friday", "8 instead of 7": the value refused is not read.
  [
    /,?\s*\b(?:not|instead of|rather than)\s+(?:on\s+|at\s+)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)day|today|tonight|tomorrow|\d{1,2}(?::\d\d)?\s*(?:am|pm)?)\b/gi,
    '',
  ],
  // "50$" is $50.
  [/\b(\d+(?:\.\d\d)?)\s?\$/g, '$$$1'],
  // "quarter to 8" is 7:45, "quarter past 8" 8:15, "eight o'clock" 8.
  [/\b(?:a )?quarter to (\d{1,2})\b/gi, (_: string, h: string) => `at ${((Number(h) + 10) % 12) + 1}:45`],
  [/\b(?:a )?quarter past (\d{1,2})\b/gi, 'at $1:15'],
  [/\bppl\b/gi, 'people'],
  [/\b(pls|plz)\b/gi, 'please'],
  [/\b(thx|thnx|thanx)\b/gi, 'thanks'],
  [/\bnxt\b/gi, 'next'],
  [/\brn\b/gi, 'right now'],
  [/\b(\d{1,2}(?::\d\d)?)\s?p\b/gi, '$1pm'],
  // "at 730" is 7:30; "8ish" and "around 8" are 8.
  [/\b(at|around|about|by) ([1-9]|1[0-2])([0-5]\d)\b(?!\s*[-.)]?\s*\d)/gi, '$1 $2:$3'],
  [/\b(\d{1,2}(?::\d\d)?)ish\b/gi, 'around $1'],
  [
    /\b(around|about|say|roughly) (\d{1,2}(?::\d\d)?)\b(?!\s*(?:people|persons|guests|of us|pax|adults|dollars|bucks|\$))/gi,
    'at $2',
  ],
  [/\b(the )?day after tomorrow\b/gi, 'in 2 days'],
  // chrono reads "a week from tomorrow" as tomorrow and "a week from today" as today.
  [
    /\b(a|one|two|three|[123])\s+weeks?\s+from\s+(today|tonight|now|tomorrow)\b/gi,
    (_: string, n: string, from: string) =>
      `in ${(['a', 'one', '1'].includes(n.toLowerCase()) ? 1 : ['two', '2'].includes(n.toLowerCase()) ? 2 : 3) * 7 + (/^tomorrow$/i.test(from) ? 1 : 0)} days`,
  ],
  // "tomorrow 8" is "tomorrow at 8", unless the number counts people.
  [
    /\b(today|tonight|tomorrow|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)day)\s+(\d{1,2}(?::\d\d)?)\b(?!\s*(?:people|persons|guests|of us|pax|adults))/gi,
    '$1 at $2',
  ],
];

/** "one" … "twelve": the hours said in words. */
const hourWords = countWords.slice(0, 12);

/** "bob at gmail dot com" is an e-mail address. */
const spokenEmail = /\b([\w.+-]+) at ([\w-]+) dot (com|org|net|edu|io|co|us|uk)\b/gi;
const emailLike = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

/** Spells out chat shorthand everywhere but inside e-mail addresses ("tmrw@gmail.com" stays as it is). */
export function expandShorthand(text: string): string {
  const spelt = text.replace(spokenEmail, '$1@$2.$3');
  let out = '';
  let at = 0;
  for (const m of spelt.matchAll(emailLike)) {
    out += expandWords(spelt.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + expandWords(spelt.slice(at));
}

function expandWords(text: string): string {
  // "half past seven" is 7:30.
  let out = text.replace(/\bhalf past (\d{1,2}|[a-z]+)\b/gi, (whole, hour: string) => {
    const n = /^\d+$/.test(hour) ? Number(hour) : hourWords.indexOf(hour.toLowerCase()) + 1;
    return n >= 1 && n <= 12 ? `at ${n}:30` : whole;
  });
  for (const [pattern, full] of shorthand)
    out = typeof full === 'string' ? out.replace(pattern, full) : out.replace(pattern, full);
  // "eight o'clock" is 8 o'clock.
  out = out.replace(/\b([a-z]+) o'?clock\b/gi, (whole, word: string) => {
    const n = hourWords.indexOf(word.toLowerCase()) + 1;
    return n > 0 ? `${n} o'clock` : whole;
  });
  // "seven thirty pm" is 7:30 pm, "seven pm" 7 pm, "at seven" at 7 (but "for seven" stays a party).
  const hour = (word: string) => hourWords.indexOf(word.toLowerCase()) + 1;
  out = out.replace(wordClock, (_whole, h: string, minutes: string, meridiem: string | undefined) => {
    const mm = /fifteen/i.test(minutes) ? '15' : /thirty/i.test(minutes) ? '30' : '45';
    return `${hour(h)}:${mm}${meridiem ? ` ${meridiem}` : ''}`;
  });
  out = out.replace(wordHourMeridiem, (_whole, h: string, meridiem: string) => `${hour(h)} ${meridiem}`);
  out = out.replace(atWordHour, (_whole, at: string, h: string) => `${at} ${hour(h)}`);
  return out;
}

const hourWord = '(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const wordClock = new RegExp(
  `\\b${hourWord}[\\s-]+(fifteen|thirty|forty[\\s-]?five)\\b(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.))?`,
  'gi',
);
const wordHourMeridiem = new RegExp(`\\b${hourWord}\\s*(am|pm|a\\.m\\.|p\\.m\\.)`, 'gi');
const atWordHour = new RegExp(
  `\\b(at|around|by)\\s+${hourWord}\\b(?!\\s+(people|of us|guests|persons|friends))`,
  'gi',
);

/**
 * "On the 30th": chrono reads no date from a day of the month alone, so it is the next such day, this month
 * or the next that has it.
 */
function dayOfMonth(text: string, context: InterpretContext): string | undefined {
  if (calendarMonth.test(text)) return undefined;
  // "The 2nd one", "book the 1st" are places in a list: only "on / for / by the 30th" is a day.
  const m =
    /\b(?:on|for|by) the (\d{1,2})(?:st|nd|rd|th)\b(?!\s*(one|option|choice|place|restaurant|card|product))/i.exec(
      text,
    );
  const day = m ? Number(m[1]) : 0;
  if (day < 1 || day > 31) return undefined;
  const today = localMoment(context.now, context.timeZone).date;
  let [year, month] = today.split('-').map(Number) as [number, number];
  for (let i = 0; i < 3; i += 1) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (day <= last && date >= today) return date;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return undefined;
}

const calendarMonth = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d+\/\d+/i;

const companion =
  'wife|husband|partner|girlfriend|boyfriend|fianc[eé]e?|friend|date|mom|mum|dad|mother|father|son|daughter|sister|brother|colleague|boss|spouse|roommate|flatmate|cousin|aunt|uncle|grandma|grandpa|grandmother|grandfather|niece|nephew|kid|child|neighbou?r|coworker|co-worker';
const oneCompanion = new RegExp(`\\b(${companion})\\b`, 'gi');

const companionAndMe = new RegExp(`\\bmy (${companion}) (and|&) (i|me|myself)\\b`, 'i');
const meAndOthers =
  /\b(?:me|myself|i) (?:and|&|\+|plus) (\d{1,2}) (?:friends|others|people|colleagues|guests|more)\b/i;
const familyOf = new RegExp(
  `\\b(?:me|myself|i),? (?:and )?my (?:${companion}),? (?:and|&|\\+|plus) (?:our|my|the) (\\d{1,2}) (?:kids|children|boys|girls|sons|daughters)\\b`,
  'i',
);
const weAre =
  /\bwe(?:'re| are| r| will be|'ll be)(?: actually| now| only| just| going to be)? (\d{1,2})\b(?!\s*(?:am|pm|:|o'?clock))/i;
const meAndCompanion = new RegExp(`\\b(me|myself|i) (and|&|\\+) (my|a|one) (${companion})\\b`, 'i');

/**
 * Parties said without a number for the whole: "me and my wife" is 2, "a couple of us" 2, "2 adults and 2 kids"
 * 4 (the extractor only sees the first count).
 */
function readCompany(text: string, into: Understanding): void {
  const sum =
    /\b(\d{1,2}) (adults?|grown-?ups|people|guests)\s*(?:,|and|\+|plus|&)\s*(\d{1,2}) (kids?|children|child|teens?|babies|baby|toddlers?)\b/i.exec(
      text,
    );
  if (sum) {
    into.partySize = Number(sum[1]) + Number(sum[3]);
    return;
  }
  // "me, my wife and our 2 kids" is 4; "me and 3 friends" is 4.
  const family = familyOf.exec(text);
  if (family) {
    into.partySize = 2 + Number(family[1]);
    return;
  }
  const friends = meAndOthers.exec(text);
  if (friends) {
    into.partySize = 1 + Number(friends[1]);
    return;
  }
  const we = weAre.exec(text);
  if (we && Number(we[1]) >= 1 && Number(we[1]) <= 99) {
    into.partySize = Number(we[1]);
    return;
  }
  if (into.partySize !== undefined) return;
  // "me and my mom and dad" is 3: the people named after "me and", parents counting 2.
  const after = /\b(?:me|myself|i) (?:and|&|\+)\s+([^,.;!?]*)/i.exec(text)?.[1];
  if (after) {
    const named = (after.match(oneCompanion) ?? []).length + 2 * (after.match(/\bparents\b/gi) ?? []).length;
    if (named >= 2) {
      into.partySize = 1 + named;
      return;
    }
  }
  if (meAndCompanion.test(text) || companionAndMe.test(text)) into.partySize = 2;
  else if (/\b(a couple of us|the two of us|the pair of us|both of us|us two|a couple)\b/i.test(text))
    into.partySize = 2;
}

/** Words whose capital at the start of a sentence says nothing about a name ("Hi! Can you …"). */
const plainWords = new Set(
  (
    'can could would will should please what where when which who how is are do does did ' +
    "hey hi hello thanks thank yes no ok okay sure also and but so we you my me let lets let's need want " +
    'find show book get give help make maybe just tell any anything some there the a an'
  ).split(' '),
);

/** Lower-cases such words at the start of each sentence, so the tagger does not take "Can" for a name. */
function plainSentenceStarts(text: string): string {
  return text.replace(/(^|[.!?]\s+)([A-Z][a-z']*)\b/g, (whole, before: string, word: string) =>
    plainWords.has(word.toLowerCase()) ? before + word.toLowerCase() : whole,
  );
}

export function interpret(model: NluModel, said: string, context: InterpretContext): Understanding {
  const text = expandShorthand(plainSentenceStarts(said));
  const parse = model.parse(text, { referenceDate: context.now, timeZone: context.timeZone });
  const into: Understanding = {
    text,
    intent: parse.intent.name,
    confidence: parse.intent.confidence,
    outOfScope: parse.outOfScope,
  };
  readEntities(text, parse.entities, into);
  for (const b of parse.builtins) readBuiltin(b, into, context);
  // "bob@@mail", "my email is mike.at.gmail.com": an address was meant, and it is not one.
  const saysAddress =
    /\be-?mail( address)?\s*(is|:|=)\s*\S/i.test(text) &&
    !/\be-?mail( address)?\s*(is|:|=)\s*(the )?(same|fine|ok|okay|good|correct|right|on file|in my account)\b/i.test(
      text,
    );
  if ((/@/.test(text) || saysAddress) && !into.email) into.badEmail = true;
  if (/\d[\d\s().-]{3,}\d/.test(text) && !into.phone && !into.date && !into.time) into.badPhone = true;
  // "…and my number is 555-12": a number was given, and it is not one.
  if (/\b(phone|number|cell|mobile)( number)?\s*(is|:|=)\s*\+?\d/i.test(text) && !into.phone)
    into.badPhone = true;
  if (!into.date) {
    const date = dayOfMonth(text, context);
    if (date) into.date = date;
  }
  readCompany(text, into);
  if (/\b(just me|by myself|alone|solo|table for one)\b/i.test(text)) into.partySize ??= 1;
  return into;
}

// Takes the dining values a message carries into the state, validating each; invalid ones become re-prompts.
import { fold } from './aliases.js';
import { toE164 } from './contact.js';
import type { DialogState, DiningSlots, Reply } from './dialog.types.js';
import { addDays } from './local-time.js';
import { quickReplies, say } from './replies.js';
import type { Turn } from './turn.types.js';
import { answer } from './yes-no.js';

export interface Absorbed {
  changed: (keyof DiningSlots)[];
  problems: Reply[];
}

const party = (u: Turn['u'], awaiting: Turn['state']['awaiting']) =>
  u.partySize ?? (awaiting === 'partySize' ? u.number : undefined);

const areaNames = (t: Turn) => t.lexicon.facets.areas.map((a) => t.lexicon.areaName(a));

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
  const near = lexicon.findArea(other);
  const names = areaNames(t);
  if (near) {
    state.suggested = { slot: 'area', value: near };
    const name = lexicon.areaName(near);
    into.problems.push(
      quickReplies(
        `Sorry, I don't have "${other}" yet. The closest I have is ${name}, or pick another area.`,
        [name, ...names.filter((n) => n !== name)],
      ),
    );
  } else {
    into.problems.push(
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
  const r = kind === 'area' ? t.lexicon.resolveArea(text) : t.lexicon.resolveCuisine(text);
  return 'value' in r || r.suggestion !== undefined;
}

/**
 * Whether the whole message answers `kind`: the question asked for it, unless the text is rather the other of
 * area and cuisine ("chelsae" when asked for the food); or the question asked for the other and the text is
 * this one.
 */
function answersHere(t: Turn, kind: 'area' | 'cuisine'): boolean {
  const other = kind === 'area' ? 'cuisine' : 'area';
  const text = t.u.text;
  if (t.state.awaiting === kind) return names(t, kind, text) || !names(t, other, text);
  return t.state.awaiting === other && names(t, kind, text) && !names(t, other, text);
}

function place(
  t: Turn,
  kind: 'area' | 'cuisine',
  raw: string | undefined,
  suggested: DialogState['suggested'],
  into: Absorbed,
): void {
  const { lexicon, state } = t;
  if (kind === 'area' && otherPlace(t, into)) return;
  const found = kind === 'area' ? lexicon.findArea(t.u.text) : lexicon.findCuisine(t.u.text);
  const reply = answer(t.u.text);
  // "Yes" to "Did you mean Harlem?" takes the suggestion; a yes or no is never itself a place or a cuisine.
  if (reply && !raw && !found) {
    if (reply === 'yes' && suggested?.slot === kind) {
      state.dining[kind] = suggested.value;
      into.changed.push(kind);
    }
    return;
  }
  const u = t.u;
  const other = kind === 'area' ? u.cuisine : u.area;
  const answersOtherSlot = other ?? u.date ?? u.time ?? u.partySize ?? u.number ?? u.email ?? u.phone;
  const text = raw ?? (answersHere(t, kind) && answersOtherSlot === undefined && !reply ? u.text : undefined);
  if (!text && !found) return;
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
    state.suggested = { slot: kind, value: resolved.suggestion };
    const name =
      kind === 'area' ? lexicon.areaName(resolved.suggestion) : lexicon.cuisineName(resolved.suggestion);
    into.problems.push(
      quickReplies(`I don't know "${text}". Did you mean ${name}?`, [
        name,
        ...names.filter((n) => n !== name),
      ]),
    );
  } else {
    into.problems.push(
      quickReplies(
        `Sorry, I don't have "${text}" yet. I can search these ${label}: ${names.join(', ')}.`,
        names,
      ),
    );
  }
}

function when(t: Turn, into: Absorbed): void {
  const { u, state, today } = t;
  if (u.date && u.date < today.date) {
    into.problems.push(
      quickReplies('That date has already passed. Which day would you like?', ['Today', 'Tomorrow']),
    );
  } else if (u.date && u.date > addDays(today.date, 90)) {
    into.problems.push(say('I can only look up to 90 days ahead. Which day would you like?'));
  } else if (u.date) {
    state.dining.date = u.date;
    into.changed.push('date');
  }
  if (u.time) {
    state.dining.time = u.time;
    into.changed.push('time');
  }
  const { date, time } = state.dining;
  if ((u.date || u.time) && date === today.date && time !== undefined && time <= today.time) {
    delete state.dining.time;
    into.problems.push(
      quickReplies('That time has already passed today. What time would suit you?', ['7pm', '8pm', '9pm']),
    );
  }
}

function people(t: Turn, into: Absorbed): void {
  const size = party(t.u, t.state.awaiting);
  if (size === undefined) return;
  if (!Number.isInteger(size) || size < 1 || size > 20) {
    into.problems.push(say('I can suggest tables for 1 to 20 people. How many of you will there be?'));
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
      into.problems.push(
        say("That phone number doesn't look right. Please send it with the area code, e.g. +1 212 555 0199."),
      );
  } else if (u.badEmail) {
    into.problems.push(
      say("That e-mail address doesn't look right. Could you type it again, e.g. name@example.com?"),
    );
  } else if (u.badPhone && state.awaiting === 'contact') {
    into.problems.push(
      say("That phone number doesn't look right. Please send it with the area code, e.g. +1 212 555 0199."),
    );
  }
}

/** Applies every dining value in the message to `t.state.dining`; later values override (corrections). */
export function absorbDining(t: Turn): Absorbed {
  const into: Absorbed = { changed: [], problems: [] };
  const suggested = t.state.suggested;
  t.state.suggested = undefined;
  place(t, 'cuisine', t.u.cuisine, suggested, into);
  place(t, 'area', t.u.area, suggested, into);
  when(t, into);
  people(t, into);
  contact(t, into);
  return into;
}

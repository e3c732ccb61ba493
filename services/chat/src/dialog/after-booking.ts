// Right after a booking: "what's the address?", "is it open late?", "cancel it", "actually we'll be 4" are
// about the table just booked, not a new search.
import { restaurantAddress } from './cards.js';
import type { BookedTable } from './dialog.types.js';
import { mainMenu } from './fallback.js';
import { describeDate, describeTime } from './local-time.js';
import { bookNamed, hoursQuestion, openingAnswer, toNamed } from './named-restaurant.js';
import { quickReplies, say } from './replies.js';
import type { Turn, TurnResult } from './turn.types.js';

/** "What's the address?", "where is it?", "how do I get there?", "what's their number?", "when do they open?". */
const aboutIt =
  /\b(address|where (is|'s) (it|that|the (place|restaurant))|where'?s (it|that)|where are they|located|location|how do (i|we) get there|directions|phone|number for them|call them|opening|hours|open|close|closes)\b/i;

/** "Cancel it", "can you cancel that?", "I need to cancel": the table just booked. */
const cancelIt = /\bcancel\b/i;

/** "Actually we'll be 4", "make it 8pm", "can we move it to friday": a change to the table just booked. */
const changeIt = /\b(actually|instead|change|move|make it|make that|can we|could we|push|reschedule)\b/i;

function describe(t: Turn, b: BookedTable): string {
  return `your table for ${b.partySize} at ${b.restaurantName}, ${describeDate(b.date, t.today.date)} at ${describeTime(b.time)} (booking ${b.id})`;
}

const menu = [['Find a restaurant', 'find a restaurant'], ...mainMenu.slice(1)] as (
  | string
  | [string, string]
)[];

/** "Book another one at the same place next friday", "book there again on sunday". */
const againThere =
  /\b(same (place|restaurant|spot)|there again|again there|another (one|table) there|book (it|there) again)\b/i;

/** The answer about the table just booked, or undefined when the message is not about it. */
export function afterBooking(t: Turn, b: BookedTable): TurnResult | undefined {
  const { u, state } = t;
  const text = u.text;
  // Another table at the same place: its party, time and contact, with what the message changes, confirmed.
  const place =
    againThere.test(text) && /\b(book|table|reserve)\b/i.test(text)
      ? t.lexicon.findRestaurant(b.restaurantName)
      : undefined;
  if (place) {
    state.dining = {
      partySize: b.partySize,
      time: b.time,
      ...(b.email ? { email: b.email } : {}),
      ...(b.phone ? { phone: b.phone } : {}),
    };
    state.flow = 'dining';
    return bookNamed(t, toNamed(place));
  }
  if (cancelIt.test(text) && !/\b(search|gift|order)\b/i.test(text))
    return {
      state,
      replies: [
        quickReplies(
          `I can't cancel bookings from the chat: ${describe(t, b)} is cancelled on the Bookings page, with the Cancel button beside it.`,
          menu,
        ),
      ],
    };
  const dining = u.cuisine ?? u.area ?? t.lexicon.findCuisine(text) ?? t.lexicon.findArea(text);
  if (!dining && changeIt.test(text) && (u.partySize ?? u.time ?? u.date ?? u.number) !== undefined)
    return {
      state,
      replies: [
        quickReplies(
          `I can't change a booking from the chat. To change ${describe(t, b)}, cancel it on the Bookings page, then I can book the new one for you.`,
          menu,
        ),
      ],
    };
  // "What time is it for again?", "when is it?": the booking itself.
  if (
    !dining &&
    /\b(what time|which time|when is (it|the booking|my table|that)|what day|which day|remind me)\b/i.test(
      text,
    )
  )
    return {
      state,
      replies: [say(`It's ${describe(t, b)}.`), quickReplies('Anything else?', menu)],
    };
  if (!aboutIt.test(text) || dining) return undefined;
  const r = t.lexicon.findRestaurant(b.restaurantName);
  const hours = r && hoursQuestion.test(text) ? openingAnswer(r, text, t.today) : undefined;
  const where = r ? `${b.restaurantName} is at ${restaurantAddress(r)}.` : undefined;
  const phone = /\b(phone|number for them|call them)\b/i.test(text)
    ? " I don't have their phone number, I'm afraid."
    : '';
  const said = hours ?? `${where ?? `I don't have the address of ${b.restaurantName}.`}${phone}`;
  return {
    state,
    replies: [say(`${said} That's ${describe(t, b)}.`), quickReplies('Anything else?', menu)],
  };
}

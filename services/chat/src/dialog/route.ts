// Decides which flow answers a message: a flow in progress keeps answers that fill it, otherwise the intent decides.
import { afterBooking } from './after-booking.js';
import { asksToBook, BOOK_WORDS, bookOffered, namesOffered, offerButtons, pickOffered } from './booking.js';
import type { OfferedTables } from './dialog.types.js';
import { onlyPosition, rightAway, vagueTime } from './dining-absorb.js';
import {
  askNext,
  bareNumber,
  changeMenu,
  diningTurn,
  moreTables,
  numberAnswer,
  slotsOf,
} from './dining-flow.js';
import { slotNamed } from './dining-questions.js';
import { mainMenu, resetFlow } from './fallback.js';
import {
  bareAmount,
  browsing,
  cheaper,
  cheapest,
  giftTurn,
  more,
  noBudget,
  otherColour,
  plainBudget,
} from './gift-flow.js';
import { eveningTime } from './local-time.js';
import {
  bookNamed,
  describeNamed,
  hoursQuestion,
  namedRestaurant,
  openingAnswer,
  toNamed,
  unknownRestaurant,
} from './named-restaurant.js';
import { orderTurn, pricePhrase } from './order-flow.js';
import { answerCancel, asksAboutOrders, orderStatusTurn } from './order-status.js';
import { cardPosition } from './positions.js';
import { describeProduct, productAsked } from './product-questions.js';
import { repeatLastSearch } from './repeat-search.js';
import { quickReplies, say } from './replies.js';
import * as talk from './small-talk.js';
import type { Turn, TurnResult } from './turn.types.js';
import { answer } from './yes-no.js';

const control = new Set([
  'cancel',
  'help',
  'goodbye',
  'thanks',
  'greeting',
  'order_status',
  'repeat_last_search',
]);

/**
 * Ends the flow; "cancel my booking" is not about this conversation, so the answer says where that is done, and
 * "cancel the order" is answered from the order.
 */
function cancel(t: Turn): Promise<TurnResult> | TurnResult {
  resetFlow(t);
  if (/\border\b/i.test(t.u.text) && !/\b(booking|reservation|table)\b/i.test(t.u.text))
    return orderStatusTurn(t);
  return /\b(booking|reservation|table)\b/i.test(t.u.text) ? talk.cancelElsewhere(t) : talk.cancelled(t);
}

/** Asks about one of the offered restaurants rather than to book it. */
const aboutOne =
  /\b(phone|number for|call them|rating|rated|address|where is|where's|located|any good|good|open|opens|hours|close|closes|tell me (more )?about|more about|info|details|reviews?)\b/i;

/** The answer about one offered restaurant, with the buttons to book one. */
function describeOffered(t: Turn, offered: OfferedTables, index: number): TurnResult {
  const r = offered.restaurants[index]!;
  offered.focus = index;
  const hours = hoursQuestion.test(t.u.text) ? openingAnswer(r, t.u.text, t.today) : undefined;
  if (hours) return { state: t.state, replies: [say(hours), offerButtons(offered)] };
  const facts = [
    r.rating !== undefined ? `is rated ${r.rating.toFixed(1)}★` : undefined,
    r.address ? `is at ${r.address}` : undefined,
  ].filter(Boolean);
  const phone = /\b(phone|number for|call them)\b/i.test(t.u.text)
    ? `I don't have ${r.name}'s phone number, I'm afraid. `
    : '';
  const said =
    phone + (facts.length > 0 ? `${r.name} ${facts.join(' and ')}.` : `${r.name} is one of my suggestions.`);
  return { state: t.state, replies: [say(said), offerButtons(offered)] };
}

/** "Which one …?", "which of them …?": a question about the suggestions as a whole. */
const whichOne = /\b(which|what) (one|place|restaurant)s?\b|\bwhich of (them|these|those)\b|\bany of them\b/i;

/** Where each suggestion is, with its rating: what the cards can answer about "which one is closest". */
function whereOffered(t: Turn, offered: OfferedTables): TurnResult {
  const list = offered.restaurants
    .map(
      (r) =>
        `${r.name}${r.rating !== undefined ? ` (${r.rating.toFixed(1)}★)` : ''}${r.address ? ` is at ${r.address}` : ''}`,
    )
    .join('; ');
  const lead = /\b(close|closest|nearest|near|far|distance|walk)\b/i.test(t.u.text)
    ? "I can't measure distances yet, but here is where they are: "
    : '';
  return { state: t.state, replies: [say(`${lead}${list}.`), offerButtons(offered)] };
}

/** "Which one is the best?": a question, where "let's go with the best one" is a pick. */
const bestQuestion = /\b(which|what)\b[^.!?]*\bbest\b|\bbest\b[^.!]*\?/i;

/** "Whatever", "I don't care": no preference, which the question of the area or the cuisine answers itself. */
const indifferent =
  /\b(i )?(don'?t|do not) (care|mind)\b|\bwhatever\b|\bno preference\b|\bdoesn'?t matter\b|\bup to you\b|\byou (choose|pick|decide)\b/i;

/** "Let's go with 2", "I'll take the first": the choice without its lead-in. */
function pickedText(text: string): string {
  return (
    text
      .replace(
        /^\s*(?:ok(?:ay)?,?\s+|so\s+)?(?:let'?s|lets|we'?ll|i'?ll|i will|we will|i'?d like to|can we)?\s*(?:go with|go for|do|take|try|pick|choose|have)\s+/i,
        '',
      )
      // "The first looks great."
      .replace(
        /\s+(?:looks|sounds|seems|is)\s+(?:great|good|nice|perfect|fine|lovely|amazing|best)\s*[.!]*\s*$/i,
        '',
      )
  );
}

/** Words that end a flow: a cancel reading without them ("let's do the first") is not a cancel. */
const cancelWords =
  /\b(cancel|cancle|cancell|canel|cnacel|stop|never ?mind|nvm|forget (it|that|about it)|quit|exit|start (over|again)|restart|reset|no thanks|nothing|abort|scratch that|drop it)\b/i;

/** Words that ask for the last search again ("same as last time", "again", "the usual"). */
const repeatCue = /\b(same|again|last|usual|repeat|before|previous|as always)\b/i;

/** "Cancel my reservation", "I need to cancel the booking": not this conversation's flow. */
const cancelBooking =
  /\b(cancel|call off|scrap)\b.*\b(reservation|booking|table)\b|\b(reservation|booking)\b.*\bcancel/i;

/** "Do I have any reservations?", "show my bookings". */
const myBookings =
  /\b(do i have|show( me)?|list|see|what are|where are|check|view|find|what about|how about|status of|is|did)\b.*\b(my|any) (reservations?|bookings?)\b|\b(what|which) (reservations?|bookings?) (do|have|did) i\b/i;

/** "Move my reservation at Curry Club to 9pm": a booking made before is changed on the Bookings page. */
const changeBooking =
  /\b(change|move|modify|reschedule|push|update)\b.*\b(my|the|our) (reservation|booking)\b/i;

/** "New search", "search again": a fresh dining search, not the last one repeated. */
const freshSearch = /\b(new|another|different|fresh) search\b|\bsearch again\b|\bstart a new (one|search)\b/i;

/** "The same search again but for saturday", "same as last time": the last search, whatever else is said. */
const sameSearch =
  /\bsame (search|thing|one|place|restaurants?|as (before|last time|usual|always))\b|\blast search\b/i;

/** "Same as before", "my e-mail": the contact of the last search, or the account's own address. */
const sameContact =
  /\b(same (one|e-?mail|number|contact|as (before|last time|usual))|as before|the usual|as last time)\b/i;
const ownContact = /\b(my (own |usual |account'?s? )?e-?mail( address)?|use mine|my account)\b/i;
/** A question about the contact ("why do you need my email?") is not an answer to it. */
const askingWhy = /\b(why|what for|how come)\b/i;

/** Fills the contact from the last search or the account; undefined when there is none to take. */
async function knownContact(t: Turn): Promise<TurnResult | undefined> {
  const d = t.state.dining;
  // "my email is bob@@mail" is a bad address, not "my e-mail"; "I'd rather not share my email" is a refusal.
  if (t.u.badEmail || /@/.test(t.u.text)) return undefined;
  // "No wait, 6:30pm" is a correction, not a refusal to give a contact.
  const corrects = (t.u.time ?? t.u.date ?? t.u.partySize ?? t.u.cuisine ?? t.u.area) !== undefined;
  if (
    !corrects &&
    /\b(rather not|don'?t want|do not want|no thanks|not share|not give|nope)\b|^\s*no\b/i.test(t.u.text)
  )
    return askNext(t, [
      'I only use it to send you the suggestions, or the booking if you book one. A phone number works too; or say cancel.',
    ]);
  if (askingWhy.test(t.u.text))
    return askNext(t, [
      'Only to send you the suggestions, or the booking if you book one; nothing else is sent to it.',
    ]);
  if (sameContact.test(t.u.text)) {
    const last = await t.lastSearches.get(t.state.userId);
    if (last?.email) d.email = last.email;
    else if (last?.phone) d.phone = last.phone;
  }
  // "Yes" to the offered "Use name@example.com" too; "ok never mind" or "ok book it" is not that yes.
  const yes =
    answer(t.u.text) === 'yes' &&
    !cancelWords.test(t.u.text) &&
    !/\b(book|first|second|third|#\d)\b/i.test(t.u.text);
  if (
    !d.email &&
    !d.phone &&
    (ownContact.test(t.u.text) || sameContact.test(t.u.text) || yes) &&
    t.caller.email
  )
    d.email = t.caller.email;
  const to = d.email ?? d.phone;
  if (to) return askNext(t, [`OK, ${to}.`]);
  // "Text me", "send it to my phone": which number?
  if (/\b(text|sms|phone|call|mobile|cell)\b/i.test(t.u.text))
    return { state: t.state, replies: [say('Sure. What is the number, with its area code?')] };
  return undefined;
}

/** Words that change something already said ("make it 4", "what about Chelsea instead"). */
const correction =
  /\b(change|make it|make that|instead|actually|what about|how about|can we|could we|rather|switch|move it)\b/i;

/** The search the suggestions on screen answered, back in the dining flow, changed by the message and confirmed. */
function reviseOffered(t: Turn, offered: OfferedTables): Promise<TurnResult> {
  const { state } = t;
  state.flow = 'dining';
  state.dining = slotsOf(offered.search);
  state.awaiting = 'confirm';
  state.reprompts = 0;
  state.offered = undefined;
  // A bare number: "make it 6" is the party, "can we do 8?" the time (in the evening, as ever).
  const { u } = t;
  if (u.number !== undefined && !u.time && !u.partySize && Number.isInteger(u.number)) {
    const n = u.number;
    if (/\bmake (it|that)\b/i.test(u.text) && n >= 1 && n <= 20)
      return diningTurn({ ...t, u: { ...u, partySize: n } });
    // Only "do 8", "at 8", "around 8" is a time; "we're actually 3" is not 3 pm.
    if (n >= 1 && n <= 12 && /\b(do|at|around|by|for)\s+\d{1,2}\b/i.test(u.text))
      return diningTurn({ ...t, u: { ...u, time: eveningTime(n) } });
  }
  return diningTurn(t);
}

/** Ends a search left at its confirmation: nothing was, or will be, sent or booked. */
function endUnsent(t: Turn): TurnResult {
  const booking = t.state.booking === true;
  resetFlow(t);
  const nothing = booking ? "OK, I won't book anything." : "OK, I won't send anything.";
  return { state: t.state, replies: [quickReplies(`${nothing} Anything else?`, mainMenu)] };
}

/** Subjects no table search is about, whatever day they name ("is it gonna rain tomorrow?"). */
const offTopic =
  /\b(weather|rain(ing|y)?|snow(ing|y)?|forecast|temperature|sunny|umbrella|news|stocks?|score|game|flight|movie|traffic|what time is it|what day is it)\b/i;

/** "Nothing", "never mind", "it's fine" answering "What would you like to change?". */
const nothingToChange =
  /^\s*(nothing|never ?mind|nvm|no changes?|none|keep it( as it is| as is)?|leave it( as it is| as is)?|it'?s (fine|ok|okay|good)|all good|as it is|as is)\b/i;
/** "Yes" alone: which part to change is still not said. */
const bareYes = /^\s*(y|yes|yeah|yea|ya|yep|yup|sure|ok|okay|k)\s*[.!]*\s*$/i;

/** "2" alone, answering a numbered list. */
const bareDigit = /^\s*[1-9]\s*$/;

/** "the 5th", "number 3", "#2": a card's position and nothing else. */
const barePosition =
  /^\s*(the\s+)?(\d{1,2}(st|nd|rd|th)|number\s*\d{1,2}|no\.?\s*\d{1,2}|#\s*\d{1,2}|option\s*\d{1,2})(\s+(one|option|please))*\s*[.!?]?\s*$/i;

/** "Other options?", "different places": more suggestions for the same search. */
const otherPlaces =
  /\b(other|different|new) (options|places|restaurants|ones|suggestions|choices)\b|\bothers\b/i;

/** "Which one is the cheapest?", "too expensive": about the suggestions' prices. */
const restaurantPrice =
  /\b(cheapest|least expensive|most affordable|cheaper|too expensive|pricey|budget|most expensive|fanciest|expensive)\b/i;

/** The suggestions' price levels, from the cards: the cheapest named, and what can and cannot be done. */
function priceOfOffered(t: Turn, offered: OfferedTables): TurnResult {
  const priced = offered.restaurants.filter((r) => r.priceLevel !== undefined);
  if (priced.length === 0) return { state: t.state, replies: [offerButtons(offered)] };
  // "Is the second one expensive?": that one's price level.
  // "Is it expensive?" right after one was talked about: that one.
  const index = /\b(cheapest|least|most|fanciest)\b/i.test(t.u.text)
    ? undefined
    : (pickOffered(t.u.text, offered) ??
      (/\b(it|that one|this one|that place|there)\b/i.test(t.u.text) ? offered.focus : undefined));
  const one = index === undefined ? undefined : offered.restaurants[index];
  if (one?.priceLevel !== undefined) {
    offered.focus = index;
    return {
      state: t.state,
      replies: [
        say(`${one.name} is ${'$'.repeat(one.priceLevel)} (price level ${one.priceLevel} of 4).`),
        offerButtons(offered),
      ],
    };
  }
  const dearest = /\b(most expensive|fanciest)\b/i.test(t.u.text);
  const pick = priced.reduce((a, b) =>
    dearest ? (b.priceLevel! > a.priceLevel! ? b : a) : b.priceLevel! < a.priceLevel! ? b : a,
  );
  const levels = priced.map((r) => `${r.name} ${'$'.repeat(r.priceLevel!)}`).join(', ');
  if (priced.every((r) => r.priceLevel === priced[0]!.priceLevel))
    return {
      state: t.state,
      replies: [say(`They are all priced alike (${levels}).`), offerButtons(offered)],
    };
  const said = dearest
    ? `${pick.name} is the most expensive of these (${levels}).`
    : `${pick.name} is the least expensive of these (${levels}). I can't search by price yet, but "show me others" finds more places.`;
  return { state: t.state, replies: [say(said), offerButtons(offered)] };
}

/** "Don't book anything yet": nothing is booked, and the suggestions stay on screen. */
const notYet =
  /\b(don'?t|do not|not|no need to|hold off on|wait before)\b[^.!?]*\b(book|reserve)|\bnot yet\b|\bthink about it\b/i;

const takeIt = /^\s*(ok,?\s+)?(i'?ll\s+)?(get|take|buy|order)\s+(it|that|this)\b|^\s*go for it\b/i;

const stopWords = /\b(cancel|cancle|cancell|canel|forget it|never ?mind|stop)\b/i;
export const priceQuestion = /\b(how much|price|cost)\b/i;

/** Intents that end an exchange: "ok thanks" after suggestions is not a request to book one. */
const closing = new Set(['thanks', 'goodbye', 'cancel']);

function mentionsDining(t: Turn): boolean {
  const { u, lexicon } = t;
  return Boolean(
    u.cuisine ??
      u.area ??
      u.date ??
      u.time ??
      u.partySize ??
      u.email ??
      u.phone ??
      u.badEmail ??
      lexicon.findArea(u.text) ??
      lexicon.findCuisine(u.text),
  );
}

function mentionsGift(t: Turn): boolean {
  const { u, lexicon } = t;
  return Boolean(
    u.product ??
      u.colour ??
      u.occasion ??
      u.maxPrice ??
      plainBudget(u.text) ??
      lexicon.colours.find(u.text) ??
      lexicon.kinds.find(u.text) ??
      lexicon.occasions.find(u.text),
  );
}

/**
 * Dining values that only a dining request carries: a day or a time alone does not make "what's the weather
 * like tomorrow" a table search.
 */
function mentionsDiningStrongly(t: Turn): boolean {
  const { u, lexicon } = t;
  return Boolean(
    u.cuisine ?? u.area ?? u.partySize ?? lexicon.findArea(u.text) ?? lexicon.findCuisine(u.text),
  );
}

/** Words only a dining request uses: "find me a table", "somewhere for dinner". */
const diningWords =
  /\b(a table|tables? for|restaurants?|dinner|lunch|brunch|breakfast|somewhere to eat|place to eat|reservation)\b/i;

/** Dining values given together ("7pm 2 bob@x.com"): a request for a table, whatever the classifier says. */
function severalDiningValues(t: Turn): boolean {
  const { u } = t;
  return (
    [u.date, u.time, u.partySize ?? u.number, u.email ?? u.phone].filter((v) => v !== undefined).length >= 2
  );
}

function byIntent(t: Turn): Promise<TurnResult> | TurnResult {
  const { u } = t;
  const unrelated = u.outOfScope || u.intent === 'out_of_scope';
  // "Yes" to "Anything else?": what would they like?
  if (
    answer(u.text) === 'yes' &&
    u.text.trim().split(/\s+/).length <= 3 &&
    !mentionsDining(t) &&
    !/\b(thanks?|thx|ty|cheers|bye)\b/i.test(u.text)
  )
    return { state: t.state, replies: [quickReplies('Sure! What would you like to do?', mainMenu)] };
  if (talk.paymentQuestion.test(u.text)) return talk.howToPay(t);
  if (unrelated && !mentionsGift(t) && (diningWords.test(u.text) || severalDiningValues(t)))
    return diningTurn(t);
  if (unrelated && !mentionsDiningStrongly(t) && !mentionsGift(t))
    return productSaid(t).then((said) => said ?? talk.outOfScope(t));
  const intent = unrelated ? 'out_of_scope' : u.intent;
  switch (intent) {
    case 'find_product':
      return giftTurn(t);
    case 'order_product':
      return orderTurn(t);
    case 'book_restaurant':
      t.state.booking = true;
      return diningTurn(t);
    case 'dining_suggestions':
      return diningTurn(t);
    case 'repeat_last_search':
      // It sends the last search on at once: only when the message says so, never on a guess.
      if (repeatCue.test(u.text)) return repeatLastSearch(t);
      if (mentionsDining(t)) return diningTurn(t);
      return talk.outOfScope(t);
    case 'greeting':
      return talk.greet(t);
    case 'help': {
      // "Help" in the middle of a search: what the concierge does, then the pending question again.
      const help = talk.help(t);
      return t.state.flow === 'dining' && t.state.awaiting
        ? { state: t.state, replies: [...help.replies, ...askNext(t).replies] }
        : help;
    }
    case 'thanks':
      return talk.thanks(t);
    case 'goodbye':
      return talk.goodbye(t);
    case 'order_status':
      return orderStatusTurn(t);
    case 'cancel':
      if (cancelWords.test(u.text)) return cancel(t);
      // A bare "no" answering "How many people?" is no answer: the question again, with the way out.
      if (
        answer(u.text) === 'no' &&
        t.state.flow === 'dining' &&
        t.state.awaiting &&
        t.state.awaiting !== 'confirm'
      )
        return askNext(t, ['OK. To stop, say cancel; otherwise:']);
      if (answer(u.text) === 'no') return cancel(t);
      return otherwise(t);
    default:
      return otherwise(t);
  }
}

/** "The money tree", said alone: that product, described (its card to order it from). */
async function productSaid(t: Turn): Promise<TurnResult | undefined> {
  if (t.u.text.split(/\s+/).length > 6) return undefined;
  const asked = await productAsked(t, false);
  return asked?.whole ? describeProduct(t, asked.product) : undefined;
}

/** A message no intent claims: what it mentions decides, else a yes gets the menu and the rest is out of scope. */
async function otherwise(t: Turn): Promise<TurnResult> {
  const { u } = t;
  if (mentionsDining(t)) return diningTurn(t);
  if (mentionsGift(t)) return giftTurn(t);
  const said = await productSaid(t);
  if (said) return said;
  // "Yes" or "absolutely" with nothing asked: what would they like?
  if (answer(u.text) === 'yes')
    return { state: t.state, replies: [quickReplies('Sure! What would you like to do?', mainMenu)] };
  return talk.outOfScope(t);
}

/** Routes one understood message to the flow that should answer it. */
export async function route(t: Turn): Promise<TurnResult> {
  const { u, state } = t;
  const offeredRepeat = state.offeredRepeat;
  state.offeredRepeat = undefined;
  const described = state.described;
  state.described = undefined;
  const changing = state.changing;
  state.changing = undefined;
  const askedNumber = state.askedNumber;
  state.askedNumber = undefined;
  const cancelOffer = state.cancelOrder;
  state.cancelOrder = undefined;
  // "Yes" to "Cancel your order of …?"; anything but a yes or a no goes on as a new message.
  if (cancelOffer) {
    const decided = await answerCancel(t, cancelOffer);
    if (decided) return decided;
  }
  const confidentControl = control.has(u.intent) && u.confidence >= 0.6;
  // An intent that ends an exchange; a cancel reading needs words that cancel ("let's do the first" does not).
  const closes =
    closing.has(u.intent) && u.confidence >= 0.5 && (u.intent !== 'cancel' || cancelWords.test(u.text));
  // "now" answering "What time?" is a time, whatever the classifier makes of it.
  const dining = mentionsDining(t) || (state.awaiting === 'time' && rightAway.test(u.text));
  // Questions about what the concierge covers are answered, then the pending question is asked again.
  const info = talk.faq(t);
  if (info)
    return state.flow === 'dining' && state.awaiting
      ? { state, replies: [...info.replies, ...askNext(t).replies] }
      : info;
  // "What's the address?" while asked to confirm a table at a named place: answered, and the question stands.
  const confirming =
    state.flow === 'dining' && state.awaiting === 'confirm' ? state.dining.restaurant : undefined;
  if (confirming && /\b(address|where is it|where'?s it|where is that|located|location)\b/i.test(u.text))
    return askNext(t, [`${confirming.name} is at ${confirming.address}.`]);
  if (confirming && hoursQuestion.test(u.text) && !u.time && !u.date) {
    const hours = openingAnswer(confirming, u.text, t.today);
    if (hours) return askNext(t, [hours]);
  }
  // "Book the first one", "show me more" before any suggestion is on screen: there is nothing to pick yet.
  if (
    state.flow === 'dining' &&
    (state.awaiting === 'contact' || state.awaiting === 'confirm') &&
    !u.email &&
    !u.phone &&
    !mentionsDiningStrongly(t) &&
    ((cardPosition(u.text) !== undefined &&
      (asksToBook(t) || state.awaiting === 'confirm') &&
      !/^\s*\d{1,2}\s*$/.test(u.text) &&
      !u.time &&
      !u.partySize) ||
      /\b(show me (more|others)|other options|the cheapest one|what are (they|the options))\b/i.test(u.text))
  )
    return askNext(t, [
      state.awaiting === 'confirm'
        ? "I haven't picked any places yet: say yes and I'll show you three to choose from."
        : "I haven't picked any places yet: once I know where to send them, I'll show you three to choose from.",
    ]);
  // "What time was that again?" at the confirmation: the whole search, said again.
  if (
    state.flow === 'dining' &&
    state.awaiting === 'confirm' &&
    /^\s*(what|which|when|where|who)\b.*\b(again|was (it|that)|did i say)\b/i.test(u.text) &&
    !u.time &&
    !u.date &&
    !u.partySize
  )
    return askNext(t);
  // "Thanks, that's all" at the confirmation: nothing is sent.
  if (
    state.flow === 'dining' &&
    state.awaiting === 'confirm' &&
    /\b(that'?s all|nothing else|that'?s it for now)\b/i.test(u.text)
  ) {
    return endUnsent(t);
  }
  // Answering "Did you mean 6 people or 6pm?".
  if (askedNumber !== undefined && state.flow === 'dining') {
    const picked = numberAnswer(t, askedNumber);
    if (picked) return picked;
  }
  // "What's the weather like tomorrow?" in the middle of a search: out of scope, and its day is not the search's.
  if (
    state.flow === 'dining' &&
    state.awaiting &&
    (u.outOfScope || u.intent === 'out_of_scope') &&
    offTopic.test(u.text) &&
    !mentionsDiningStrongly(t) &&
    !u.email &&
    !u.phone
  )
    return askNext(t, ["I can't help with that one, but let's finish finding your table."]);
  // Answering "What would you like to change?": "nothing" keeps the search, a bare "yes" is asked again.
  if (changing && state.flow === 'dining' && state.awaiting === 'confirm') {
    if (nothingToChange.test(u.text)) return askNext(t, ['OK, nothing changed.']);
    if (bareYes.test(u.text))
      return changeMenu(t, 'Which part would you like to change? Or say "go ahead" to keep it as it is.');
  }
  if (
    state.awaiting === 'confirm' &&
    /^\s*(no,?\s+thanks?|no,?\s+thank you|nope,?\s+thanks)\b/i.test(u.text)
  ) {
    return endUnsent(t);
  }
  if (state.awaiting === 'confirm' && stopWords.test(u.text)) {
    resetFlow(t);
    return talk.cancelled(t);
  }
  // "Cancel my reservation at 7 / at Sushi Umi" is about a booking made before, whatever it names.
  if (cancelBooking.test(u.text)) {
    resetFlow(t);
    return talk.cancelElsewhere(t);
  }
  // "Do I have any reservations?": they are listed on the Bookings page.
  if (myBookings.test(u.text)) return talk.bookingsPage(t);
  if (changeBooking.test(u.text)) return talk.changeElsewhere(t);
  // "Where is my order?", "when will my tulips arrive?", "it hasn't arrived": from the user's orders, in any flow.
  if (asksAboutOrders(t) && !mentionsDiningStrongly(t)) return orderStatusTurn(t);
  // "What's the address?" or "cancel it" right after a booking: about that table, until another search starts.
  if (state.flow !== 'none') state.booked = undefined;
  else if (state.booked && !state.offered && !described) {
    const about = afterBooking(t, state.booked);
    if (about) return about;
  }
  // "Hello?" in the middle of a search: still here, and the question stands.
  if (
    state.flow === 'dining' &&
    state.awaiting &&
    u.intent === 'greeting' &&
    confidentControl &&
    !dining &&
    !vagueTime.test(u.text)
  )
    return askNext(t, ["Hi, I'm here! Let's finish finding your table."]);
  if (
    sameSearch.test(u.text) &&
    !mentionsDiningStrongly(t) &&
    !state.offered &&
    state.flow !== 'gift' &&
    state.awaiting !== 'contact'
  )
    return repeatLastSearch(t);
  if (freshSearch.test(u.text) && !/\bsame\b/i.test(u.text) && !mentionsDiningStrongly(t)) {
    resetFlow(t);
    return diningTurn(t);
  }
  // "No" to "Did you mean Italian?": the question again, not a cancelled search.
  if (
    state.flow === 'dining' &&
    state.awaiting &&
    state.suggested?.length &&
    answer(u.text) === 'no' &&
    !dining
  ) {
    state.suggested = undefined;
    return askNext(t, ['OK.']);
  }
  // "I don't care" answering the area or the cuisine question is an answer, not a goodbye.
  if (
    state.flow === 'dining' &&
    (state.awaiting === 'area' || state.awaiting === 'cuisine') &&
    indifferent.test(u.text)
  )
    return diningTurn(t);
  // "No wait, 6" answering the contact question corrects a number; it is not a refusal to give one.
  if (
    state.flow === 'dining' &&
    state.awaiting === 'contact' &&
    /^\s*(no|wait|actually|oh|sorry)\b/i.test(u.text) &&
    u.number !== undefined &&
    !u.email &&
    !u.phone
  ) {
    const asked = bareNumber(t);
    if (asked) return asked;
  }
  if (state.flow === 'dining' && state.awaiting === 'contact' && !u.email && !u.phone) {
    const known = await knownContact(t);
    if (known) return known;
  }
  // A restaurant named by name: "a table at Pizzeria Luna" books it, "is Pizzeria Luna any good?" describes it.
  const named =
    u.intent === 'cancel' && confidentControl && cancelWords.test(u.text) ? undefined : namedRestaurant(t);
  if (named) {
    if (aboutOne.test(u.text) && !asksToBook(t)) return describeNamed(t, named);
    if (asksToBook(t) || state.flow === 'dining' || u.intent === 'dining_suggestions' || dining)
      return bookNamed(t, toNamed(named));
    return describeNamed(t, named);
  }
  // "Book a table at Nobu", "book Luna": a name not known whole, said so, chosen among, or guessed at.
  if (!named && asksToBook(t) && !described && !(state.offered && namesOffered(u.text, state.offered))) {
    const unknown = unknownRestaurant(t);
    if (unknown && 'unknown' in unknown) {
      t.state.booking = true;
      const search = await diningTurn({
        ...t,
        u: { ...u, text: u.text.replace(unknown.unknown, ' '), cuisine: undefined, area: undefined },
      });
      return {
        state: search.state,
        replies: [
          say(`I don't know a restaurant called "${unknown.unknown}", but I can find you a table.`),
          ...search.replies,
        ],
      };
    }
    if (unknown) return unknown;
  }
  // "Yes" or "book it" right after a restaurant was described, unless the message asks for another kind of place.
  if (
    described &&
    (answer(u.text) === 'yes' || asksToBook(t)) &&
    !u.cuisine &&
    !u.area &&
    !t.lexicon.findCuisine(u.text) &&
    !t.lexicon.findArea(u.text)
  )
    return bookNamed(t, described);
  // "Just looking" while choosing a gift, or "just looking at gifts": gifts, not a table search.
  if (
    browsing.test(u.text) &&
    !mentionsDiningStrongly(t) &&
    (state.flow === 'gift' || state.shown.length > 0 || /\b(gifts?|presents?|flowers)\b/i.test(u.text))
  )
    return giftTurn(t);
  // "Actually I want to send flowers instead": from a table search to gifts, at the confirmation too.
  if (
    state.flow === 'dining' &&
    !mentionsDiningStrongly(t) &&
    (t.lexicon.kinds.find(u.text) || /\bgifts?\b/i.test(u.text))
  )
    return giftTurn(t);
  // "Book it" at "Shall I send 3 suggestions …?": a booking instead, whose pick the confirmation names.
  if (
    state.flow === 'dining' &&
    state.awaiting === 'confirm' &&
    !state.booking &&
    BOOK_WORDS.test(u.text) &&
    cardPosition(u.text) === undefined &&
    !mentionsDiningStrongly(t)
  ) {
    state.booking = true;
    return askNext(t);
  }
  // "no" to a confirmation means "change something", not "cancel", whatever the classifier thinks.
  // "The time" answering "What would you like to change?" too.
  if (state.awaiting === 'confirm' && (answer(u.text) || slotNamed(u.text))) return diningTurn(t);
  // "How much is the first one?" is about the cards shown; "get it", "go for it" order the one just shown.
  if (!dining && priceQuestion.test(u.text) && (state.shown.length > 0 || pricePhrase(u.text)))
    return orderTurn(t);
  if (state.flow === 'gift' && state.shown.length > 0 && takeIt.test(u.text)) return orderTurn(t);
  // "Yes" after a product was put forward: how to order it.
  if (state.flow === 'gift' && state.focusProduct && !state.awaiting && answer(u.text) === 'yes' && !dining)
    return orderTurn(t);
  // "2" with three cards on screen picks the second; a budget that small is no budget.
  if (state.shown.length > 0 && bareDigit.test(u.text) && Number(u.text) <= state.shown.length)
    return orderTurn(t);
  // In the gift flow a bare "100" is a budget and "no limit" drops the budget.
  if (state.flow === 'gift' && (bareAmount.test(u.text) || noBudget.test(u.text))) return giftTurn(t);
  // "In the evening" answering "What time?": a time is still needed, not a greeting.
  if (state.flow === 'dining' && state.awaiting === 'time' && vagueTime.test(u.text) && !u.time)
    return diningTurn(t);
  if (u.intent === 'cancel' && confidentControl && !dining && cancelWords.test(u.text)) {
    return cancel(t);
  }
  // "Book the second one" after suggestions: a booking at one of them, unless the message starts a new search.
  const offered = state.flow === 'none' ? state.offered : undefined;
  if (offered && notYet.test(u.text))
    return {
      state,
      replies: [say('OK, no rush. The suggestions stay here: say "book the first one" when you are ready.')],
    };
  if (offered && !dining && !asksToBook(t) && restaurantPrice.test(u.text)) return priceOfOffered(t, offered);
  // "Great, book that one" or "yes" right after one suggestion was described: that one.
  const focused = offered?.focus !== undefined ? offered.restaurants[offered.focus] : undefined;
  if (
    focused &&
    !mentionsDiningStrongly(t) &&
    pickOffered(u.text, offered!) === undefined &&
    ((asksToBook(t) && /\b(it|that|this|there|that one|this one|them)\b/i.test(u.text)) ||
      answer(u.text) === 'yes')
  )
    return bookOffered({ ...t, u: { ...u, text: `book ${focused.name}` } }, offered!);
  if (offered && asksToBook(t) && (!dining || pickOffered(u.text, offered) !== undefined))
    return bookOffered(t, offered);
  // "Show me others" after restaurant suggestions: the same search again, which varies its picks.
  if (offered && !dining && (more.test(u.text) || otherPlaces.test(u.text))) return moreTables(t, offered);
  // "What's the rating of the second one?": answered from the cards. "Which one is closest to Central Park?",
  // "what's the address?" without saying which: where each of them is. "What's the best one?": the best rated.
  if (
    offered &&
    !asksToBook(t) &&
    (aboutOne.test(u.text) || bestQuestion.test(u.text) || (whichOne.test(u.text) && !mentionsGift(t)))
  ) {
    const index = pickOffered(u.text, offered);
    if (index !== undefined) return describeOffered(t, offered, index);
    if (!dining) return whereOffered(t, offered);
  }
  // "Change the time to 9", "make it 4 people", "what about Chelsea instead", or just "at 9": the search the
  // suggestions answered, with that change, confirmed again. A new cuisine without such words is a new search.
  if (
    offered &&
    !closes &&
    ((correction.test(u.text) && (dining || slotNamed(u.text) !== undefined || u.number !== undefined)) ||
      (dining && !u.cuisine && !t.lexicon.findCuisine(u.text)))
  )
    return reviseOffered(t, offered);
  // "Maybe the third one": a pick said with a doubt is asked about, never booked at once (nor a gift search).
  if (
    offered &&
    !dining &&
    state.shown.length === 0 &&
    /\b(maybe|perhaps|probably|i think|i guess|not sure|might)\b/i.test(u.text)
  ) {
    const index = pickOffered(pickedText(u.text), offered) ?? pickOffered(u.text, offered);
    const chosen = index === undefined ? undefined : offered.restaurants[index];
    if (chosen && index !== undefined) {
      offered.focus = index;
      return {
        state,
        replies: [
          quickReplies(`Shall I book ${chosen.name}?`, [
            ['Yes', `book ${chosen.name}`],
            ['Not yet', 'not yet'],
          ]),
        ],
      };
    }
  }
  // "Yes" to "Want me to book one of them?", or just "the second one" (not "same as last time"). "OK, now back
  // to the flowers" is a gift search, not an ok to book.
  const pick = pickedText(u.text);
  if (offered && !dining && (!closes || pick !== u.text) && !(mentionsGift(t) && !asksToBook(t))) {
    const reply = answer(u.text);
    if (
      reply === 'yes' ||
      onlyPosition.test(pick) ||
      barePosition.test(pick) ||
      bareDigit.test(pick) ||
      namesOffered(pick, offered) ||
      (pick !== u.text && pickOffered(pick, offered) !== undefined)
    )
      return bookOffered({ ...t, u: { ...u, text: pick } }, offered);
    if (reply === 'no') {
      state.offered = undefined;
      return { state, replies: [quickReplies('OK. Anything else?', mainMenu)] };
    }
  }
  // "Book the first one" with no suggestions: nothing to pick from yet.
  if (
    !state.offered &&
    state.flow !== 'dining' &&
    state.shown.length === 0 &&
    asksToBook(t) &&
    cardPosition(u.text) !== undefined &&
    !mentionsDiningStrongly(t)
  ) {
    state.flow = 'dining';
    state.booking = true;
    return askNext(t, ["I haven't suggested any places yet. Let's find one to book."]);
  }
  // "The 2nd", "number 3" with product cards on screen: that card.
  if (
    state.shown.length > 0 &&
    state.flow !== 'dining' &&
    !offered &&
    (onlyPosition.test(pick) || barePosition.test(pick) || bareDigit.test(pick))
  )
    return orderTurn({ ...t, u: { ...u, text: pick } });
  // A search turns into a booking when the user says so, not when an answer like "make it 6 of us" merely
  // looks a little like a booking request to the classifier.
  if (
    state.flow === 'dining' &&
    u.intent === 'book_restaurant' &&
    (BOOK_WORDS.test(u.text) || u.confidence >= 0.8)
  )
    state.booking = true;
  if (state.flow === 'dining' && (dining || (state.awaiting && !confidentControl))) return diningTurn(t);
  if (state.flow === 'gift' && state.awaiting === 'gift' && !confidentControl && !mentionsDiningStrongly(t))
    return giftTurn(t);
  if (state.flow === 'gift' && mentionsGift(t) && u.intent !== 'order_product' && !dining) return giftTurn(t);
  // "What's the cheapest?", "show me more", "cheaper", "blue": about the products just shown.
  // "Order the cheapest one": that card, not the list again.
  if (state.shown.length > 0 && /\b(order|buy|get|take|want)\b/i.test(u.text) && cheapest.test(u.text))
    return orderTurn(t);
  if (state.flow === 'gift' && !dining && [cheapest, cheaper, more, otherColour].some((p) => p.test(u.text)))
    return giftTurn(t);
  // Only the answer right after "Want the same again?", and only a plain yes: "ok find me chinese in harlem"
  // is a new search.
  if (state.flow === 'none' && offeredRepeat && !dining && answer(u.text) === 'yes')
    return repeatLastSearch(t);
  return byIntent(t);
}

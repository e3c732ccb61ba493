// Replies that need no flow: greetings (with the offer of the last search), help, thanks, goodbye, bookings.
import { describeSearch } from './dining-questions.js';
import { mainMenu, resetFlow } from './fallback.js';
import { describeDate } from './local-time.js';
import { repeatDate } from './repeat-search.js';
import { quickReplies, say } from './replies.js';
import type { Turn, TurnResult } from './turn.types.js';

const outOfScopeReplies = [
  "That's outside what I can do. I can find restaurants and send gifts.",
  "I'm only good at food and flowers, I'm afraid. Want a restaurant or a gift?",
  "I can't help with that one, but I can find you a table or a present.",
];

export async function greet(t: Turn): Promise<TurnResult> {
  const last = await t.lastSearches.get(t.state.userId);
  if (!last)
    return {
      state: t.state,
      replies: [quickReplies('Hi! I can find restaurants and gifts. What would you like?', mainMenu)],
    };
  t.state.offeredRepeat = true;
  // The offer says what "same as last time" will do, since that sends at once: the day and where to.
  const described = describeSearch({ ...last, date: undefined }, t.lexicon, t.today);
  const day = describeDate(repeatDate(last, t.today), t.today.date);
  const when = day === 'today' || day === 'tomorrow' ? day : `on ${day}`;
  return {
    state: t.state,
    replies: [
      quickReplies(
        `Welcome back! Last time you looked for ${described}. Want the same again ${when}, sent to ${last.email ?? last.phone}?`,
        [['Same as last time', 'same as last time'], ...mainMenu],
      ),
    ],
  };
}

export function help(t: Turn): TurnResult {
  return {
    state: t.state,
    replies: [
      say(
        'I can suggest restaurants ("Thai in SoHo for 2 tomorrow at 7pm") and send them to your e-mail or phone, ' +
          'find gifts ("pink roses for my mom under $60") that you can order, and repeat your last dining search ' +
          '("same as last time"). Say "cancel" at any time to start over.',
      ),
      quickReplies('Try one:', mainMenu.slice(0, 2)),
    ],
  };
}

/** "Thanks", or "thank you, bye", which is a goodbye. */
export function thanks(t: Turn): TurnResult {
  if (/\b(bye|goodbye|good night|see (you|ya))\b/i.test(t.u.text)) return goodbye(t);
  return { state: t.state, replies: [say("You're welcome! Anything else?")] };
}

/** "Bye" ends whatever was under way: a "yes" after it does not send a search left open. */
export function goodbye(t: Turn): TurnResult {
  const open = t.state.flow !== 'none' && t.state.awaiting !== undefined;
  resetFlow(t);
  return {
    state: t.state,
    replies: [
      say(
        open
          ? 'Goodbye! I dropped the unfinished request: nothing more was sent or booked.'
          : 'Goodbye, and enjoy!',
      ),
    ],
  };
}

/** "Do I have any reservations?": the Bookings page lists them (orders are answered in `order-status.ts`). */
export function bookingsPage(t: Turn): TurnResult {
  return {
    state: t.state,
    replies: [say('Your table bookings are on the Bookings page, where you can also cancel one.')],
  };
}

export function outOfScope(t: Turn): TurnResult {
  const text = outOfScopeReplies[t.state.turn % outOfScopeReplies.length]!;
  return { state: t.state, replies: [quickReplies(text, mainMenu)] };
}

export function cancelled(t: Turn): TurnResult {
  return {
    state: t.state,
    replies: [quickReplies('OK, cancelled. What would you like to do next?', mainMenu)],
  };
}

/** Questions about the service itself, answered plainly; undefined for anything else. */
const faqs: [RegExp, string][] = [
  [
    /\bhow are (you|u)\b|\bhow'?s it going\b|\bhow are things\b/i,
    "I'm doing well, thanks for asking! What can I find for you?",
  ],
  [
    /\b(do|can|will) you (deliver|ship)\b|\bdeliver(y|ies)? (to|in|on)\b|\bshipping\b|\b(get|have) (it|them) delivered\b|\b(can|could|will) (it|they|them|this|these) (arrive|be delivered|get there|come)\b/i,
    "Gifts are delivered to the address you give at checkout, on the day you choose. Restaurants I suggest or book for you; I don't deliver food.",
  ],
  [
    /\b(how much|what) (is|does|'s) (the )?deliver(y|ing)( fee| cost| charge)?( cost)?\b|\bdelivery (fee|cost|charge)s?\b/i,
    'There is no delivery fee: you pay the price on the card for each one you order, delivered to the address and on the day you choose.',
  ],
  [
    /\bwhat time do (restaurants|places|they|most places) (open|close)\b|\b(restaurants'?|their) (opening )?hours\b/i,
    'Each restaurant has its own hours. I only suggest places that are open when you want to go, and you can ask about one by name ("when does Pizzeria Luna open?").',
  ],
  [
    /\b(what are|what're) your (opening )?hours\b|\bare you open\b|\bwhen are you open\b/i,
    "I'm here any time. Ask me for a table and I'll only suggest places that are open when you want to go.",
  ],
];

export function faq(t: Turn): TurnResult | undefined {
  const { lexicon } = t;
  const text = t.u.text;
  if (
    /\b(what|which) (areas|neighbou?rhoods|parts of (town|the city))\b|\bareas do you (cover|have|serve)\b/i.test(
      text,
    )
  ) {
    const areas = lexicon.facets.areas.map((a) => lexicon.areaName(a));
    return { state: t.state, replies: [say(`I can search these areas: ${areas.join(', ')}.`)] };
  }
  if (
    /\b(what|which) (kinds? of food|cuisines|types of food)\b|\bcuisines do you (cover|have)\b/i.test(text)
  ) {
    const cuisines = lexicon.facets.cuisines.map((c) => lexicon.cuisineName(c));
    return { state: t.state, replies: [say(`I can search these cuisines: ${cuisines.join(', ')}.`)] };
  }
  const found = faqs.find(([pattern]) => pattern.test(text));
  return found ? { state: t.state, replies: [quickReplies(found[1], mainMenu)] } : undefined;
}

export function changeElsewhere(t: Turn): TurnResult {
  return {
    state: t.state,
    replies: [
      quickReplies(
        "I can't change a booking from here: cancel it on the Bookings page, then I can book the new time for you.",
        [['Find a restaurant', 'find a restaurant'], ...mainMenu.slice(1)],
      ),
    ],
  };
}

export function cancelElsewhere(t: Turn): TurnResult {
  return {
    state: t.state,
    replies: [
      quickReplies(
        "I can't cancel that from here: bookings are cancelled on the Bookings page, and orders are on the Orders page. Anything else?",
        mainMenu,
      ),
    ],
  };
}

/** "How do I pay?", "do you take credit cards?". */
export const paymentQuestion =
  /\bhow (?:do|can|should|will|would) (?:i|we) pay\b|\bhow (?:does|is) (?:the )?payment\b|\bpayment (?:options|methods)\b|\b(?:do|can) you (?:take|accept) (?:credit|debit|cards?|visa|mastercard|amex|paypal|apple pay|cash)\b|\bcan i pay (?:by|with|in)\b/i;

/** How paying works: at checkout for gifts, at the restaurant for tables. */
export function howToPay(t: Turn): TurnResult {
  return {
    state: t.state,
    replies: [
      say(
        'You pay for a gift at checkout: tap Order on its card, choose the delivery and pay by card there; the payment is taken when the order is confirmed, and you get an e-mail then. Tables are paid at the restaurant; booking one is free.',
        "You pay for a gift at checkout in the Concierge app: tap Order on its card in the app's chat, choose the delivery and pay by card; I can't take payments in a text chat. Tables are paid at the restaurant; booking one is free.",
      ),
    ],
  };
}

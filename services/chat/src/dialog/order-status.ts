// "Where is my order?", "when will my tulips arrive?", "cancel my order": answered from the caller's own orders,
// read through the orders service; a cancel is confirmed first and only said done once the service did it.
import { AppError } from '@concierge/platform';
import type { OrderInfo } from '../orders/orders-client.js';
import type { PendingCancel } from './dialog.types.js';
import { mainMenu } from './fallback.js';
import { describeDate } from './local-time.js';
import { quickReplies, say } from './replies.js';
import { bookingsPage } from './small-talk.js';
import type { Turn, TurnResult } from './turn.types.js';
import { answer } from './yes-no.js';

/** "My order", "my roses order", "my delivery", "I ordered": the user's own order. */
const ownOrder =
  /\b(my|our) ([\w']+ ){0,2}(orders?|packages?|parcels?|purchases?|payment)\b|\b(my|our) (last |latest |recent )?deliver(y|ies)\b|\b(i|we) (ordered|bought|purchased)\b|\bthe orders? (i|we)\b/i;
/** What is asked about it: where, when, whether it went through, or a cancel. */
const statusCue =
  /\b(where|when|status|track(ing)?|ship(ped)?|arriv\w*|deliver\w*|way|through|confirm\w*|late|updates?|waiting|cancel\w*|fail\w*|happen\w*|show|see|list|check)\b|\?/i;
/** "It hasn't arrived yet", "the delivery never came", "still waiting". */
const notArrived =
  /\b(hasn'?t|hasnt|has not|haven'?t|havent|have not|never|didn'?t|didnt|did not|not)\s+(yet\s+)?(arrived?|come|came|shown up|showed up|turned up|been delivered|got(ten)? here|received)\b|\bstill (waiting|not here)\b|\b(is|are) (late|delayed|missing)\b/i;
/** "Where are my tulips?", "when will my roses arrive?", "did my flowers get delivered?", "is my plant confirmed?". */
const whereMine =
  /\bwhere('?s| is| are) (my|our)\b|\b(when|did|has|have|will|are|is)\s+(will\s+|do\s+|does\s+)?(my|our)\s+(\w+\s+){0,3}?(arrive|arriving|coming|come|get delivered|been delivered|be delivered|delivered|shipped|ship|sent|confirmed|processed|on (its|their|the) way)\b/i;
const cancelCue = /\b(cancel\w*|cancle|call off)\b/i;
const bookingWords = /\b(bookings?|reservations?|tables?)\b/i;

/** True when the message asks about the user's own orders, whatever the classifier made of it. */
export function asksAboutOrders(t: Turn): boolean {
  const { u } = t;
  if (u.email || u.phone) return false;
  return (
    notArrived.test(u.text) ||
    whereMine.test(u.text) ||
    (ownOrder.test(u.text) && (u.intent === 'order_status' || statusCue.test(u.text)))
  );
}

/**
 * Words of a product's name that say which order is meant ("my tulips" → Pink Tulip Bouquet); words people use
 * about any order ("will it come soon?", "thank you") say nothing about which.
 */
const filler = new Set(['with', 'soon', 'well', 'thank', 'happy', 'love', 'welcome', 'your', 'from', 'this']);

/** "lilies" → "lily", "roses" → "ros" (as "rose" → "ros"): singular and plural alike. */
const stem = (word: string) => word.replace(/ies$/, 'y').replace(/(es|s|e)$/, '');

function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 4 && !filler.has(w))
    .map(stem);
}

/** The orders whose product the message names, by a word of its name in singular or plural. */
function ordersNamed(text: string, orders: OrderInfo[]): OrderInfo[] {
  const said = new Set(
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .map(stem),
  );
  return orders.filter((o) => nameWords(o.productName).some((w) => said.has(w)));
}

/** A product the message names that none of the orders is ("where are my roses?" after tulips only). */
function kindSaid(t: Turn): string | undefined {
  const kind = t.u.product ?? t.lexicon.kinds.find(t.u.text);
  return kind && !/^(flowers?|gifts?|presents?|orders?|deliver(y|ies)|packages?)$/i.test(kind)
    ? kind
    : undefined;
}

function what(o: OrderInfo): string {
  return `${o.quantity > 1 ? `${o.quantity} × ` : ''}${o.productName} (${o.id})`;
}

function onDay(date: string, today: string): string {
  const day = describeDate(date, today);
  return day === 'today' || day === 'tomorrow' ? day : `on ${day}`;
}

/** One order in a sentence: its product, number, status and what follows from it. */
function describeOrder(o: OrderInfo, today: string): string {
  const lead = `Your order of ${what(o)}`;
  switch (o.status) {
    case 'confirmed':
      return o.deliveryDate < today
        ? `${lead} is confirmed; it was due ${onDay(o.deliveryDate, today)}.`
        : `${lead} is confirmed; it will be delivered ${onDay(o.deliveryDate, today)}.`;
    case 'pending':
      return `${lead} is being processed (delivery ${onDay(o.deliveryDate, today)}); you'll be notified as soon as it is confirmed.`;
    case 'failed':
      return `${lead} did not go through${o.failureReason ? `: ${o.failureReason.replace(/\.$/, '')}` : ''}. Nothing will be delivered${retriable(o) ? '; you can order it again' : ''}.`;
    case 'cancelled':
      return `${lead} was cancelled.`;
  }
}

const statusWords: Record<OrderInfo['status'], string> = {
  confirmed: 'confirmed',
  pending: 'being processed',
  failed: 'did not go through',
  cancelled: 'cancelled',
};

/** One order in a line of a short list. */
function briefly(o: OrderInfo, today: string): string {
  const when =
    o.status === 'confirmed' || o.status === 'pending' ? `, delivery ${onDay(o.deliveryDate, today)}` : '';
  return `${what(o)}: ${statusWords[o.status]}${when}`;
}

const unreachable =
  "I can't look up your orders right now. The Orders page lists them with their status; please try again in a minute.";

/** The answer to a question about the user's orders (or, named so, their table bookings). */
export async function orderStatusTurn(t: Turn): Promise<TurnResult> {
  const { state, u } = t;
  if (bookingWords.test(u.text) && !/\border/i.test(u.text)) return bookingsPage(t);
  let orders: OrderInfo[];
  try {
    orders = await t.orders.recent(t.caller, 10);
  } catch {
    return { state, replies: [quickReplies(unreachable, mainMenu)] };
  }
  const today = t.today.date;
  if (orders.length === 0)
    return {
      state,
      replies: [
        quickReplies(
          'You have no orders yet: once you order a gift, I can tell you where it is (the Orders page lists them too). Want some gift ideas?',
          [['Gift ideas', 'I need a gift'], ...mainMenu.filter(([label]) => label !== 'Gift ideas')],
        ),
      ],
    };
  const named = ordersNamed(u.text, orders);
  const kind = named.length === 0 ? kindSaid(t) : undefined;
  const lead = kind ? `I don't see an order of ${kind} among your recent orders. ` : '';
  const chosen = named.length > 0 ? named : orders;
  if (cancelCue.test(u.text)) return cancelAnswer(t, chosen, lead);
  const latest = chosen[0]!;
  // What has not arrived is an order on its way, not a newer one that failed or was cancelled.
  if (notArrived.test(u.text))
    return { state, replies: [say(lead + notArrivedAnswer(live(chosen) ?? latest, today))] };
  if (chosen.length === 1)
    return { state, replies: [say(lead + describeOrder(latest, today)), ...again(latest)] };
  const shown = chosen.slice(0, 3);
  const lines = shown.map((o, i) => `${i + 1}. ${briefly(o, today)}`);
  const rest = chosen.length > shown.length ? '\nThe Orders page lists them all.' : '';
  return { state, replies: [say(`${lead}Your latest orders:\n${lines.join('\n')}${rest}`)] };
}

/** The newest order still under way: a pending one first (the one a cancel can still stop), else a confirmed one. */
function live(orders: OrderInfo[]): OrderInfo | undefined {
  return orders.find((o) => o.status === 'pending') ?? orders.find((o) => o.status === 'confirmed');
}

/** A payment that failed can be tried again; a product that sold out or is no longer sold cannot. */
function retriable(o: OrderInfo): boolean {
  return o.status === 'failed' && (!o.failureReason || /\b(card|payment)\b/i.test(o.failureReason));
}

/** A failed order can be ordered again: its name, which the order flow finds in the catalog. */
function again(o: OrderInfo) {
  return retriable(o)
    ? [
        quickReplies('Want to order it again?', [
          [`Order it again`, `order the ${o.productName}`],
          ...mainMenu.slice(0, 1),
        ]),
      ]
    : [];
}

/** "It hasn't arrived": the latest order's status, and what can be done about it. */
function notArrivedAnswer(o: OrderInfo, today: string): string {
  const status = describeOrder(o, today);
  if (o.status !== 'confirmed') return status;
  if (o.deliveryDate > today) return `${status} So it is not late yet.`;
  return `I'm sorry it hasn't arrived. ${status} I can't track the courier from here: the order is on the Orders page, with the details to quote when you ask the shop about it.`;
}

/** "Cancel my order": only a pending order can be, and only after a yes. */
function cancelAnswer(t: Turn, chosen: OrderInfo[], lead: string): TurnResult {
  const { state } = t;
  const today = t.today.date;
  const target = live(chosen) ?? chosen[0]!;
  const said = (text: string) => ({ state, replies: [say(lead + text)] });
  switch (target.status) {
    case 'pending':
      state.cancelOrder = { orderId: target.id, productName: target.productName };
      return {
        state,
        replies: [
          quickReplies(
            `${lead}Your order of ${what(target)} is still being processed, so it can still be cancelled. Cancel it?`,
            [
              ['Yes, cancel it', 'yes'],
              ['No, keep it', 'no'],
            ],
            `${lead}Your order of ${what(target)} is still being processed, so it can still be cancelled. Cancel it? (yes / no)`,
          ),
        ],
      };
    case 'confirmed':
      return said(
        `Your order of ${what(target)} is already confirmed for delivery ${onDay(target.deliveryDate, today)}, so it can no longer be cancelled: orders can be cancelled only while they are being processed.`,
      );
    case 'failed':
      return said(`Your order of ${what(target)} did not go through, so there is nothing to cancel.`);
    case 'cancelled':
      return said(`Your order of ${what(target)} is already cancelled.`);
  }
}

/** The answer to "Cancel it?": a yes asks the orders service to cancel, a no keeps it; undefined for anything else. */
export async function answerCancel(t: Turn, offer: PendingCancel): Promise<TurnResult | undefined> {
  const { state } = t;
  const reply = answer(t.u.text);
  if (!reply) return undefined;
  const order = `your order of ${offer.productName} (${offer.orderId})`;
  if (reply === 'no')
    return { state, replies: [quickReplies(`OK, ${order} stays as it is. Anything else?`, mainMenu)] };
  try {
    const now = await t.orders.cancel(t.caller, offer.orderId);
    if (now.status === 'cancelled') return { state, replies: [say(`Done: ${order} is cancelled.`)] };
    return {
      state,
      replies: [
        say(
          `${order[0]!.toUpperCase()}${order.slice(1)} was not cancelled: it is ${statusWords[now.status]}.`,
        ),
      ],
    };
  } catch (error) {
    if (error instanceof AppError && error.kind === 'conflict') {
      const moved = await t.orders.recent(t.caller, 10).then(
        (orders) => orders.find((o) => o.id === offer.orderId),
        () => undefined,
      );
      const status = moved ? ` ${describeOrder(moved, t.today.date)}` : '';
      return {
        state,
        replies: [
          say(
            `I couldn't cancel ${order}: it is no longer being processed, so it can no longer be cancelled.${status}`,
          ),
        ],
      };
    }
    return {
      state,
      replies: [
        say(
          `I didn't get an answer from the orders service, so I can't say whether ${order} was cancelled. The Orders page shows its status.`,
        ),
      ],
    };
  }
}

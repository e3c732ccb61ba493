// "Order the first one": finds the product meant and answers with its card, whose button starts the checkout.

import type { ProductInfo } from '../recommend/recommend.types.js';
import { fold } from './aliases.js';
import { formatPrice, productPayload } from './cards.js';
import type { ProductCardPayload } from './dialog.types.js';
import { giftTurn } from './gift-flow.js';
import { countWords } from './number-words.js';
import { cardPosition, ordinalWords } from './positions.js';
import {
  describeProduct,
  productQuestion,
  stockQuestion,
  talkingAbout,
  wishWords,
} from './product-questions.js';
import { productCard, quickReplies, say } from './replies.js';
import type { Turn, TurnResult } from './turn.types.js';
import { answer } from './yes-no.js';

/** "it", "that", "this one": the product last asked about, or the first card. */
const pronoun = /\b(it|that|this|one)\b/i;

const filler = new Set([
  'the',
  'and',
  'with',
  'for',
  'from',
  'please',
  'one',
  'ones',
  'order',
  'buy',
  'take',
  'get',
  'want',
  'like',
  'would',
  'can',
  'could',
  'have',
  'some',
  'that',
  'this',
  'those',
  'these',
  'them',
  'you',
  'your',
  'ill',
  'first',
  'second',
  'third',
  'last',
  'top',
  'middle',
  '1st',
  '2nd',
  '3rd',
  'number',
  'option',
]);
/** Content words, singular: "the sunflowers" → ["sunflower"], "lilies" → ["lily"]. */
const contentWords = (text: string) =>
  fold(text)
    .split(' ')
    .filter((w) => w.length > 2 && !filler.has(w))
    .map((w) => w.replace(/ies$/, 'y').replace(/(?<!s)s$/, ''));

/** The shown product whose name shares the most words with the text, when exactly one does best. */
function shownNamed(text: string, shown: ProductCardPayload[]): ProductCardPayload | undefined {
  const said = new Set(contentWords(text));
  const scored = shown.map((p) => ({ p, score: contentWords(p.name).filter((w) => said.has(w)).length }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  return best > 0 && top.length === 1 ? top[0]!.p : undefined;
}

/** "I'd like to order the Monstera Plant" → "Monstera Plant". */
function orderedPhrase(text: string): string | undefined {
  const m = /\b(?:order|buy|get|take|purchase|want|send)\b\s+(.+)$/i.exec(text);
  const phrase = m?.[1]
    ?.replace(/[.!?]+$/, '')
    .replace(/\bplease\b/gi, '')
    .trim();
  return phrase && contentWords(phrase).length > 0 ? phrase.replace(/^(the|a|an|some)\s+/i, '') : undefined;
}

/** "How much is the money tree?" → "money tree". */
export function pricePhrase(text: string): string | undefined {
  const m =
    /\b(?:how much (?:is|are|does|do|for)|what(?:'s| is) the price (?:of|for)|price of|cost of|what does|what do)\s+(?:the |a |an |your )?(.+?)(?:\s+(?:cost|costs|go for|sell for))?\s*[?.!]*\s*$/i.exec(
      text,
    );
  const phrase = m?.[1]?.trim();
  return phrase && contentWords(phrase).length > 0 && !/^(it|that|this|one|them|those)$/i.test(phrase)
    ? phrase
    : undefined;
}

const count = String.raw`(\d{1,4}|${countWords.join('|')}|a couple|a pair)`;
const countValue = (said: string) =>
  /^\d/.test(said) ? Number(said) : /^a (couple|pair)$/.test(said) ? 2 : countWords.indexOf(said) + 1;
/** "2 of the first one", "three of them", "2x", "x 3". */
const countOf = [
  new RegExp(String.raw`\b${count}\s+of\s+(?:the|them|those|these|that|this|it|each|your)\b`),
  new RegExp(String.raw`\b${count}\s*(?:x|\u00d7)(?=\s|$)`),
  /(?:^|\s)(?:x|\u00d7)\s*(\d{1,4})\b/,
];
/** "I'll take 3", "order 2 please", "make it two": the count ends the request. */
const countAtEnd = new RegExp(
  String.raw`\b(?:order|buy|take|get|want|send|need|like|make it|make that)\s+${count}\s*(?:please|pls|of them|more)?\s*[.!?]*$`,
);
/** "order 2 mini purple orchids": a count, then the product's name. */
const countThenName = new RegExp(String.raw`\b(?:order|buy|take|get|want|send|need|like)\s+${count}\s+(.+)$`);

/**
 * How many of `product` the user asks for ("order 2 of the first one", "I'll take three of them", "3x", "two
 * Mini Purple Orchids"); undefined when no count is said. A number that is part of what is bought ("two dozen
 * roses", "12 red roses": one bouquet) is not a count, and neither is one that a product's own name starts with.
 */
export function quantityAsked(text: string, product: string): number | undefined {
  const said = text.toLowerCase().replace(/[’']/g, '');
  for (const pattern of countOf) {
    const m = pattern.exec(said);
    if (m) return countValue(m[1]!);
  }
  const end = countAtEnd.exec(said);
  if (end) return countValue(end[1]!);
  const named = countThenName.exec(said);
  if (!named || /^(dozen|stems?|roses?|tulips?|lilies|flowers?)\b/.test(named[2]!)) return undefined;
  const name = contentWords(product);
  if (countWords.some((w) => fold(product).startsWith(`${w} `)) || /^\d/.test(product)) return undefined;
  const words = contentWords(named[2]!);
  return words.length > 0 && words.every((w) => name.includes(w)) ? countValue(named[1]!) : undefined;
}

/** Several products named at once ("the Monstera Plant and the Snake Plant"): the first, one at a time. */
interface OneAtATime {
  first: ProductCardPayload;
}

async function chosen(
  t: Turn,
): Promise<ProductCardPayload | OneAtATime | { beyond: number } | { soldOut: string } | undefined> {
  const { u, state } = t;
  if (u.productName) {
    const named = u.productName.toLowerCase();
    const shown = state.shown.find((p) => p.name.toLowerCase().includes(named));
    if (shown) return shown;
  }
  const said = ` ${fold(u.text)} `;
  const whole = state.shown.find((p) => said.includes(` ${fold(p.name)} `));
  if (whole) return whole;
  // A product named in full, shown or not ("the mini purple orchid", "Purple Tulip Bouquet"), before a shown one
  // sharing some words ("the pink one"), and that before one a word of whose name only it has ("the truffles").
  // "Buy roses" names no product.
  const phrases = new Set([orderedPhrase(u.text), pricePhrase(u.text), u.productName]);
  let partly: ProductInfo | undefined;
  for (const phrase of phrases) {
    if (!phrase) continue;
    const named = await t.recommender.productsNamed(phrase, wishWords(t));
    const found = named?.products[0];
    if (!found) continue;
    if (!named.whole) {
      partly ??= found;
      continue;
    }
    if (found.stock === 0) return { soldOut: found.name };
    return named.products.length > 1 ? { first: productPayload(found) } : productPayload(found);
  }
  const byWords = shownNamed(u.text, state.shown);
  if (byWords) return byWords;
  if (partly) return partly.stock === 0 ? { soldOut: partly.name } : productPayload(partly);
  if (state.shown.length === 0) return undefined;
  // "Order the cheapest one": by the cards' prices.
  if (/\b(cheapest|least expensive|most affordable)\b/i.test(u.text))
    return state.shown.reduce((a, b) => (b.amount.amount < a.amount.amount ? b : a));
  if (/\b(most expensive|priciest|fanciest)\b/i.test(u.text))
    return state.shown.reduce((a, b) => (b.amount.amount > a.amount.amount ? b : a));
  const position = cardPosition(u.text);
  if (position !== undefined) {
    // "The 5th one" of three cards is none of them, not the first.
    if (position >= state.shown.length) return { beyond: position };
    return state.shown.at(position);
  }
  // "The monstera one" names a product by a word of its name: that product, or none, never the first card. A
  // colour ("the pink one") still points at the cards.
  const described = /\bthe\s+([a-z][\w' -]*?)\s+one\b/i.exec(u.text)?.[1];
  if (described && contentWords(described).length > 0 && !t.lexicon.colours.find(described)) {
    const named = await t.recommender.productsNamed(described, wishWords(t));
    const found = named?.products[0];
    if (!found) return undefined;
    return found.stock === 0 ? { soldOut: found.name } : productPayload(found);
  }
  if (pronoun.test(u.text))
    return state.shown.find((p) => p.productId === state.focusProduct) ?? state.shown[0];
  return undefined;
}

/** Checkout needs a delivery address and day, which a text-only chat does not take: the app's chat does. */
const inTheApp = 'To order it, open the Concierge app and tap Order on its card in the chat.';

/** "No wait, not that one", "I changed my mind": the product put forward is not wanted after all. */
const refusal =
  /\b(?:not|don'?t want|do not want|no longer want)\s+(?:that|this|it|the)\b|\bchanged? my mind\b|\bsomething else\b/i;

/** The product put forward is refused: the other cards shown to choose from, or more ideas. */
async function notThatOne(t: Turn, refused: ProductCardPayload): Promise<TurnResult> {
  const { state } = t;
  state.focusProduct = undefined;
  state.focusQuantity = undefined;
  const others = state.shown.filter((p) => p.productId !== refused.productId);
  if (others.length > 0)
    return {
      state,
      replies: [
        quickReplies(
          `OK, not ${refused.name}. Which one would you like instead?`,
          others.map((p) => [p.name, `order the ${p.name}`] as [string, string]),
        ),
      ],
    };
  state.seenProducts = [...(state.seenProducts ?? []), refused.productId];
  const ideas = await giftTurn(t);
  return { state: ideas.state, replies: [say(`OK, not ${refused.name}.`), ...ideas.replies] };
}

export async function orderTurn(t: Turn): Promise<TurnResult> {
  const focus = t.state.shown.find((p) => p.productId === t.state.focusProduct);
  if (focus && refusal.test(t.u.text) && cardPosition(t.u.text) === undefined && !t.u.productName)
    return notThatOne(t, focus);
  // "Make it 3" with cards on screen and none picked yet is a count for a product still to be chosen.
  const unpicked = !t.state.focusProduct && /^\s*(?:ok,?\s*)?make (?:it|that)\b/i.test(t.u.text);
  const product = unpicked ? undefined : await chosen(t);
  if (product && 'soldOut' in product) {
    // Never another product in its place without saying so: the ones in stock are shown to choose from.
    const others = await giftTurn(t);
    return {
      state: others.state,
      replies: [say(`Sorry, ${product.soldOut} is sold out right now.`), ...others.replies],
    };
  }
  if (product && 'beyond' in product) {
    const shown = t.state.shown;
    const count = shown.length === 1 ? 'one product' : `${shown.length} products`;
    return {
      state: t.state,
      replies: [
        quickReplies(
          `I only showed ${count} here. Which one would you like?`,
          shown.map((p, i) => [p.name, `order the ${ordinalWords[i]} one`] as [string, string]),
        ),
      ],
    };
  }
  // "Yes" after a product was put forward: where to tap to order it.
  const focused = t.state.shown.find((p) => p.productId === t.state.focusProduct);
  if (!product && focused && answer(t.u.text) === 'yes' && t.state.focusQuantity)
    return putForward(t, focused);
  if (!product && focused && answer(t.u.text) === 'yes')
    return {
      state: t.state,
      replies: [
        say(
          `Great! Tap Order on the ${focused.name} card to check out and choose the delivery.`,
          `Great! ${focused.name} is ${focused.price}. ${inTheApp}`,
        ),
        productCard(focused),
      ],
    };
  // "I want 3 of them" with several cards: which one, with the count kept on each button.
  const count = quantityAsked(t.u.text, '');
  if (!product && count !== undefined && count > 1 && t.state.shown.length > 0) {
    const shown = t.state.shown;
    const over = count > maxQuantity ? `I can order up to ${maxQuantity} of one product at a time. ` : '';
    const n = Math.min(count, maxQuantity);
    // "The second one" next takes the count too.
    t.state.focusProduct = undefined;
    t.state.focusQuantity = n;
    return {
      state: t.state,
      replies: [
        quickReplies(
          `${over}Which one would you like ${n} of?`,
          shown.map((p) => [p.name, `order ${n} of the ${p.name}`] as [string, string]),
        ),
      ],
    };
  }
  if (!product) {
    const shown = await giftTurn(t);
    return { state: shown.state, replies: [say('Which product would you like?'), ...shown.replies] };
  }
  if ('first' in product) {
    const first = putForward(t, product.first);
    return {
      state: first.state,
      replies: [
        say(`I can order one product at a time, so let's start with ${product.first.name}.`),
        ...first.replies,
      ],
    };
  }
  // "Is the first one in stock?", "tell me about the second one": answered, not ordered.
  if (stockQuestion.test(t.u.text) || productQuestion.test(t.u.text)) {
    const info = await t.recommender.productNamed(product.name);
    if (info && fold(info.name) === fold(product.name)) return describeProduct(t, info);
  }
  return putForward(t, product);
}

/** The card of the product chosen, with its price when asked. */
function putForward(t: Turn, product: ProductCardPayload): TurnResult {
  const remembered = t.state.focusProduct;
  // "And the third one?" right after a price question asks its price too.
  const priceFollowUp =
    t.state.focusProduct !== undefined && /^\s*(and|what about|how about)\b/i.test(t.u.text);
  // "I'll take it" or "order it" next means this one; the cards keep their order for "the first one". A
  // product not among them ("how much is the snake plant?", "order the truffles") is the card on screen now.
  talkingAbout(t, product);
  if (/\b(how much|price|cost)\b/i.test(t.u.text) || priceFollowUp) {
    return {
      state: t.state,
      replies: [
        say(
          `${product.name} is ${product.price}. Tap Order to check out and choose the delivery.`,
          `${product.name} is ${product.price}. ${inTheApp}`,
        ),
        productCard(product),
      ],
    };
  }
  // A count said before for this product ("order 2 of it", then "ok, order it") stands until another is said.
  const said = quantityAsked(t.u.text, product.name);
  const quantity =
    said ??
    (remembered === product.productId || remembered === undefined ? t.state.focusQuantity : undefined);
  t.state.focusQuantity =
    quantity !== undefined && quantity > 1 && quantity <= maxQuantity ? quantity : undefined;
  if (quantity !== undefined && quantity > 1) return ordered(product, quantity);
  return {
    state: t.state,
    replies: [
      say(
        `Great choice: ${product.name}. Tap Order to check out and choose the delivery.`,
        `Great choice: ${product.name} (${product.price}). ${inTheApp}`,
      ),
      productCard(product),
    ],
  };

  /** Several of one product: the card carries the count to checkout, and the total is said. */
  function ordered(card: ProductCardPayload, quantity: number): TurnResult {
    if (quantity > maxQuantity)
      return {
        state: t.state,
        replies: [
          say(
            `I can order up to ${maxQuantity} of one product at a time. Tap Order on ${card.name} and choose how many at checkout.`,
            `I can order up to ${maxQuantity} of one product at a time. ${inTheApp}`,
          ),
          productCard(card),
        ],
      };
    const total = formatPrice(card.amount.amount * quantity, card.amount.currency);
    const what = `${quantity} \u00d7 ${card.name} (${card.price} each, ${total} in all)`;
    return {
      state: t.state,
      replies: [
        say(
          `Great choice: ${what}. Tap Order to check out and choose the delivery; the quantity is filled in.`,
          `Great choice: ${what}. ${inTheApp}`,
        ),
        productCard({ ...card, quantity }),
      ],
    };
  }
}

/** The most of one product that checkout takes in an order (the API's `quantity` maximum). */
const maxQuantity = 100;

// Questions about one product ("tell me about the sunflower mason jar", "is the first one in stock?", "do you
// sell wine?"): answered from the catalog with the product's card, which "order it" then means.
import { nameWords } from '../recommend/product.recommender.js';
import type { ProductInfo } from '../recommend/recommend.types.js';
import { productPayload } from './cards.js';
import type { ProductCardPayload } from './dialog.types.js';
import { productCard, say } from './replies.js';
import type { Turn, TurnResult } from './turn.types.js';

/** "Is the first one in stock?", "is it available?". */
export const stockQuestion =
  /\b(in stock|available|availability|sold out|out of stock|any left|(have|got) (it|them|any|one) left)\b/i;

/** A question about a product rather than a wish or an order: "tell me about …", "do you sell …?". */
export const productQuestion =
  /\b(tell me (more )?about|more about|what(?:'s| is) (?:the|that|this)\b|describe|details (?:of|on|about)|info(?:rmation)? (?:on|about)|do you (?:sell|have|carry|stock|do)|have you got)\b/i;

/** Words that say what kind of gift is wished for, not which product: a tag's words ("pink", "rose"), "flower". */
export function wishWords(t: Turn): (word: string) => boolean {
  const words = new Set(['flower', 'bouquet', 'colourful', 'colorful']);
  for (const tag of t.lexicon.facets.tags) for (const w of nameWords(tag.replace(/-/g, ' '))) words.add(w);
  return (word) => words.has(word);
}

/**
 * The product a message names over the whole catalog, with whether its whole name was said; a name said whole
 * whose every word is also a wish ("thank you bouquet") counts as said in part.
 */
export async function productAsked(
  t: Turn,
  thorough = true,
): Promise<{ product: ProductInfo; whole: boolean } | undefined> {
  const isWish = wishWords(t);
  const named = await t.recommender.productsNamed(t.u.text, isWish, thorough);
  const product = named?.products[0];
  if (!product) return undefined;
  return { product, whole: named.whole && nameWords(product.name).some((w) => !isWish(w)) };
}

/** The card `product` stays on screen as the one talked about: "order it" next means it. */
export function talkingAbout(t: Turn, card: ProductCardPayload): void {
  t.state.focusProduct = card.productId;
  if (!t.state.shown.some((p) => p.productId === card.productId)) {
    t.state.shown = [card];
    t.state.flow = 'gift';
  }
}

const tapOrder = 'Tap Order to check out and choose the delivery.';
const inTheApp = 'To order it, open the Concierge app and tap Order on its card in the chat.';

/**
 * The answer about one product: whether it is in stock when asked, else what it is. `whole` is false when the
 * user named it by a word only ("do you sell wine?": "I have the Wine and Chocolate Basket …").
 */
export function describeProduct(t: Turn, product: ProductInfo, whole = true): TurnResult {
  const card = productPayload(product);
  if (product.stock === 0)
    return { state: t.state, replies: [say(`Sorry, ${product.name} is sold out right now.`)] };
  talkingAbout(t, card);
  const about = product.description ? ` ${product.description}` : '';
  const text = stockQuestion.test(t.u.text)
    ? `Yes, ${card.name} is in stock (${card.price}).`
    : whole
      ? `${card.name} is ${card.price}.${about}`
      : `I have the ${card.name}, at ${card.price}.${about}`;
  return { state: t.state, replies: [say(`${text} ${tapOrder}`, `${text} ${inTheApp}`), productCard(card)] };
}

// "Order the first one": finds the product meant and answers with its card, whose button starts the checkout.
import { productPayload } from './cards.js';
import type { ProductCardPayload } from './dialog.types.js';
import { giftTurn } from './gift-flow.js';
import { productCard, say } from './replies.js';
import type { Turn, TurnResult } from './turn.types.js';

const ordinals: [RegExp, number][] = [
  [/\b(first|1st|top)\b/i, 0],
  [/\b(second|2nd|middle)\b/i, 1],
  [/\b(third|3rd)\b/i, 2],
  [/\blast\b/i, -1],
  [/\b(it|that|this|one)\b/i, 0],
];

async function chosen(t: Turn): Promise<ProductCardPayload | undefined> {
  const { u, state } = t;
  if (u.productName) {
    const named = u.productName.toLowerCase();
    const shown = state.shown.find((p) => p.name.toLowerCase().includes(named));
    if (shown) return shown;
    const found = await t.recommender.productNamed(u.productName);
    if (found) return productPayload(found);
  }
  const ordinal = ordinals.find(([pattern]) => pattern.test(u.text));
  if (ordinal && state.shown.length > 0) return state.shown.at(ordinal[1]);
  return undefined;
}

export async function orderTurn(t: Turn): Promise<TurnResult> {
  const product = await chosen(t);
  if (!product) {
    const shown = await giftTurn(t);
    return { state: shown.state, replies: [say('Which product would you like?'), ...shown.replies] };
  }
  return {
    state: t.state,
    replies: [
      say(`Great choice: ${product.name}. Tap Order to check out and choose the delivery.`),
      productCard(product),
    ],
  };
}

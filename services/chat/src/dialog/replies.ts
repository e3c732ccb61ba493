// Builders of the replies a turn sends: text, quick replies and cards, clipped to the contract's lengths.
import type { ProductCardPayload, Reply, RestaurantCardPayload } from './dialog.types.js';

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function say(text: string, plain?: string): Reply {
  return { type: 'unstructured', text: clip(text, 1000), ...(plain ? { plain: clip(plain, 1000) } : {}) };
}

/** Buttons that send their text back; at most 10, labels of at most 40 characters. */
export function quickReplies(
  text: string,
  options: (string | [label: string, text: string])[],
  plain?: string,
): Reply {
  const list = options.slice(0, 10).map((o) => {
    const [label, reply] = typeof o === 'string' ? [o, o] : o;
    return { label: clip(label, 40), text: clip(reply, 1000) };
  });
  return {
    type: 'structured',
    card: 'quick_replies',
    text: clip(text, 1000),
    payload: { options: list },
    ...(plain ? { plain: clip(plain, 1000) } : {}),
  };
}

export function productCard(payload: ProductCardPayload): Reply {
  return {
    type: 'structured',
    card: 'product',
    text: clip(`${payload.name}, ${payload.price}`, 1000),
    payload,
  };
}

export function restaurantCard(payload: RestaurantCardPayload): Reply {
  const text = `${payload.name} (${payload.rating.toFixed(1)}★), ${payload.address}`;
  return { type: 'structured', card: 'restaurant', text: clip(text, 1000), payload };
}

/** The text of a reply for text-only clients (the assignment's endpoint, history titles). */
export function plainText(reply: Reply): string {
  if (reply.type === 'unstructured') return reply.plain ?? reply.text;
  if (reply.card === 'quick_replies')
    return reply.plain ?? `${reply.text} (${reply.payload.options.map((o) => o.label).join(' / ')})`;
  return reply.text;
}

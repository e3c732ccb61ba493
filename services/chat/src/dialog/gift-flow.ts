// The gift flow: kind, colour, occasion, recipient and budget in any order, then product cards to order from.
import { hashSeed } from '../nlu/training/seeded.js';
import type { ProductSuggestions } from '../recommend/recommend.types.js';
import { formatPrice, productPayload } from './cards.js';
import type { GiftSlots } from './dialog.types.js';
import { reprompt } from './fallback.js';
import { productCard, quickReplies, say } from './replies.js';
import type { Turn, TurnResult } from './turn.types.js';

const occasionsMenu = ['Birthday', 'Anniversary', 'Thank you', 'Get well', 'Sympathy', 'New baby'];
const cheaper = /cheaper|less expensive|lower price|too expensive|budget/i;

function absorbGift(t: Turn): boolean {
  const { u, lexicon, state } = t;
  const g = state.gift;
  const before = JSON.stringify(g);
  const kind = lexicon.kinds.find(u.product ?? '') ?? lexicon.kinds.find(u.text);
  const colour = lexicon.colours.find(u.colour ?? '') ?? lexicon.colours.find(u.text);
  const occasion = lexicon.occasions.find(u.occasion ?? '') ?? lexicon.occasions.find(u.text);
  if (kind) g.kind = kind;
  if (colour) g.colour = colour;
  if (occasion) g.occasion = occasion;
  if (u.recipient) g.recipient = u.recipient;
  if (u.maxPrice) g.maxPrice = u.maxPrice;
  if (cheaper.test(u.text) && state.shown.length > 0 && !u.maxPrice) {
    g.maxPrice = Math.max(0, Math.min(...state.shown.map((p) => p.amount.amount)) - 1);
  }
  return JSON.stringify(g) !== before;
}

/** "my girlfriend" as the concierge says it back. */
const yours = (recipient: string) => recipient.replace(/\b(my)\b/gi, 'your').replace(/\b(me)\b/gi, 'you');

/** What the cards answer, and which wish gave way when the catalog could not meet them all. */
function intro(g: GiftSlots, t: Turn, relaxed: ProductSuggestions['relaxed']): string {
  const { lexicon } = t;
  const kind = g.kind ? lexicon.kindName(g.kind) : undefined;
  const what = [g.colour, kind].filter(Boolean).join(' ');
  const budget =
    g.maxPrice !== undefined ? ` up to ${formatPrice(g.maxPrice, 'USD').replace(/\.00$/, '')}` : '';
  const forWhom = [
    g.occasion ? ` for a ${lexicon.tagName(g.occasion)}` : '',
    g.recipient ? ` for ${yours(g.recipient)}` : '',
  ].join('');
  switch (relaxed) {
    case 'budget':
      return `I have no ${what}${budget} in stock. These are the least expensive:`;
    case 'colour':
      return `I have no ${what}${budget} in stock. Here are ${kind} in other colours:`;
    case 'kind':
      return `I'm out of ${kind} right now. Here are some other ideas${forWhom}:`;
    default:
      return `Here are some ideas${what ? ` for ${what}` : ''}${budget}${forWhom}:`;
  }
}

/** One turn of the gift flow; "show me more" with nothing new shows other products. */
export async function giftTurn(t: Turn): Promise<TurnResult> {
  const { state } = t;
  state.flow = 'gift';
  const changed = absorbGift(t);
  const g = state.gift;
  if (!g.kind && !g.occasion && !g.colour) {
    const ask = quickReplies("Happy to help! What's the occasion?", occasionsMenu);
    if (state.awaiting === 'gift') return reprompt(t, [ask]);
    state.awaiting = 'gift';
    state.reprompts = 0;
    return { state, replies: [ask] };
  }
  state.awaiting = undefined;
  const exclude = changed ? [] : state.shown.map((p) => p.productId);
  const seed = hashSeed(`${state.conversationId}:${state.turn}`);
  const { products: found, relaxed } = await t.recommender.products(g, seed, exclude);
  if (found.length === 0) {
    return {
      state,
      replies: [
        quickReplies("I couldn't find anything in stock for that. Shall I try something else?", [
          'Flowers',
          'Plants',
          'Chocolates',
        ]),
      ],
    };
  }
  state.shown = found.map(productPayload);
  return {
    state,
    replies: [
      say(intro(g, t, relaxed)),
      ...state.shown.map(productCard),
      quickReplies('Tap Order on a card, or:', [
        ['Show me more', 'show me more'],
        ['Cheaper', 'something cheaper'],
        ['Order the first one', 'order the first one'],
      ]),
    ],
  };
}

// The gift flow: kind, colour, occasion, recipient and budget in any order, then product cards to order from.
import { hashSeed } from '../nlu/training/seeded.js';
import { productPayload } from './cards.js';
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

function intro(g: GiftSlots, t: Turn): string {
  const bits = [
    g.occasion ? ` for a ${t.lexicon.tagName(g.occasion)}` : '',
    g.recipient ? ` for ${g.recipient}` : '',
  ];
  return `Here are some ideas${bits.join('')}:`;
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
  const found = await t.recommender.products(g, seed, exclude);
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
      say(intro(g, t)),
      ...state.shown.map(productCard),
      quickReplies('Tap Order on a card, or:', [
        ['Show me more', 'show me more'],
        ['Cheaper', 'something cheaper'],
        ['Order the first one', 'order the first one'],
      ]),
    ],
  };
}

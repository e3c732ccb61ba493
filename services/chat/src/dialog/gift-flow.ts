// The gift flow: kind, colour, occasion, recipient and budget in any order, then product cards to order from.
import { hashSeed } from '../nlu/training/seeded.js';
import type { ProductInfo, ProductSuggestions } from '../recommend/recommend.types.js';
import { formatPrice, productPayload } from './cards.js';
import type { GiftSlots } from './dialog.types.js';
import { reprompt } from './fallback.js';
import { describeProduct, productAsked, productQuestion, stockQuestion } from './product-questions.js';
import { productCard, quickReplies, say } from './replies.js';
import type { Turn, TurnResult } from './turn.types.js';

const occasionsMenu = ['Birthday', 'Anniversary', 'Thank you', 'Get well', 'Sympathy', 'New baby'];
/** A budget on its own, in dollars: "100", "$50", "60 bucks". */
export const bareAmount = /^\s*\$?(\d{1,4})(\.\d\d)?\s*(dollars|bucks|usd)?\s*$/i;
/** "No limit", "any price": no budget. */
export const noBudget =
  /\b(no (limit|budget|max(imum)?)|any (price|budget)|price doesn'?t matter|money is no object)\b/i;

/** Colours people ask for that no product has. */
export const otherColour =
  /\b(blue|green|orange|black|gold|golden|silver|brown|grey|gray|navy|teal|turquoise|beige)\b/i;

export const cheaper = /cheaper|less expensive|lower price|too expensive/i;
/** "What's the cheapest?": the wish as it stands, least expensive first. */
export const cheapest = /cheapest|least expensive|lowest price|most affordable|lowest-priced/i;
/** Asks for other products of the same wish. */
export const more =
  /^\s*more\b|\b(show me more|more options|any others|other ones|show me others|something else|what else|anything else)\b/i;

/** "orchids under 30": a budget in dollars without the currency, in cents. */
export function plainBudget(text: string): number | undefined {
  const m =
    /\b(?:under|below|less than|max(?:imum)?|up to|no more than|not more than|at most|budget(?: of| is)?|around|about|roughly|approximately)\s+\$?(\d{1,5})(?:\s*(?:dollars|bucks|usd))?\b/i.exec(
      text,
    );
  if (!m) return undefined;
  // "around 50" allows a little over, as the money extractor does for "around $50".
  return Number(m[1]) * (/\b(around|about|roughly|approximately)\s/i.test(m[0]) ? 125 : 100);
}

/** "Between 60 and 90 dollars", "$60-$90", "from 60 to 90": both ends in cents, the lower one first. */
export function priceRange(text: string): [number, number] | undefined {
  const m =
    /\b(?:between|from)\s+\$?(\d{1,5})(?:\s*(?:dollars|bucks|usd))?\s*(?:and|to|-|–)\s*\$?(\d{1,5})\b|\$(\d{1,5})\s*(?:-|–|to)\s*\$?(\d{1,5})\b|\b(\d{1,5})\s*(?:-|–|to)\s*(\d{1,5})\s*(?:dollars|bucks|usd)\b/i.exec(
      text,
    );
  if (!m) return undefined;
  const [low, high] = [m[1] ?? m[3] ?? m[5], m[2] ?? m[4] ?? m[6]].map(Number) as [number, number];
  return low < high ? [low * 100, high * 100] : undefined;
}

/** "Around $70", "about 50 bucks": the amount said, in cents. */
function aroundAmount(text: string): number | undefined {
  const m = /\b(?:around|about|roughly|approximately|~)\s*\$?(\d{1,5})\b/i.exec(text);
  return m ? Number(m[1]) * 100 : undefined;
}

/** "I'm just looking", "surprise me", "no occasion": any gift will do, so the occasion is not asked for. */
export const browsing =
  /\b(just (looking|browsing)|browsing|surprise me|anything (is fine|goes|works|really)|no (particular |special |specific )?occasion|no reason|just because|not sure|no idea|what (do|have) you (got|have)|show me (what you have|everything|anything|some(thing)?)|best ?sellers?|popular)\b/i;

/** " for a birthday", " to say thank you": the occasion as the end of a sentence. */
function forOccasion(tag: string, t: Turn): string {
  const phrase = occasionPhrases[tag];
  return phrase ? ` ${phrase}` : ` for a ${t.lexicon.tagName(tag)}`;
}

const occasionPhrases: Record<string, string> = {
  anniversary: 'for an anniversary',
  valentines: "for Valentine's Day",
  'mothers-day': "for Mother's Day",
  'get-well': 'to wish a speedy recovery',
  sympathy: 'to offer sympathy',
  'thank-you': 'to say thank you',
  congratulations: 'to say congratulations',
  'new-baby': 'for a new baby',
};

function absorbGift(t: Turn): boolean {
  const { u, lexicon, state } = t;
  const g = state.gift;
  const before = JSON.stringify(g);
  // "No roses", "not roses": that kind is not wanted, so it is not taken as the wish (and is dropped).
  const refused = /\b(no|not|without|don'?t want|anything but)\s+(any\s+)?([a-z]+(\s[a-z]+)?)/i.exec(u.text);
  const unwanted = refused ? lexicon.kinds.find(refused[3]!) : undefined;
  if (unwanted) {
    g.avoidKind = unwanted;
    if (g.kind === unwanted) delete g.kind;
  }
  const named = lexicon.kinds.find(u.product ?? '') ?? lexicon.kinds.find(u.text);
  const kind = named === unwanted ? undefined : named;
  const colour = lexicon.colours.find(u.colour ?? '') ?? lexicon.colours.find(u.text);
  const occasion = lexicon.occasions.find(u.occasion ?? '') ?? lexicon.occasions.find(u.text);
  if (kind) {
    g.kind = kind;
    if (g.avoidKind === kind) delete g.avoidKind;
  }
  if (colour) g.colour = colour;
  if (occasion) g.occasion = occasion;
  // "a coworker whose dad passed" is for "a coworker".
  if (u.recipient) g.recipient = u.recipient.split(/\s+(?:who|whose|that|which|because)\b/i)[0];
  const bare = bareAmount.exec(u.text);
  const range = priceRange(u.text);
  const budget =
    range?.[1] ?? u.maxPrice ?? plainBudget(u.text) ?? (bare ? Number(bare[1]) * 100 : undefined);
  if (budget) {
    g.maxPrice = budget;
    const around = aroundAmount(u.text);
    if (around) g.around = around;
    else delete g.around;
    // "Between 60 and 90" has a lower end too; a budget said alone ("under 40") has none.
    if (range) g.minPrice = range[0];
    else delete g.minPrice;
  }
  if (noBudget.test(u.text)) {
    delete g.maxPrice;
    delete g.minPrice;
    delete g.around;
  }
  if (cheaper.test(u.text) && !cheapest.test(u.text) && state.shown.length > 0 && !budget) {
    g.maxPrice = Math.max(0, Math.min(...state.shown.map((p) => p.amount.amount)) - 1);
    delete g.minPrice;
    delete g.around;
  }
  if (browsing.test(u.text)) g.browse = true;
  return JSON.stringify(g) !== before;
}

/** "my girlfriend" as the concierge says it back. */
const yours = (recipient: string) => recipient.replace(/\b(my)\b/gi, 'your').replace(/\b(me)\b/gi, 'you');

/** What the cards answer, and which wish gave way when the catalog could not meet them all. */
function intro(g: GiftSlots, t: Turn, relaxed: ProductSuggestions['relaxed'], byPrice: boolean): string {
  const { lexicon } = t;
  const kind = g.kind ? lexicon.kindName(g.kind) : undefined;
  const what = g.colour || kind ? [g.colour, kind ?? 'gifts'].filter(Boolean).join(' ') : '';
  const dollars = (cents: number) => formatPrice(cents, 'USD').replace(/\.00$/, '');
  const budget =
    g.around !== undefined
      ? ` around ${dollars(g.around)}`
      : g.minPrice !== undefined && g.maxPrice !== undefined
        ? ` between ${dollars(g.minPrice)} and ${dollars(g.maxPrice)}`
        : g.maxPrice !== undefined
          ? ` up to ${dollars(g.maxPrice)}`
          : '';
  const occasion = g.occasion ? forOccasion(g.occasion, t) : '';
  const recipient = g.recipient ? ` for ${yours(g.recipient)}` : '';
  // "for a birthday for your sister", but "for your friend to wish a speedy recovery".
  const forWhom = occasion.startsWith(' to ') ? recipient + occasion : occasion + recipient;
  switch (relaxed) {
    case 'budget':
      return `I have no ${what}${budget} in stock. These are the least expensive:`;
    case 'colour':
      return `I have no ${what}${budget} in stock. Here are ${kind} in other colours:`;
    case 'kind':
      return `I'm out of ${kind} right now. Here are some other ideas${forWhom}:`;
    default:
      return byPrice
        ? `The least expensive ${what || 'gifts'}${budget}${forWhom}:`
        : `Here are some ideas${what ? ` for ${what}` : ''}${budget}${forWhom}:`;
  }
}

/** " (not all of them are red)": said when cards fill up with products that miss the colour or occasion. */
function mismatch(g: GiftSlots, t: Turn, found: ProductInfo[]): string {
  const misses = [];
  if (g.colour && found.some((p) => !p.tags.includes(g.colour!))) misses.push(g.colour);
  if (g.occasion && found.some((p) => !p.tags.includes(g.occasion!)))
    misses.push(`meant${forOccasion(g.occasion, t)}`);
  return misses.length > 0 ? ` (not all of them are ${misses.join(' or ')})` : '';
}

/**
 * One turn of the gift flow. A question about a product named in it ("tell me about the sunflower mason jar",
 * "do you sell wine?") is answered about that product; one sold out is said to be, before the wish's cards.
 */
export async function giftTurn(t: Turn): Promise<TurnResult> {
  // Without a question, only a whole name that is more than a wish ("the spa day basket", not "thank you
  // bouquet") is a product asked for.
  const question = productQuestion.test(t.u.text) || stockQuestion.test(t.u.text);
  // A question may name a product newer than the directory; any other gift request is checked against it only.
  const named = await productAsked(t, question);
  const asked = question || named?.whole ? named : undefined;
  if (asked && asked.product.stock > 0) return describeProduct(t, asked.product, asked.whole);
  const wished = await wishTurn(t);
  return asked
    ? {
        state: wished.state,
        replies: [say(`Sorry, ${asked.product.name} is sold out right now.`), ...wished.replies],
      }
    : wished;
}

/** The cards for the wish as it stands; "show me more" with nothing new shows other products. */
async function wishTurn(t: Turn): Promise<TurnResult> {
  const { state } = t;
  state.flow = 'gift';
  const changed = absorbGift(t);
  const g = state.gift;
  // A budget alone, or "just looking", is enough to show something; otherwise the occasion is asked for.
  if (!g.kind && !g.occasion && !g.colour && g.maxPrice === undefined && !g.browse) {
    const ask = quickReplies("Happy to help! What's the occasion?", occasionsMenu);
    if (state.awaiting === 'gift') return reprompt(t, [ask]);
    state.awaiting = 'gift';
    state.reprompts = 0;
    return { state, replies: [ask] };
  }
  state.awaiting = undefined;
  const missing = otherColour.exec(t.u.text)?.[1];
  if (missing && !t.lexicon.colours.find(t.u.text)) {
    // "Blue" is a colour the catalog has none of: say so, and which colours it has.
    const colours = t.lexicon.colourNames();
    return {
      state,
      replies: [
        quickReplies(
          `Sorry, I have nothing ${missing.toLowerCase()}. I have: ${colours.join(', ')}.`,
          colours,
        ),
      ],
    };
  }
  const byPrice = cheapest.test(t.u.text);
  if (changed) state.seenProducts = [];
  const exclude = changed || byPrice ? [] : (state.seenProducts ?? state.shown.map((p) => p.productId));
  const seed = hashSeed(`${state.conversationId}:${state.turn}`);
  const { products: found, relaxed } = await t.recommender.products(g, seed, exclude, byPrice);
  if (exclude.length > 0 && found.length > 0 && found.every((p) => exclude.includes(p.id))) {
    return {
      state,
      replies: [
        quickReplies("That's everything I have for that. Want to look for something else?", [
          ['Cheaper', 'something cheaper'],
          ['Flowers', 'flowers'],
          ['Plants', 'plants'],
          ['Chocolates', 'chocolates'],
        ]),
      ],
    };
  }
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
  state.focusProduct = undefined;
  state.focusQuantity = undefined;
  state.seenProducts = [...new Set([...(state.seenProducts ?? []), ...found.map((p) => p.id)])];
  return {
    state,
    replies: [
      // "Here are some ideas for red roses (not all of them are red):".
      say(intro(g, t, relaxed, byPrice).replace(/:$/, `${mismatch(g, t, found)}:`)),
      ...state.shown.map(productCard),
      quickReplies(
        'Tap Order on a card, or:',
        [
          ['Show me more', 'show me more'],
          ['Cheaper', 'something cheaper'],
          ['Order the first one', 'order the first one'],
        ],
        'Say "show me more" or "something cheaper", or open the Concierge app to order one.',
      ),
    ],
  };
}

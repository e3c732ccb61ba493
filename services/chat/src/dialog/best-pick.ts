// A booking request that names no restaurant ("book a table for 4, italian in chelsea tomorrow at 8"): the
// confirmation names the place that would be booked, so that "yes" never books somewhere the user has not seen.
import { hashSeed } from '../nlu/training/seeded.js';
import { toSearch } from './dining-flow.js';
import { confirmation, describeSearch } from './dining-questions.js';
import { toNamed } from './named-restaurant.js';
import { quickReplies } from './replies.js';
import type { Turn, TurnResult } from './turn.types.js';

/**
 * When `result` asks to confirm a booking of a search (no restaurant named by the user), picks the best place
 * that matches it all, one seed per conversation so the pick holds while nothing changes, and names it in the
 * question. Without such a place the question stays as it was: the confirmed search then shows suggestions.
 */
export async function nameThePick(t: Turn, result: TurnResult): Promise<TurnResult> {
  const { state } = result;
  const d = state.dining;
  if (state.flow !== 'dining' || state.awaiting !== 'confirm' || !state.booking) return result;
  if (d.restaurant && !d.picked) return result;
  const ask = result.replies.at(-1);
  const question = confirmation(d, t.lexicon, t.today, true);
  if (ask?.type !== 'structured' || question.type !== 'structured' || ask.text !== question.text)
    return result;
  d.restaurant = undefined;
  d.picked = undefined;
  const picks = await t.recommender.dining(toSearch(t), hashSeed(state.conversationId));
  const best = picks.find((p) => p.match === 'exact')?.restaurant;
  if (!best) return result;
  d.restaurant = toNamed(best);
  d.picked = true;
  const rest = describeSearch({ ...d, restaurant: undefined }, t.lexicon, t.today);
  const to = d.email ?? d.phone;
  const named = quickReplies(
    `Shall I book a table at ${best.name} (${rest}; rated ${best.rating.toFixed(1)}★), under ${to}?`,
    [
      ['Yes', 'yes'],
      ['No, change something', 'no'],
    ],
  );
  return { state, replies: [...result.replies.slice(0, -1), named] };
}

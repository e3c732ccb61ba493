// "Same as last time": the user's last dining search again in one step, with any change they mention.
import { absorbDining } from './dining-absorb.js';
import { askNext, complete, slotsOf } from './dining-flow.js';
import { reprompt } from './fallback.js';
import { addDays } from './local-time.js';
import type { Turn, TurnResult } from './turn.types.js';

export async function repeatLastSearch(t: Turn): Promise<TurnResult> {
  const last = await t.lastSearches.get(t.state.userId);
  t.state.flow = 'dining';
  if (!last) return askNext(t, ["I don't have a previous search for you yet, so let's start one."]);
  const { today } = t;
  // The remembered day has usually passed: the next time that evening comes round is meant.
  const date =
    last.date >= today.date ? last.date : last.time > today.time ? today.date : addDays(today.date, 1);
  t.state.dining = { ...slotsOf(last), date };
  const absorbed = absorbDining(t);
  if (absorbed.problems.length > 0) return reprompt(t, absorbed.problems);
  // "Same as last time but for 6": a changed search is confirmed before it is sent.
  if (absorbed.changed.length > 0) return askNext(t);
  return complete(t);
}

// "Same as last time": the user's last dining search again in one step, with any change they mention.
import { absorbDining } from './dining-absorb.js';
import { askNext, complete, slotsOf } from './dining-flow.js';
import { reprompt } from './fallback.js';
import { addDays } from './local-time.js';
import type { Turn, TurnResult } from './turn.types.js';

const searchKeys = ['cuisine', 'area', 'date', 'time', 'partySize', 'email', 'phone'] as const;

export async function repeatLastSearch(t: Turn): Promise<TurnResult> {
  const last = await t.lastSearches.get(t.state.userId);
  // "Now French in Tribeca" then "same time and people": what this search has said already stays, the last
  // search fills the rest, and the result is confirmed, not sent at once.
  const current = t.state.flow === 'dining' ? t.state.dining : {};
  const given = Object.fromEntries(
    searchKeys.filter((k) => current[k] !== undefined).map((k) => [k, current[k]]),
  );
  t.state.flow = 'dining';
  if (!last) return askNext(t, ["I don't have a previous search for you yet, so let's start one."]);
  const { today } = t;
  // The remembered day has usually passed: the next time that evening comes round is meant.
  const date =
    last.date >= today.date ? last.date : last.time > today.time ? today.date : addDays(today.date, 1);
  t.state.dining = { ...slotsOf(last), date, ...given };
  const absorbed = absorbDining(t);
  if (absorbed.problems.length > 0) return reprompt(t, absorbed.problems);
  if (Object.keys(given).length > 0) return askNext(t, ['OK, the rest as last time.']);
  // "Same as last time but for 6": a changed search is confirmed before it is sent.
  if (absorbed.changed.length > 0) return askNext(t);
  return complete(t);
}

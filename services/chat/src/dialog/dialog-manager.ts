// One conversational turn: screen the text, understand it, route it to a flow, and count the turn.
import type { NluModel } from '@concierge/nlu';
import type { Caller } from '@concierge/platform';
import { interpret } from '../nlu/interpret.js';
import type { OrdersClient } from '../orders/orders-client.js';
import type { Recommender } from '../recommend/recommend.types.js';
import { nameThePick } from './best-pick.js';
import type { DialogState } from './dialog.types.js';
import type { Lexicon } from './lexicon.js';
import { localMoment } from './local-time.js';
import { say } from './replies.js';
import { route } from './route.js';
import { screen, screeningReplies } from './screen-input.js';
import type { DiningNotifier, LastSearches, TableBooker, TurnResult } from './turn.types.js';

export interface DialogDeps {
  model: NluModel;
  /** The catalog's current facets as names; cached by the caller. */
  lexicon: () => Promise<Lexicon>;
  recommender: Recommender;
  lastSearches: LastSearches;
  notifier: DiningNotifier;
  tables: TableBooker;
  orders: OrdersClient;
}

export interface TurnInput {
  text: string;
  now: Date;
  timeZone: string;
  caller: Caller;
  /** See `Turn.defer`; absent, the flows wait for their writes themselves. */
  defer?: (write: Promise<unknown>) => void;
}

export class DialogManager {
  constructor(private readonly deps: DialogDeps) {}

  /** Answers `input.text` given the conversation's `state`; returns the next state and the replies. */
  async respond(state: DialogState, input: TurnInput): Promise<TurnResult> {
    state.turn += 1;
    state.touchedAt = input.now.toISOString();
    const screened = screen(input.text);
    if (!screened.ok) return { state, replies: [say(screeningReplies[screened.reason])] };
    const u = interpret(this.deps.model, screened.text, { now: input.now, timeZone: input.timeZone });
    const turn = {
      caller: input.caller,
      u,
      state,
      today: localMoment(input.now, input.timeZone),
      timeZone: input.timeZone,
      lexicon: await this.deps.lexicon(),
      recommender: this.deps.recommender,
      lastSearches: this.deps.lastSearches,
      notifier: this.deps.notifier,
      tables: this.deps.tables,
      orders: this.deps.orders,
      ...(input.defer ? { defer: input.defer } : {}),
    };
    return nameThePick(turn, await route(turn));
  }
}

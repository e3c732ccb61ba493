// Runs turns of a conversation: ownership, the per-conversation lock, dialog state and the stored history.
import { AppError, type Caller, newId, prefixedId } from '@concierge/platform';
import { type DialogState, newDialogState, type Reply } from './dialog/dialog.types.js';
import type { DialogManager } from './dialog/dialog-manager.js';
import { isValidTimeZone } from './dialog/local-time.js';
import type { DialogStateStore } from './dialog/state-store.js';
import { toWire, userMessage, type WireMessage } from './http/wire.js';
import type { ConversationRepository } from './store/conversation.repository.js';

export interface TurnRequest {
  texts: string[];
  conversationId?: string;
  timeZone?: string;
  /**
   * The assignment's endpoint, which names no conversation: it continues the caller's live conversation of
   * that endpoint (never one of the web app's), or starts one.
   */
  latest?: boolean;
}

export interface TurnAnswer {
  conversationId: string;
  replies: Reply[];
  messages: WireMessage[];
}

export function requireCaller(caller: Caller | null): Caller {
  if (!caller)
    throw new AppError('unauthenticated', 'Sign in to talk to the concierge', { code: 'UNAUTHORIZED' });
  return caller;
}

const kindOf = (state: DialogState) =>
  state.flow === 'dining' ? 'dining' : state.flow === 'gift' ? 'shopping' : undefined;

export class ConversationService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly states: DialogStateStore,
    private readonly dialog: DialogManager,
    private readonly now: () => Date,
    private readonly defaultTimeZone: string,
  ) {}

  /** The conversation if `userId` owns it; 404 otherwise, so ids cannot be probed. */
  async owned(conversationId: string, userId: string) {
    const row = await this.conversations.get(conversationId);
    if (!row || row.owner_id !== userId) throw AppError.notFound(`conversation ${conversationId}`);
    return row;
  }

  /**
   * The conversation to continue (its ownership is checked under the lock), or a new one, whose row is
   * written with its first messages (nobody knows its id before the turn answers).
   */
  private async target(request: TurnRequest, userId: string): Promise<{ id: string; created: boolean }> {
    if (request.conversationId) return { id: request.conversationId, created: false };
    if (request.latest) {
      const id = await this.states.textConversation(userId);
      if (id && (await this.states.load(id))) return { id, created: false };
    }
    return { id: prefixedId('cnv'), created: true };
  }

  async turn(caller: Caller | null, request: TurnRequest): Promise<TurnAnswer> {
    const who = requireCaller(caller);
    const { userId } = who;
    const timeZone = request.timeZone ?? this.defaultTimeZone;
    if (!isValidTimeZone(timeZone)) {
      throw AppError.invalid('Unknown time zone', [
        { field: 'body.timeZone', message: 'an IANA time zone such as America/New_York' },
      ]);
    }
    const { id: conversationId, created } = await this.target(request, userId);
    return this.states.exclusive(conversationId, async () => {
      const now = this.now();
      // A conversation created for this turn has a fresh random id: no state to read.
      const live = created ? undefined : await this.states.load(conversationId);
      // A live dialog state names its owner, which saves reading the conversation row on every turn.
      if (live ? live.userId !== userId : !created) await this.owned(conversationId, userId);
      const state = live ?? newDialogState(conversationId, userId, now);
      if (created) state.historyCount = 0;
      const replies: Reply[] = [];
      // Writes the flows hand over run with the history append below, in the same commit; a failing one
      // still fails the turn.
      const deferred: Promise<unknown>[] = [];
      const defer = (write: Promise<unknown>) => {
        write.catch(() => {});
        deferred.push(write);
      };
      for (const text of request.texts)
        replies.push(
          ...(await this.dialog.respond(state, { text, now, timeZone, caller: who, defer })).replies,
        );
      const at = now.toISOString();
      const messages = replies.slice(-20).map((r) => toWire(r, newId(), at));
      const history = [
        ...request.texts.map((t) => ({ author: 'user' as const, message: userMessage(t, newId(), at) })),
        ...messages.map((m) => ({ author: 'concierge' as const, message: m })),
      ];
      const kind = kindOf(state);
      const [count] = await Promise.all([
        this.conversations.append(
          conversationId,
          history,
          now,
          { title: request.texts[0]!.slice(0, 120), ...(kind ? { kind } : {}) },
          state.historyCount,
          created ? userId : undefined,
        ),
        ...deferred,
      ]);
      state.historyCount = count;
      await Promise.all([
        this.states.save(state),
        ...(request.latest ? [this.states.rememberTextConversation(userId, conversationId)] : []),
      ]);
      return { conversationId, replies, messages };
    });
  }

  async forget(caller: Caller | null, conversationId: string): Promise<void> {
    const { userId } = requireCaller(caller);
    await this.owned(conversationId, userId);
    await this.states.exclusive(conversationId, async () => {
      await this.conversations.delete(conversationId);
      await this.states.forget(conversationId);
    });
  }
}

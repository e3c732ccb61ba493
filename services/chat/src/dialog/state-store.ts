// Dialog state in the cache port: an idle TTL per conversation and a lock so its turns never interleave.
import type { Cache } from '@concierge/platform';
import type { DialogState } from './dialog.types.js';

export interface StateStoreOptions {
  /** Idle time after which a conversation's dialog starts afresh. Default 30 minutes. */
  idleTtlMs?: number;
  now: () => Date;
}

export class DialogStateStore {
  readonly idleTtlMs: number;

  constructor(
    private readonly cache: Cache,
    private readonly options: StateStoreOptions,
  ) {
    this.idleTtlMs = options.idleTtlMs ?? 30 * 60_000;
  }

  private key(conversationId: string): string {
    return `chat:dialog:${conversationId}`;
  }

  /** The live state, or undefined when there is none or it has been idle too long (by the injected clock too). */
  async load(conversationId: string): Promise<DialogState | undefined> {
    const state = await this.cache.get<DialogState>(this.key(conversationId));
    if (!state) return undefined;
    const idle = this.options.now().getTime() - Date.parse(state.touchedAt);
    return idle > this.idleTtlMs ? undefined : state;
  }

  save(state: DialogState): Promise<void> {
    return this.cache.set(this.key(state.conversationId), state, this.idleTtlMs);
  }

  /**
   * The conversation the assignment's text-only endpoint continues for `userId`: its own, kept apart from the
   * web app's conversations so that neither channel edits the other's pending request.
   */
  textConversation(userId: string): Promise<string | undefined> {
    return this.cache.get<string>(`chat:text-channel:${userId}`);
  }

  rememberTextConversation(userId: string, conversationId: string): Promise<void> {
    return this.cache.set(`chat:text-channel:${userId}`, conversationId, this.idleTtlMs);
  }

  forget(conversationId: string): Promise<void> {
    return this.cache.delete(this.key(conversationId));
  }

  /** Runs `fn` alone for this conversation, across processes when the cache is shared. */
  exclusive<R>(conversationId: string, fn: () => Promise<R>): Promise<R> {
    return this.cache.withLock(`chat:lock:${conversationId}`, fn, { ttlMs: 10_000, waitMs: 5_000 });
  }
}

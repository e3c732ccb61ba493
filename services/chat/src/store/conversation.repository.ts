// Conversations and their messages in SQL: the history the owner can read back, page by page.
import type { ChatDb, ConversationTable } from '../chat.tables.js';

export interface StoredMessage {
  author: 'user' | 'concierge';
  /** The wire `Message`. */
  message: unknown;
}

export interface ConversationUpdate {
  title?: string;
  kind?: 'shopping' | 'dining';
}

export class ConversationRepository {
  constructor(private readonly db: ChatDb) {}

  get(id: string): Promise<ConversationTable | undefined> {
    return this.db.selectFrom('chat_conversation').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async create(id: string, ownerId: string, at: Date): Promise<void> {
    const now = at.toISOString();
    await this.db
      .insertInto('chat_conversation')
      .values({
        id,
        owner_id: ownerId,
        title: null,
        kind: null,
        started_at: now,
        updated_at: now,
        message_count: 0,
      })
      .execute();
  }

  /**
   * Appends messages after the last one and returns the new message count; callers hold the conversation's
   * lock, so `seq` cannot collide. `knownCount` (the count after the previous append, kept with the dialog
   * state) saves reading the conversation row first; the update checks it, so a stale one costs a read.
   */
  async append(
    id: string,
    messages: StoredMessage[],
    at: Date,
    update: ConversationUpdate,
    knownCount?: number,
  ): Promise<number> {
    const created_at = at.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const bump = (count: number, title: string | null | undefined, kind: string | null | undefined) =>
        trx
          .updateTable('chat_conversation')
          .set({
            message_count: count + messages.length,
            updated_at: created_at,
            ...(title !== undefined ? { title } : {}),
            ...(kind ? { kind: kind as ConversationTable['kind'] } : {}),
          })
          .where('id', '=', id)
          .where('message_count', '=', count)
          .executeTakeFirst();
      let count = knownCount;
      // The first messages name the conversation; later ones never rename it.
      const fresh =
        count !== undefined &&
        Number(
          (await bump(count, count === 0 ? (update.title ?? null) : undefined, update.kind)).numUpdatedRows,
        ) > 0;
      if (!fresh) {
        const row = await trx
          .selectFrom('chat_conversation')
          .select(['message_count', 'title', 'kind'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        count = Number(row.message_count);
        await bump(count, row.title ?? update.title ?? null, update.kind ?? row.kind);
      }
      if (messages.length > 0) {
        await trx
          .insertInto('chat_message')
          .values(
            messages.map((m, i) => ({
              conversation_id: id,
              seq: count! + i,
              author: m.author,
              message: JSON.stringify(m.message),
              created_at,
            })),
          )
          .execute();
      }
      return count! + messages.length;
    });
  }

  /** The latest `limit` messages, oldest first. */
  async messages(id: string, limit = 500): Promise<unknown[]> {
    const rows = await this.db
      .selectFrom('chat_message')
      .select('message')
      .where('conversation_id', '=', id)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.reverse().map((r) => JSON.parse(r.message));
  }

  /** The owner's conversations, most recently active first, after the `(updated_at, id)` key `after`. */
  list(ownerId: string, limit: number, after?: [string, string]): Promise<ConversationTable[]> {
    let query = this.db.selectFrom('chat_conversation').selectAll().where('owner_id', '=', ownerId);
    if (after) {
      const [updatedAt, id] = after;
      query = query.where((eb) =>
        eb.or([
          eb('updated_at', '<', updatedAt),
          eb.and([eb('updated_at', '=', updatedAt), eb('id', '<', id)]),
        ]),
      );
    }
    return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /** The owner's most recently active conversation, for the assignment's endpoint that names none. */
  async latest(ownerId: string): Promise<ConversationTable | undefined> {
    return (await this.list(ownerId, 1))[0];
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('chat_message').where('conversation_id', '=', id).execute();
      await trx.deleteFrom('chat_conversation').where('id', '=', id).execute();
    });
  }
}

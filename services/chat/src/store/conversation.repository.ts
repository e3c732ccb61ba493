// Conversations and their messages in SQL: the history the owner can read back, page by page.

import { precompile } from '@concierge/platform';
import type { ChatDb, ConversationTable } from '../chat.tables.js';
import { BatchedWrites } from './batched-writes.js';

export interface StoredMessage {
  author: 'user' | 'concierge';
  /** The wire `Message`. */
  message: unknown;
}

export interface ConversationUpdate {
  title?: string;
  kind?: 'shopping' | 'dining';
}

type Update = ReturnType<typeof compileQueries>['bump'][number];

/** The statements of a turn's writes, compiled once per database. */
const messageColumns = ['conversation_id', 'seq', 'author', 'message', 'created_at'] as const;
const maxMessagesPerInsert = 8;

function compileQueries(db: ChatDb) {
  const bumpWith = (title: boolean, kind: boolean) =>
    precompile(
      [
        'count',
        'next',
        'at',
        'id',
        ...(title ? (['title'] as const) : []),
        ...(kind ? (['kind'] as const) : []),
      ],
      (p) =>
        db
          .updateTable('chat_conversation')
          .set({
            message_count: p.next,
            updated_at: p.at,
            ...(title ? { title: p.title } : {}),
            ...(kind ? { kind: p.kind } : {}),
          })
          .where('id', '=', p.id)
          .where('message_count', '=', p.count),
    );
  const insertRows = (n: number) => {
    const names = Array.from({ length: n }, (_, i) => messageColumns.map((c) => `${c}${i}`)).flat();
    return precompile(names, (p) =>
      db.insertInto('chat_message').values(
        Array.from({ length: n }, (_, i) => ({
          conversation_id: p[`conversation_id${i}`]!,
          seq: p[`seq${i}`]!,
          author: p[`author${i}`]!,
          message: p[`message${i}`]!,
          created_at: p[`created_at${i}`]!,
        })),
      ),
    );
  };
  return {
    /** Indexed by `2 * (title set) + (kind set)`. */
    bump: [bumpWith(false, false), bumpWith(false, true), bumpWith(true, false), bumpWith(true, true)],
    head: precompile(['id'], (p) =>
      db.selectFrom('chat_conversation').select(['message_count', 'title', 'kind']).where('id', '=', p.id),
    ),
    /** One statement for the `n` messages of a turn (a user's text and the replies): `n` of 1 to 8. */
    insertMessages: Array.from({ length: maxMessagesPerInsert }, (_, i) => insertRows(i + 1)),
    create: precompile(['id', 'owner_id', 'at'], (p) =>
      db.insertInto('chat_conversation').values({
        id: p.id,
        owner_id: p.owner_id,
        title: null,
        kind: null,
        started_at: p.at,
        updated_at: p.at,
        message_count: 0,
      }),
    ),
  };
}

export class ConversationRepository {
  private readonly queries: ReturnType<typeof compileQueries>;

  /** `writes` groups the writes of concurrent turns into shared transactions (one per event-loop turn). */
  constructor(
    private readonly db: ChatDb,
    private readonly writes: BatchedWrites = new BatchedWrites(db),
  ) {
    this.queries = compileQueries(db);
  }

  get(id: string): Promise<ConversationTable | undefined> {
    return this.db.selectFrom('chat_conversation').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async create(id: string, ownerId: string, at: Date): Promise<void> {
    const values = { id, owner_id: ownerId, at: at.toISOString() };
    await this.writes.run((trx) => trx.executeQuery(this.queries.create(values)));
  }

  /**
   * Appends messages after the last one and returns the new message count; callers hold the conversation's
   * lock, so `seq` cannot collide. `knownCount` (the count after the previous append, kept with the dialog
   * state) saves reading the conversation row first; the update checks it, so a stale one costs a read.
   * Appends of concurrent turns share a transaction (see `BatchedWrites`); each still commits or fails whole.
   * `newFor` creates the conversation, owned by that user, in the same write (its first turn).
   */
  append(
    id: string,
    messages: StoredMessage[],
    at: Date,
    update: ConversationUpdate,
    knownCount?: number,
    newFor?: string,
  ): Promise<number> {
    const created_at = at.toISOString();
    const { bump, head, insertMessages, create } = this.queries;
    return this.writes.run(async (trx) => {
      if (newFor !== undefined) {
        await trx.executeQuery(create({ id, owner_id: newFor, at: created_at }));
        knownCount = 0;
      }
      const setCount = async (
        count: number,
        title: string | null | undefined,
        kind: string | null | undefined,
      ) => {
        const query: Update = bump[(title !== undefined ? 2 : 0) + (kind ? 1 : 0)]!;
        const result = await trx.executeQuery(
          query({ count, next: count + messages.length, at: created_at, id, title, kind }),
        );
        return Number(result.numAffectedRows ?? 0n) > 0;
      };
      let count = knownCount;
      // The first messages name the conversation; later ones never rename it.
      const fresh =
        count !== undefined &&
        (await setCount(count, count === 0 ? (update.title ?? null) : undefined, update.kind));
      if (!fresh) {
        const row = (await trx.executeQuery(head({ id }))).rows[0];
        if (!row) throw new Error(`no conversation ${id}`);
        count = Number(row.message_count);
        await setCount(count, row.title ?? update.title ?? null, update.kind ?? row.kind);
      }
      for (let from = 0; from < messages.length; from += maxMessagesPerInsert) {
        const rows = messages.slice(from, from + maxMessagesPerInsert);
        const values: Record<string, unknown> = {};
        rows.forEach((m, i) => {
          values[`conversation_id${i}`] = id;
          values[`seq${i}`] = count! + from + i;
          values[`author${i}`] = m.author;
          values[`message${i}`] = JSON.stringify(m.message);
          values[`created_at${i}`] = created_at;
        });
        await trx.executeQuery(insertMessages[rows.length - 1]!(values));
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

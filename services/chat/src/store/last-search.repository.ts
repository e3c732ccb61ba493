// The last dining search per user, so a returning user can say "same as last time".

import { precompile } from '@concierge/platform';
import type { ChatDb } from '../chat.tables.js';
import type { LastSearches } from '../dialog/turn.types.js';
import type { DiningSearch } from '../recommend/recommend.types.js';
import { BatchedWrites } from './batched-writes.js';

function compileQueries(db: ChatDb) {
  return {
    get: precompile(['user_id'], (p) =>
      db.selectFrom('chat_last_search').select('search').where('user_id', '=', p.user_id),
    ),
    save: precompile(['user_id', 'search', 'updated_at'], (p) =>
      db
        .insertInto('chat_last_search')
        .values({ user_id: p.user_id, search: p.search, updated_at: p.updated_at })
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet((eb) => ({
            search: eb.ref('excluded.search'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        ),
    ),
  };
}

export class LastSearchRepository implements LastSearches {
  private readonly queries: ReturnType<typeof compileQueries>;

  /** `writes` may be shared with other repositories, so the writes of concurrent turns share a transaction. */
  constructor(
    private readonly db: ChatDb,
    private readonly now: () => Date,
    private readonly writes: BatchedWrites = new BatchedWrites(db),
  ) {
    this.queries = compileQueries(db);
  }

  async get(userId: string): Promise<DiningSearch | undefined> {
    const row = (await this.db.executeQuery(this.queries.get({ user_id: userId }))).rows[0];
    return row ? (JSON.parse(row.search) as DiningSearch) : undefined;
  }

  async save(userId: string, search: DiningSearch): Promise<void> {
    const values = { user_id: userId, search: JSON.stringify(search), updated_at: this.now().toISOString() };
    await this.writes.run((trx) => trx.executeQuery(this.queries.save(values)));
  }
}

// The last dining search per user, so a returning user can say "same as last time".

import type { ChatDb } from '../chat.tables.js';
import type { LastSearches } from '../dialog/turn.types.js';
import type { DiningSearch } from '../recommend/recommend.types.js';

export class LastSearchRepository implements LastSearches {
  constructor(
    private readonly db: ChatDb,
    private readonly now: () => Date,
  ) {}

  async get(userId: string): Promise<DiningSearch | undefined> {
    const row = await this.db
      .selectFrom('chat_last_search')
      .select('search')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.search) as DiningSearch) : undefined;
  }

  async save(userId: string, search: DiningSearch): Promise<void> {
    const values = { user_id: userId, search: JSON.stringify(search), updated_at: this.now().toISOString() };
    await this.db
      .insertInto('chat_last_search')
      .values(values)
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ search: values.search, updated_at: values.updated_at }),
      )
      .execute();
  }
}

// The stored history under concurrent turns: writes asked for together share a transaction, and still keep
// their order and fail one by one. Run against SQLite (unit) and PostgreSQL (servers).
import type { SqlStore } from '@concierge/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatDb } from '../chat.tables.js';
import { chatMigrations } from '../migrations/chat.migrations.js';
import { BatchedWrites } from '../store/batched-writes.js';
import { ConversationRepository } from '../store/conversation.repository.js';
import { LastSearchRepository } from '../store/last-search.repository.js';

const at = new Date('2026-03-10T19:00:00Z');
const said = (text: string) => ({ author: 'user' as const, message: { text } });

export function historyWritesSuite(
  name: string,
  open: () => Promise<SqlStore>,
  close: () => Promise<void>,
  /** `direct`: each write in its own transaction, grouped by the store (how the chat runs on SQLite). */
  options: { direct?: boolean } = {},
) {
  describe(`chat history writes (${name}${options.direct ? ', direct' : ''})`, () => {
    let conversations: ConversationRepository;
    let lastSearches: LastSearchRepository;
    beforeAll(async () => {
      const store = await open();
      await store.migrate(chatMigrations);
      const db = store.db as ChatDb;
      const writes = new BatchedWrites(db, options);
      conversations = new ConversationRepository(db, writes);
      lastSearches = new LastSearchRepository(db, () => at, writes);
    });
    afterAll(close);

    it('keeps every conversation of turns written at the same time, each in its own order', async () => {
      const ids = Array.from({ length: 30 }, (_, i) => `cnv_batch${i}`);
      await Promise.all(ids.map((id) => conversations.create(id, 'usr_a', at)));
      const counts = await Promise.all(
        ids.map((id, i) =>
          conversations.append(id, [said(`${i} one`), said(`${i} two`)], at, { title: id }, 0),
        ),
      );
      expect(counts).toEqual(ids.map(() => 2));
      const again = await Promise.all(
        ids.map((id, i) => conversations.append(id, [said(`${i} three`)], at, {}, 2)),
      );
      expect(again).toEqual(ids.map(() => 3));
      for (const [i, id] of ids.entries()) {
        expect(await conversations.messages(id)).toEqual([
          { text: `${i} one` },
          { text: `${i} two` },
          { text: `${i} three` },
        ]);
        expect(await conversations.get(id)).toMatchObject({ title: id, message_count: 3 });
      }
    });

    it('appends to one conversation in the order asked, even within one transaction and with a stale count', async () => {
      await conversations.create('cnv_order', 'usr_a', at);
      const [first, second, third] = await Promise.all([
        conversations.append('cnv_order', [said('a')], at, { title: 'first' }, 0),
        conversations.append('cnv_order', [said('b'), said('c')], at, { title: 'second' }, 0),
        conversations.append('cnv_order', [said('d')], at, {}),
      ]);
      expect([first, second, third]).toEqual([1, 3, 4]);
      expect(await conversations.messages('cnv_order')).toEqual([
        { text: 'a' },
        { text: 'b' },
        { text: 'c' },
        { text: 'd' },
      ]);
      // The first messages name the conversation; later ones do not rename it.
      expect((await conversations.get('cnv_order'))?.title).toBe('first');
    });

    it('fails only the write that fails: the turns written with it keep their history', async () => {
      await Promise.all(['cnv_ok1', 'cnv_ok2'].map((id) => conversations.create(id, 'usr_a', at)));
      const results = await Promise.allSettled([
        conversations.append('cnv_ok1', [said('kept 1')], at, {}, 0),
        conversations.append('cnv_missing', [said('lost')], at, {}, 0),
        lastSearches.save('usr_a', { cuisine: 'thai', area: 'Soho' } as never),
        // A second conversation with the id of an existing one violates the primary key.
        conversations.create('cnv_ok1', 'usr_b', at),
        conversations.append('cnv_ok2', [said('kept 2')], at, {}, 0),
      ]);
      expect(results.map((r) => r.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      expect(await conversations.messages('cnv_ok1')).toEqual([{ text: 'kept 1' }]);
      expect(await conversations.messages('cnv_ok2')).toEqual([{ text: 'kept 2' }]);
      expect(await conversations.messages('cnv_missing')).toEqual([]);
      expect((await conversations.get('cnv_ok1'))?.owner_id).toBe('usr_a');
      expect(await lastSearches.get('usr_a')).toEqual({ cuisine: 'thai', area: 'Soho' });
      // And the writer goes on: the next writes commit as before.
      expect(await conversations.append('cnv_ok2', [said('later')], at, {}, 1)).toBe(2);
    });

    it('keeps every message of a long answer, in order', async () => {
      await conversations.create('cnv_long', 'usr_a', at);
      const texts = Array.from({ length: 19 }, (_, i) => `line ${i}`);
      expect(await conversations.append('cnv_long', texts.map(said), at, {}, 0)).toBe(19);
      expect(await conversations.append('cnv_long', [said('after')], at, {}, 19)).toBe(20);
      expect(await conversations.messages('cnv_long')).toEqual([...texts, 'after'].map((text) => ({ text })));
    });

    it('creates a new conversation with its first messages, in the same write', async () => {
      const [count] = await Promise.all([
        conversations.append(
          'cnv_new',
          [said('hi'), said('hello!')],
          at,
          { title: 'hi' },
          undefined,
          'usr_n',
        ),
        conversations.append('cnv_ok2', [said('meanwhile')], at, {}),
      ]);
      expect(count).toBe(2);
      expect(await conversations.get('cnv_new')).toMatchObject({
        owner_id: 'usr_n',
        title: 'hi',
        message_count: 2,
      });
      expect(await conversations.messages('cnv_new')).toEqual([{ text: 'hi' }, { text: 'hello!' }]);
      expect((await conversations.latest('usr_n'))?.id).toBe('cnv_new');
    });

    it('replaces the last search of a user and keeps those of others', async () => {
      await Promise.all([
        lastSearches.save('usr_x', { cuisine: 'italian' } as never),
        lastSearches.save('usr_y', { cuisine: 'korean' } as never),
      ]);
      await lastSearches.save('usr_x', { cuisine: 'sushi' } as never);
      expect(await lastSearches.get('usr_x')).toEqual({ cuisine: 'sushi' });
      expect(await lastSearches.get('usr_y')).toEqual({ cuisine: 'korean' });
      expect(await lastSearches.get('usr_z')).toBeUndefined();
    });
  });
}

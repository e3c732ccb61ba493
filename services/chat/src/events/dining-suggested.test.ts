// `conversation.dining_suggested`: pending without a bus, published (and marked) with one, backlog drained later.
import { createMemoryEventBus, type EventEnvelope, type SqliteStore } from '@concierge/platform';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type OpenChat, openChat, talk } from '../testing/chat.fixture.js';

let open: OpenChat | undefined;
afterEach(() => open?.close());

const dine = async (o: OpenChat) => {
  const say = talk(o);
  await say('thai in soho for 2 tomorrow at 7pm, text me at +1 212 555 0199');
  await say('yes');
};
const rows = (o: OpenChat) => o.store.db.selectFrom('chat_pending_delivery').selectAll().execute();

describe('dining suggestions event', () => {
  it('waits as a pending delivery while no bus is wired, with data the event schema accepts', async () => {
    open = await openChat();
    await dine(open);
    const [row] = await rows(open);
    expect(row?.published_at).toBeNull();
    const event = JSON.parse(row!.envelope) as EventEnvelope<Record<string, unknown>>;
    expect(event).toMatchObject({ type: 'conversation.dining_suggested', version: 1 });
    expect(event.data).toMatchObject({ cuisine: 'thai', area: 'SoHo', time: '19:00', phone: '+12125550199' });
    expect(event.data).not.toHaveProperty('email');
    expect(event.data.suggestions).toHaveLength(3);
  });

  it('is recorded in the same commit as the turn that answers it, with the last search and the history', async () => {
    open = await openChat();
    const say = talk(open);
    await say('thai in soho for 2 tomorrow at 7pm, text me at +1 212 555 0199');
    const store = open.store as SqliteStore;
    const before = store.groupCommit.stats.commits;
    await say('yes');
    expect(store.groupCommit.stats.commits - before).toBe(1);
    expect(await rows(open)).toHaveLength(1);
    const last = await open.store.db.selectFrom('chat_last_search').selectAll().execute();
    expect(last).toHaveLength(1);
  });

  it('is published through the bus and marked, and a backlog is drained by publishPending', async () => {
    const bus = createMemoryEventBus({ onHandlerError: () => {} });
    const seen: EventEnvelope[] = [];
    bus.subscribe('conversation.*', async (e) => {
      seen.push(e);
    });
    open = await openChat({ events: bus });
    await dine(open);
    // Published just after the turn's answer, then marked.
    await vi.waitFor(async () => expect((await rows(open!))[0]?.published_at).not.toBeNull());
    expect(seen).toHaveLength(1);
    await open.store.db.updateTable('chat_pending_delivery').set({ published_at: null }).execute();
    expect(await open.chat.publishPending()).toBe(1);
    expect(seen.map((e) => e.id)).toEqual([seen[0]!.id, seen[0]!.id]);
  });
});

// The live stream itself: replay from the log, wake-ups, and cleanup when the client goes away.
import { createSqliteStore } from '@concierge/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { notificationsMigrations } from '../migrations/notifications.migrations.js';
import type { NotificationsDb } from '../notifications.tables.js';
import { envelope } from '../testing/notifications.fixture.js';
import { LiveHub } from './live-hub.js';
import { LiveLogRepository } from './live-log.repository.js';
import { liveStream } from './live-stream.js';

const store = createSqliteStore({ file: ':memory:' });
const db = store.db as NotificationsDb;
afterEach(async () => db.deleteFrom('notifications_live_event').execute());

const append = (log: LiveLogRepository, userId: string, id: string) =>
  db.transaction().execute((trx) => log.append(trx, userId, envelope('order.placed', { userId }, id), 'now'));

describe('liveStream', () => {
  it('ends and removes its wake-up listener when the signal aborts', async () => {
    await store.migrate(notificationsMigrations);
    const hub = new LiveHub();
    const log = new LiveLogRepository(db, 10);
    const controller = new AbortController();
    const sut = liveStream(log, hub, {
      userId: 'u1',
      lastEventId: undefined,
      signal: controller.signal,
      heartbeatMs: 60_000,
      pollMs: 60_000,
    });
    expect((await sut.next()).value).toBe('retry: 3000\n\n');
    const pending = sut.next();
    await new Promise((r) => setTimeout(r, 20));
    expect(hub.size).toBe(1);
    await append(log, 'u1', 'evt_a');
    hub.notify('u1');
    expect((await pending).value).toContain('id: evt_a\nevent: order.placed\n');
    const ended = sut.next();
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    expect(await ended).toEqual({ done: true, value: undefined });
    expect(hub.size).toBe(0);
  });

  it('keeps only the newest events per user, and replays all kept for an id it no longer has', async () => {
    await store.migrate(notificationsMigrations);
    const log = new LiveLogRepository(db, 3);
    for (const id of ['e1', 'e2', 'e3', 'e4', 'e5']) await append(log, 'u2', id);
    await append(log, 'u3', 'x1');
    expect(await log.seqOf('u2', 'e2')).toBeUndefined();
    const controller = new AbortController();
    const sut = liveStream(log, new LiveHub(), {
      userId: 'u2',
      lastEventId: 'e1',
      signal: controller.signal,
      heartbeatMs: 60_000,
      pollMs: 60_000,
    });
    const chunks: string[] = [];
    for await (const chunk of sut) {
      chunks.push(chunk);
      if (chunks.length === 4) controller.abort();
    }
    expect(chunks.slice(1).map((c) => /^id: (\S+)/.exec(c)?.[1])).toEqual(['e3', 'e4', 'e5']);
  });
});

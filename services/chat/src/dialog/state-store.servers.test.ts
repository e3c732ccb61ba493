// The chat with its dialog state in Redis (skipped unless REDIS_URL is set): TTL and per-conversation locks hold.
import { redisTestCache } from '@concierge/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenChat, openChat, talk } from '../testing/chat.fixture.js';

const url = process.env.REDIS_URL;

describe.skipIf(!url)('chat with Redis dialog state', () => {
  let fixture: Awaited<ReturnType<typeof redisTestCache>>;
  let open: OpenChat;
  beforeAll(async () => {
    fixture = await redisTestCache(url!);
    open = await openChat({ cache: fixture.cache, idleTtlMs: 60_000 });
  });
  afterAll(async () => {
    await open.close();
    await fixture.dispose();
  });

  it('continues a conversation from the state kept in Redis', async () => {
    const sut = talk(open);
    await sut('italian in chelsea for 4 tomorrow at 8pm');
    expect((await sut('a@b.com')).texts.at(-1)).toMatch(/Shall I send 3 suggestions for Italian in Chelsea/);
  });

  it('serializes two concurrent messages of one conversation', async () => {
    const { conversationId } = await open.send('thai in soho tomorrow');
    await Promise.all([
      open.send('at 7pm', { conversationId }),
      open.send('for 2 people', { conversationId }),
    ]);
    const state = await fixture.cache.get<{ turn: number; dining: { time: string; partySize: number } }>(
      `chat:dialog:${conversationId}`,
    );
    expect(state).toMatchObject({ turn: 3, dining: { time: '19:00', partySize: 2 } });
  });

  it('lets the state expire after the idle TTL', async () => {
    const { conversationId } = await open.send('thai in soho');
    open.clock.now += 61_000;
    const answer = await open.send('for 2 people', { conversationId });
    expect(answer.texts.at(-1)).toMatch(/kind of food/);
  });
});

// Dialog state: idle expiry, one turn at a time per conversation, and messages the concierge will not parse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, bob, type OpenChat, openChat, talk } from '../testing/chat.fixture.js';

let open: OpenChat;
beforeAll(async () => {
  open = await openChat({ idleTtlMs: 60_000 });
});
afterAll(() => open.close());

describe('dialog state', () => {
  it('forgets a dialog idle for longer than the TTL', async () => {
    const sut = talk(open);
    await sut('italian in chelsea');
    open.clock.now += 30_000;
    expect((await sut('tomorrow')).texts.at(-1)).toMatch(/What time/);
    open.clock.now += 61_000;
    expect((await sut('8pm')).texts.join(' ')).not.toMatch(/How many/);
  });

  it('keeps a consistent state when two messages of one conversation arrive together', async () => {
    const first = await open.send('italian in chelsea tomorrow');
    const id = first.conversationId;
    await Promise.all([
      open.send('at 8pm', { conversationId: id }),
      open.send('for 4 people', { conversationId: id }),
    ]);
    const last = await open.send('a@b.com', { conversationId: id });
    expect(last.texts.at(-1)).toMatch(/Italian in Chelsea for 4 tomorrow at 8pm/);
    const state = await open.cache.get<{ turn: number }>(`chat:dialog:${id}`);
    expect(state?.turn).toBe(4);
  });

  it('will not continue another user’s conversation', async () => {
    const mine = await open.send('hi', { caller: alice });
    await expect(open.send('hi', { caller: bob, conversationId: mine.conversationId })).rejects.toMatchObject(
      {
        kind: 'not_found',
      },
    );
  });

  const odd: [string, string, RegExp][] = [
    ['a 10,000-character message', 'book a table '.repeat(800), /too long/],
    ['binary-looking bytes', '\u0000\u0001\u0002\u0003\ufffd\ufffd', /couldn't read/],
    ['an emoji flood', '😀🎉🔥💯🙌😂😍🥳🎈🌹'.repeat(20), /in words/],
  ];
  for (const [name, text, reply] of odd) {
    it(`answers ${name} gracefully`, async () => {
      const answer = await open.send(text);
      expect(answer.texts).toHaveLength(1);
      expect(answer.texts[0]).toMatch(reply);
    });
  }

  it('never turns user text into markup: replies are plain text fields', async () => {
    const answer = await open.send('find <script>alert(1)</script> food in <b>chelsea</b>');
    for (const m of answer.messages)
      expect(m.unstructured?.text ?? m.structured?.text).not.toMatch(/<script/);
  });
});

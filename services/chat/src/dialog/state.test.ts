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

  it('keeps the whole history in order, also after the dialog state expired or went stale', async () => {
    const first = await open.send('italian in chelsea');
    const id = first.conversationId;
    await open.send('tomorrow', { conversationId: id });
    // A state saved before the last append (a failed save, a restore) carries an out-of-date message count.
    const key = `chat:dialog:${id}`;
    const state = await open.cache.get<{ historyCount: number }>(key);
    expect(state?.historyCount).toBe(4);
    await open.cache.set(key, { ...state, historyCount: 2 }, 60_000);
    await open.send('8pm', { conversationId: id });
    open.clock.now += 61_000;
    await open.send('hello again', { conversationId: id });
    const history = await open.chat.module.operations.getConversation!({
      operationId: 'getConversation',
      params: { conversationId: id },
      query: {},
      headers: {},
      body: undefined,
      caller: alice,
      requestId: 'test',
    });
    const body = history.body as { title: string; messages: { unstructured?: { text: string } }[] };
    const userTexts = body.messages.flatMap((m) => m.unstructured?.text ?? []);
    expect(body.title).toBe('italian in chelsea');
    expect(
      userTexts.filter((t) => ['italian in chelsea', 'tomorrow', '8pm', 'hello again'].includes(t)),
    ).toEqual(['italian in chelsea', 'tomorrow', '8pm', 'hello again']);
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

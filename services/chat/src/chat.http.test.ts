// The chat through the gateway built from the real contract: one scripted conversation per flow, history, ownership.
import { fileURLToPath } from 'node:url';
import { createCatalogService } from '@concierge/catalog';
import { buildGateway, type Gateway, loadApiDocument } from '@concierge/gateway';
import { createLogger, createMemoryCache, createSqliteStore, type SqlStore } from '@concierge/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatService, inProcessCatalogClient, inProcessOrdersClient } from './index.js';
import { composeOrders, testModel } from './testing/chat.fixture.js';

let store: SqlStore;
let sut: Gateway;
let closeOrders: () => Promise<void>;

beforeAll(async () => {
  const sqlite = createSqliteStore({ file: ':memory:' });
  store = sqlite;
  const catalog = createCatalogService({ store });
  await store.migrate(catalog.migrations);
  const orders = await composeOrders(sqlite, catalog.module, () => new Date());
  closeOrders = orders.close;
  const chat = createChatService({
    store,
    cache: createMemoryCache(),
    catalog: inProcessCatalogClient(catalog.module),
    orders: inProcessOrdersClient(orders.orders.module),
    model: testModel(),
  });
  await store.migrate(chat.migrations);
  await catalog.seed({ products: 60, restaurants: 300 });
  sut = await buildGateway({
    document: loadApiDocument(fileURLToPath(new URL('../../../api/openapi.yaml', import.meta.url))),
    logger: createLogger({ level: 'silent', format: 'json' }),
    // Tests name the caller in a header; the real authenticators are tested in the gateway.
    authenticator: {
      authenticate: async (request) => {
        const user = request.headers['x-test-user'];
        return typeof user === 'string' ? { userId: user, roles: ['customer'], via: 'jwt' } : null;
      },
    },
    services: [catalog.module, chat.module],
  });
});
afterAll(async () => {
  await sut.app.close();
  await closeOrders();
  await store.close();
});

const post = (url: string, payload: unknown, user = 'usr_ana') =>
  sut.app.inject({ method: 'POST', url, payload: payload as object, headers: { 'x-test-user': user } });
const get = (url: string, user = 'usr_ana') =>
  sut.app.inject({ method: 'GET', url, headers: { 'x-test-user': user } });
const message = (text: string) => ({
  type: 'unstructured',
  unstructured: { id: 'm1', text, timestamp: '2026-03-10T19:00:00Z' },
});

async function nlu(text: string, conversationId?: string, user?: string) {
  const res = await post(
    '/v1/nlu',
    { messages: [message(text)], ...(conversationId ? { conversationId } : {}) },
    user,
  );
  expect(res.statusCode).toBe(200);
  return res.json() as {
    conversationId: string;
    messages: {
      type: string;
      unstructured?: { text: string };
      structured?: { type: string; payload: Record<string, unknown> };
    }[];
  };
}

describe('chat over HTTP', () => {
  it('gift shopping: product cards, then the order card whose button checks out', async () => {
    const shown = await nlu('I need red roses delivered to my mom tomorrow');
    const cards = shown.messages.filter((m) => m.structured?.type === 'product');
    expect(cards.length).toBe(3);
    const ordered = await nlu('order the first one', shown.conversationId);
    const card = ordered.messages.find((m) => m.structured?.type === 'product')!.structured!.payload;
    expect(card).toMatchObject({
      productId: cards[0]!.structured!.payload.productId,
      clickAction: 'checkout',
    });
    expect((await get(`/v1/products/${card.productId}`)).statusCode).toBe(200);
    expect(card.quantity).toBeUndefined();
  });

  it('carries the quantity asked for on the order card, through the contract', async () => {
    const shown = await nlu('show me orchids');
    const second = shown.messages.filter((m) => m.structured?.type === 'product')[1]!.structured!.payload;
    const ordered = await nlu('I will take three of the second one', shown.conversationId);
    const card = ordered.messages.find((m) => m.structured?.type === 'product')!.structured!.payload;
    expect(card).toMatchObject({ productId: second.productId, quantity: 3, clickAction: 'checkout' });
  });

  it('dining in the assignment shape, then "same as last time" in a new conversation', async () => {
    const ask = (text: string) => post('/v1/chatbot', { messages: [message(text)] }, 'usr_dan');
    expect(
      (await ask('Find me a quiet Italian place in Chelsea for 4 tomorrow at 8pm')).json().messages[0]
        .unstructured.text,
    ).toMatch(/e-mail/);
    expect((await ask('dan@example.com')).json().messages[0].unstructured.text).toMatch(
      /^Shall I send 3 suggestions/,
    );
    const done = (await ask('yes')).json();
    expect(done.messages).toHaveLength(1);
    expect(done.messages[0].unstructured.text).toMatch(
      /Here are my suggestions for Italian in Chelsea[\s\S]*★/,
    );
    const pending = await store.db.selectFrom('chat_pending_delivery').selectAll().execute();
    expect(JSON.parse(pending[0]!.envelope)).toMatchObject({
      type: 'conversation.dining_suggested',
      data: { userId: 'usr_dan', partySize: 4, email: 'dan@example.com' },
    });
    const again = await nlu('same as last time', undefined, 'usr_dan');
    expect(again.messages.filter((m) => m.structured?.type === 'restaurant')).toHaveLength(3);
  });

  it('speaks plain text on the assignment endpoint: numbered suggestions, nothing to tap', async () => {
    const ask = async (text: string) =>
      (await post('/v1/chatbot', { messages: [message(text)] }, 'usr_erin')).json().messages[0].unstructured
        .text as string;
    const gifts = await ask('i want to buy flowers for my mom');
    expect(gifts).toMatch(/\n1\. .+, \$[\d.]+\n2\. .+\n3\. /);
    expect(gifts).not.toMatch(/\btap\b/i);
    expect(gifts).toMatch(/open the Concierge app to order one/);
    const order = await ask('order the first one');
    expect(order).toMatch(/^Great choice: .+ \(\$[\d.]+\)\. To order it, open the Concierge app/);
    expect(order).not.toMatch(/\btap Order to\b/);
    await ask('start over');
    await ask('italian in chelsea tomorrow at 8pm for 2, erin@example.com');
    const suggested = await ask('yes');
    expect(suggested).toMatch(/\n1\. .+★.+\n2\. .+\n3\. /);
    const which = await ask('yes');
    expect(which).toMatch(/^Which one\? Say its name or its place in the list: /);
    expect(which).not.toMatch(/\btap\b/i);
  });

  it('books a table in the conversation; the booking is listed for its guest and can be cancelled', async () => {
    const first = await nlu(
      'book a table for 2 at an italian place in chelsea tomorrow at 8pm',
      undefined,
      'usr_bea',
    );
    const id = first.conversationId;
    expect((await nlu('bea@example.com', id, 'usr_bea')).messages.at(-1)!.structured!.type).toBe(
      'quick_replies',
    );
    const done = await nlu('yes', id, 'usr_bea');
    const said = done.messages[0]!.unstructured!.text;
    const bookingId = /booking number is (bkg_[\w-]+)/.exec(said)?.[1];
    expect(bookingId).toBeDefined();
    const listed = (await get('/v1/bookings', 'usr_bea')).json();
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({
      id: bookingId,
      partySize: 2,
      time: '20:00',
      status: 'confirmed',
    });
    expect(said).toContain(listed.items[0].restaurantName);
    expect((await get(`/v1/bookings/${bookingId}`, 'usr_mallory')).statusCode).toBe(404);
    expect((await get('/v1/bookings', 'usr_mallory')).json().items).toEqual([]);
    const cancelled = await post(`/v1/bookings/${bookingId}/cancel`, undefined, 'usr_bea');
    expect([cancelled.statusCode, cancelled.json().status]).toEqual([200, 'cancelled']);
  });

  it('validates direct booking requests against the contract', async () => {
    const restaurants = (await get('/v1/restaurants?limit=1')).json().items;
    const url = `/v1/restaurants/${restaurants[0].id}/bookings`;
    const bad = await post(url, { date: 'tomorrow', time: '8pm', partySize: 0 });
    expect(bad.statusCode).toBe(400);
    const fields = bad
      .json()
      .details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['body.date', 'body.partySize', 'body.time']);
    const anonymous = await sut.app.inject({
      method: 'POST',
      url,
      payload: { date: '2099-01-01', time: '20:00', partySize: 2 },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('keeps the history for its owner only, and forgets it on reset', async () => {
    const { conversationId } = await nlu('hello', undefined, 'usr_eve');
    const list = (await get('/v1/conversations', 'usr_eve')).json();
    expect(list.items[0]).toMatchObject({ id: conversationId, title: 'hello', messageCount: 2 });
    const mine = await get(`/v1/conversations/${conversationId}`, 'usr_eve');
    expect(mine.json().messages.map((m: { type: string }) => m.type)).toEqual(['unstructured', 'structured']);
    expect((await get(`/v1/conversations/${conversationId}`, 'usr_mallory')).statusCode).toBe(404);
    expect(
      (await post('/v1/nlu', { messages: [message('hi')], conversationId }, 'usr_mallory')).statusCode,
    ).toBe(404);
    const reset = await sut.app.inject({
      method: 'DELETE',
      url: `/v1/conversations/${conversationId}`,
      headers: { 'x-test-user': 'usr_eve' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await get(`/v1/conversations/${conversationId}`, 'usr_eve')).statusCode).toBe(404);
  });

  it("keeps the text-only endpoint's conversation apart from the web app's", async () => {
    const user = 'usr_two_channels';
    const web = await nlu('italian in soho tomorrow 8pm for 2', undefined, user);
    const bot = async (text: string) =>
      (
        (await post('/v1/chatbot', { messages: [message(text)] }, user)).json() as {
          messages: { unstructured: { text: string } }[];
        }
      ).messages.map((m) => m.unstructured.text);
    // A new request on the text channel is its own: not "OK, Thai instead of Italian".
    expect((await bot('thai in midtown tomorrow at 7 for 4')).join(' ')).not.toMatch(/instead of/);
    const text = (await bot('bo@example.com')).at(-1);
    expect(text).toMatch(
      /^Shall I send 3 suggestions for Thai in Midtown for 4 tomorrow at 7pm to bo@example\.com\?/,
    );
    const answer = JSON.stringify((await nlu('ana@example.com', web.conversationId, user)).messages);
    expect(answer).toMatch(
      /Shall I send 3 suggestions for Italian in SoHo for 2 tomorrow at 8pm to ana@example\.com\?/,
    );
    expect(answer).not.toMatch(/Thai|Midtown/);
  });

  it('pages the conversation list with cursors', async () => {
    for (let i = 0; i < 3; i++) await nlu(`hi ${i}`, undefined, 'usr_pager');
    const first = (await get('/v1/conversations?limit=2', 'usr_pager')).json();
    const second = (await get(`/v1/conversations?limit=2&cursor=${first.nextCursor}`, 'usr_pager')).json();
    expect([first.items.length, second.items.length, second.nextCursor]).toEqual([2, 1, null]);
  });

  it('answers odd messages within the contract and rejects those beyond its limits', async () => {
    const emoji = await nlu('🌹🌹🌹🌹🌹🌹🌹🌹🌹🌹🌹🌹');
    expect(emoji.messages[0]!.unstructured!.text).toMatch(/in words/);
    // A 10,000-character paste gets an answer, not an error; past the contract's 20,000, a 400.
    const long = await post('/v1/nlu', { messages: [message('book a table '.repeat(800))] });
    expect(long.statusCode).toBe(200);
    expect(long.json().messages[0].unstructured.text).toMatch(/too long/);
    const bot = await post('/v1/chatbot', { messages: [message('x'.repeat(10_000))] });
    expect(bot.statusCode).toBe(200);
    expect(bot.json().messages[0].unstructured.text).toMatch(/too long/);
    const beyond = await post('/v1/nlu', { messages: [message('x'.repeat(20_001))] });
    expect([beyond.statusCode, beyond.json().code]).toEqual([400, 'INVALID']);
    const anonymous = await sut.app.inject({
      method: 'POST',
      url: '/v1/nlu',
      payload: { messages: [message('hi')] },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

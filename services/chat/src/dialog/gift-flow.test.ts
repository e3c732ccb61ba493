// The gift flow's choices: the kind the user named stays firm, a colour or budget the catalog cannot meet is
// relaxed out loud.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindFamilies } from '../recommend/product.recommender.js';
import { type Answer, type OpenChat, openChat, talk } from '../testing/chat.fixture.js';
import { quantityAsked } from './order-flow.js';

let open: OpenChat;
beforeAll(async () => {
  open = await openChat();
});
afterAll(() => open.close());

interface Shown {
  tags: string[];
  amount: number;
}

async function shown(answer: Answer): Promise<Shown[]> {
  const ids = answer.messages
    .filter((m) => m.structured?.type === 'product')
    .map((m) => m.structured.payload.productId as string);
  const rows = await open.store.db
    .selectFrom('catalog_product')
    .select(['id', 'tags', 'price_amount'])
    .where('id', 'in', ids)
    .execute();
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id)!;
    return { tags: JSON.parse(row.tags as string) as string[], amount: Number(row.price_amount) };
  });
}

const flowers = kindFamilies.flowers!;
const isFlower = (p: Shown) => p.tags.some((t) => flowers.includes(t));

/** The reply to a product picked from the cards. */
const greatChoice = (name: string) =>
  `Great choice: ${name}. Tap Order to check out and choose the delivery.`;

interface Card {
  name: string;
  price: string;
  amount: { amount: number };
}

/** The product cards of an answer, in order. */
// biome-ignore lint/suspicious/noExplicitAny: tests read the wire shape loosely
function productCards(answer: { messages: any[] }): Card[] {
  return answer.messages.filter((m) => m.structured?.type === 'product').map((m) => m.structured.payload);
}

describe('gift flow', () => {
  it('shows only flowers for "flowers", also once a budget is added', async () => {
    const sut = talk(open);
    const first = await sut("I want to buy flowers for my girlfriend's birthday");
    expect(first.texts[0]).toBe('Here are some ideas for flowers for a birthday for your girlfriend:');
    const cards = await shown(first);
    expect(cards).toHaveLength(3);
    expect(cards.every(isFlower)).toBe(true);
    const cheaper = await sut('something under 60 dollars');
    expect(cheaper.texts[0]).toMatch(/^Here are some ideas for flowers up to \$60 /);
    const within = await shown(cheaper);
    expect(within.length).toBeGreaterThan(0);
    expect(within.every((p) => isFlower(p) && p.amount <= 6000)).toBe(true);
  });

  it('says so when no product of the kind and colour fits the budget, and shows the cheapest that do', async () => {
    const sut = talk(open);
    const answer = await sut('red roses under $5');
    expect(answer.texts[0]).toBe('I have no red roses up to $5 in stock. These are the least expensive:');
    const cards = await shown(answer);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((p) => p.tags.includes('roses') && p.tags.includes('red'))).toBe(true);
    const amounts = cards.map((p) => p.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
  });

  it('answers "what\'s the cheapest" with the wish\'s products, least expensive first', async () => {
    const sut = talk(open);
    await sut('flowers for a birthday');
    const answer = await sut("what's the cheapest");
    // Cheapest first may bring flowers not made for birthdays; the answer then says so.
    expect(answer.texts[0]).toMatch(
      /^The least expensive flowers for a birthday( \(not all of them are meant for a birthday\))?:$/,
    );
    const cards = await shown(answer);
    expect(cards.every(isFlower)).toBe(true);
    const amounts = cards.map((p) => p.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
  });

  it('reads "under 30" as a budget in dollars', async () => {
    const sut = talk(open);
    const answer = await sut('do you have chocolates under 30');
    expect(answer.texts[0]).toMatch(/up to \$30/);
    const cards = await shown(answer);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((p) => p.tags.includes('chocolates') && p.amount <= 3000)).toBe(true);
  });

  it('hears a retirement, a housewarming or a promotion as a time for congratulations', async () => {
    for (const said of [
      'a retirement gift for my boss',
      'housewarming present',
      'my boss got promoted, gift ideas?',
    ])
      expect((await talk(open)(said)).texts[0]).toMatch(/congratulat/i);
  });

  it('reads rose emoji as roses, with or without words around them', async () => {
    const gf = await talk(open)('🌹🌹🌹 for my gf 😍');
    expect(gf.texts[0]).toBe('Here are some ideas for roses for your girlfriend:');
    const cards = await shown(gf);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((p) => p.tags.includes('roses'))).toBe(true);
    expect((await talk(open)('🌹🌹🌹')).texts[0]).toBe('Here are some ideas for roses:');
  });

  it('shows new-baby gifts for "my best friend just had a baby! ideas?", not a restaurant search', async () => {
    const answer = await talk(open)('my best friend just had a baby! ideas?');
    expect(answer.texts[0]).toBe('Here are some ideas for a new baby:');
    const cards = await shown(answer);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((p) => p.tags.includes('new-baby'))).toBe(true);
  });

  it('hears the occasion in "a friend who\'s sick"', async () => {
    const sut = talk(open);
    expect((await sut("something yellow for a friend who's sick")).texts[0]).toBe(
      'Here are some ideas for yellow gifts for a friend to wish a speedy recovery:',
    );
  });

  it('takes "under 60", "budget 200" and "blue" as answers about the gift', async () => {
    const sut = talk(open);
    await sut('something for a coworker who is sick');
    const within = await shown(await sut('under 60'));
    expect(within.length).toBeGreaterThan(0);
    expect(within.every((p) => p.amount <= 6000)).toBe(true);
    expect((await sut('blue')).texts[0]).toMatch(/^Sorry, I have nothing blue\. I have: red, pink/);
    expect((await sut('budget 200')).texts[0]).toMatch(/up to \$200/);
  });

  it('takes a bare number as the budget and "no limit" as none', async () => {
    const sut = talk(open);
    await sut('roses for an anniversary');
    const within = await sut('100');
    expect(within.texts[0]).toMatch(/up to \$100/);
    expect((await shown(within)).every((p) => p.amount <= 10000)).toBe(true);
    expect((await sut('no limit')).texts[0]).not.toMatch(/up to/);
  });

  it('shows gifts for a budget alone, said back as "around $70", the nearest prices first', async () => {
    const sut = talk(open);
    expect((await sut('gift ideas')).texts[0]).toBe("Happy to help! What's the occasion?");
    const answer = await sut('around $70');
    expect(answer.texts[0]).toBe('Here are some ideas around $70:');
    const cards = await shown(answer);
    expect(cards.length).toBe(3);
    expect(cards.every((p) => p.amount <= 8750)).toBe(true);
    // The seeded catalog has more than three products within a quarter of $70, so all three cards are.
    expect(cards.every((p) => p.amount >= 5250)).toBe(true);
    expect((await sut('under 40')).texts[0]).toMatch(/up to \$40/);
  });

  it('keeps both ends of "between 60 and 90 dollars", and drops the lower one for a budget said alone', async () => {
    const sut = talk(open);
    const between = await sut('flowers between 60 and 90 dollars');
    expect(between.texts[0]).toBe('Here are some ideas for flowers between $60 and $90:');
    const cards = await shown(between);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((p) => isFlower(p) && p.amount >= 6000 && p.amount <= 9000)).toBe(true);
    const under = await sut('under 40');
    expect(under.texts[0]).toMatch(/^Here are some ideas for flowers up to \$40/);
    const cheap = await shown(under);
    expect(cheap.length).toBeGreaterThan(0);
    expect(cheap.every((p) => p.amount <= 4000)).toBe(true);
  });

  it('shows something for "I\'m just looking" instead of asking the occasion again', async () => {
    const sut = talk(open);
    await sut('I want to buy a gift');
    const answer = await sut("I'm just looking");
    expect(answer.texts[0]).toBe('Here are some ideas:');
    expect((await shown(answer)).length).toBe(3);
    const more = await sut('show me more');
    expect((await shown(more)).length).toBeGreaterThan(0);
  });

  it('leaves out a kind the user says no to', async () => {
    const sut = talk(open);
    await sut('something for an anniversary');
    const cards = await shown(await sut('no roses please'));
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.some((p) => p.tags.includes('roses'))).toBe(false);
  });

  it('says when cards miss the colour asked for', async () => {
    const sut = talk(open);
    const answer = await sut('purple tulips');
    const cards = await shown(answer);
    const allPurple = cards.every((p) => p.tags.includes('purple'));
    expect(/ \(not all of them are purple\):$/.test(answer.texts[0]!)).toBe(!allPurple);
  });

  it('says when "show me more" has nothing new left', async () => {
    const sut = talk(open);
    let answer = await sut('chocolates');
    const seen = new Set<string>();
    for (let i = 0; i < 10 && !/That's everything/.test(answer.texts[0] ?? ''); i++) {
      for (const m of answer.messages.filter((m) => m.structured?.type === 'product'))
        seen.add(m.structured.payload.productId as string);
      answer = await sut('show me more');
    }
    expect(answer.texts[0]).toMatch(/^That's everything I have for that/);
    const all = await open.store.db.selectFrom('catalog_product').select(['tags', 'stock']).execute();
    const inStock = all.filter((p) => (p.tags as string).includes('"chocolates"') && Number(p.stock) > 0);
    expect(seen.size).toBe(inStock.length);
  });
});

describe('ordering from the chat', () => {
  it('orders the shown product the user names by a word of its name', async () => {
    const sut = talk(open);
    const cards = productCards(await sut('flowers for a birthday'));
    // A word of the last card's name that no other card has.
    const others = cards.slice(0, -1).flatMap((c) => c.name.toLowerCase().split(' '));
    const word = cards
      .at(-1)!
      .name.split(' ')
      .find((w) => w.length > 3 && !others.includes(w.toLowerCase()))!;
    const answer = await sut(`I'll take the ${word.toLowerCase()} one`);
    expect(answer.texts[0]).toBe(greatChoice(cards.at(-1)!.name));
  });

  it('tells the price of a shown product when asked', async () => {
    const sut = talk(open);
    const cards = (await sut('chocolates')).messages.filter((m) => m.structured?.type === 'product');
    const first = cards[0].structured.payload as { name: string; price: string };
    expect((await sut('how much is the first one')).texts[0]).toBe(
      `${first.name} is ${first.price}. Tap Order to check out and choose the delivery.`,
    );
  });

  it('keeps the cards in order after a price question, and "take it" means the product asked about', async () => {
    const sut = talk(open);
    const cards = productCards(await sut('birthday flowers'));
    expect(cards.length).toBeGreaterThanOrEqual(3);
    await sut('how much is the second one');
    expect((await sut('and the third one?')).texts[0]).toMatch(new RegExp(`^${cards[2]!.name} is \\$`));
    expect((await sut("i'll take the first one")).texts[0]).toBe(greatChoice(cards[0]!.name));
    await sut('how much is the second one');
    expect((await sut("ok i'll take it")).texts[0]).toBe(greatChoice(cards[1]!.name));
  });

  it('reads "a red flower" as flowers and "roses 50$" as a $50 budget', async () => {
    const red = await shown(await talk(open)('a red flower'));
    expect(red.length).toBeGreaterThan(0);
    expect(red.every(isFlower)).toBe(true);
    const cheap = await talk(open)('roses 50$');
    const cards = await shown(cheap);
    expect(cheap.texts[0]!.includes('up to $50') || cards.every((p) => p.amount <= 5000)).toBe(true);
  });

  it('tells the price of a product named in the question, shown or not', async () => {
    const row = await open.store.db
      .selectFrom('catalog_product')
      .select(['name', 'price_amount'])
      .where('stock', '>', 0)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const price = `${row.name} is $${(Number(row.price_amount) / 100).toFixed(2)}. Tap Order to check out and choose the delivery.`;
    expect((await talk(open)(`how much is the ${row.name.toLowerCase()}?`)).texts[0]).toBe(price);
    expect((await talk(open)(`what does the ${row.name.toLowerCase()} cost`)).texts[0]).toBe(price);
    const sut = talk(open);
    await sut(`how much is the ${row.name.toLowerCase()}?`);
    expect((await sut('order it')).texts[0]).toBe(greatChoice(row.name));
  });

  it('takes a bare "2" with cards on screen as the second card, not a budget of $2', async () => {
    const sut = talk(open);
    const cards = productCards(await sut('birthday flowers'));
    expect((await sut('2')).texts[0]).toBe(greatChoice(cards[1]!.name));
  });

  it('orders the cheapest card for "order the cheapest one"', async () => {
    const sut = talk(open);
    const cards = productCards(await sut('chocolates'));
    const cheapest = cards.reduce((a, b) => (b.amount.amount < a.amount.amount ? b : a));
    expect((await sut('order the cheapest one')).texts[0]).toBe(greatChoice(cheapest.name));
  });

  it('says a product asked for by name is sold out instead of offering another in its place', async () => {
    await open.catalog.operations.createProduct!({
      operationId: 'createProduct',
      params: {},
      query: {},
      headers: {},
      body: {
        name: 'Moonlit Peony Cloud',
        price: { amount: 6500, currency: 'USD' },
        tags: ['flowers', 'peonies'],
        stock: 0,
      },
      caller: { userId: 'usr_operator', roles: ['operator'], via: 'jwt' },
      requestId: 'test',
    });
    const answer = await talk(open)('I would like to order the Moonlit Peony Cloud');
    expect(answer.texts[0]).toBe('Sorry, Moonlit Peony Cloud is sold out right now.');
    const cards = answer.messages.filter((m) => m.structured?.type === 'product');
    for (const card of cards) expect(card.structured.payload.name).not.toBe('Moonlit Peony Cloud');
  });

  it('puts forward the card picked last for "order it", not the first', async () => {
    const sut = talk(open);
    const cards = productCards(await sut('birthday flowers'));
    await sut('the second one please');
    expect((await sut('order it')).texts[0]).toBe(greatChoice(cards[1]!.name));
  });

  it('answers "yes" after an order card with where to tap, for that product', async () => {
    const sut = talk(open);
    const cards = productCards(await sut('chocolates'));
    expect((await sut('the first one')).texts[0]).toBe(greatChoice(cards[0]!.name));
    const yes = await sut('yes');
    expect(yes.texts[0]).toBe(
      `Great! Tap Order on the ${cards[0]!.name} card to check out and choose the delivery.`,
    );
    expect(productCards(yes).map((c) => c.name)).toEqual([cards[0]!.name]);
  });

  it('says how many cards there are for a position beyond them, and takes "the 2nd" alone', async () => {
    const sut = talk(open);
    const cards = productCards(await sut('birthday flowers'));
    expect(cards).toHaveLength(3);
    const beyond = await sut('order the fifth one');
    expect(beyond.texts).toEqual(['I only showed 3 products here. Which one would you like?']);
    expect(beyond.messages[0].structured.payload.options[1]).toEqual({
      label: cards[1]!.name,
      text: 'order the second one',
    });
    expect((await sut('the 2nd')).texts[0]).toBe(greatChoice(cards[1]!.name));
    expect((await sut('number 3')).texts[0]).toBe(greatChoice(cards[2]!.name));
  });

  it('shows roses for "buy roses" instead of ordering the first product whose name holds the word', async () => {
    const sut = talk(open);
    const answer = await sut('buy roses');
    expect(answer.texts[0]).toBe('Which product would you like?');
    const cards = await shown(answer);
    expect(cards.length).toBeGreaterThan(1);
    expect(cards.every((p) => p.tags.includes('roses'))).toBe(true);
    const white = await shown(await sut('the white ones'));
    expect(white[0]!.tags).toEqual(expect.arrayContaining(['roses', 'white']));
  });

  it('orders a product named in full even when other cards were shown', async () => {
    const sut = talk(open);
    const cards = (await sut('chocolates')).messages.filter((m) => m.structured?.type === 'product');
    const ids = cards.map((m) => m.structured.payload.productId as string);
    const other = await open.store.db
      .selectFrom('catalog_product')
      .select(['id', 'name'])
      .where('id', 'not in', ids)
      .where('stock', '>', 0)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const answer = await sut(`I'd like to order the ${other.name}`);
    expect(answer.messages.find((m) => m.structured?.type === 'product').structured.payload.productId).toBe(
      other.id,
    );
  });
});

/** A product of the seeded catalog by name, asserted to be in stock. */
async function inStock(name: string): Promise<{ id: string; name: string; price: string }> {
  const row = await open.store.db
    .selectFrom('catalog_product')
    .select(['id', 'name', 'price_amount', 'stock'])
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  expect(Number(row.stock)).toBeGreaterThan(0);
  return { id: row.id, name: row.name, price: `$${(Number(row.price_amount) / 100).toFixed(2)}` };
}

describe('products named by the user', () => {
  it('puts forward the product named in full or by a word only its name has, never another', async () => {
    const tulips = await inStock('Pink Tulip Bouquet');
    // Every word of "pink tulip bouquet" is also a colour or a kind, and other products share two of them.
    expect((await talk(open)('how much is the pink tulip bouquet?')).texts[0]).toBe(
      `Pink Tulip Bouquet is ${tulips.price}. Tap Order to check out and choose the delivery.`,
    );
    await inStock('Dark Chocolate Truffles');
    expect((await talk(open)('order the truffles')).texts[0]).toBe(greatChoice('Dark Chocolate Truffles'));
  });

  it('orders a product by its exact name after other cards, and "order it" then means that product', async () => {
    const sut = talk(open);
    const cards = [
      ...productCards(await sut('birthday flowers')),
      ...productCards(await sut('show me more')),
    ];
    // A product not on these cards, whose every word is also a colour or a kind.
    const name = ['Purple Tulip Bouquet', 'Pink Tulip Bouquet'].find(
      (n) => !cards.some((c) => c.name === n),
    )!;
    await inStock(name);
    expect((await sut(`order ${name}`)).texts[0]).toBe(greatChoice(name));
    expect((await sut('order it')).texts[0]).toBe(greatChoice(name));
  });

  it('puts forward the first of two products named, one at a time', async () => {
    await inStock('Monstera Plant');
    const answer = await talk(open)("I'd like to order the Monstera Plant and the Snake Plant");
    expect(answer.texts.slice(0, 2)).toEqual([
      "I can order one product at a time, so let's start with Monstera Plant.",
      greatChoice('Monstera Plant'),
    ]);
    expect(productCards(answer).map((c) => c.name)).toEqual(['Monstera Plant']);
  });
});

describe('questions about one product', () => {
  it('answers "tell me about" a product shown, and "order it" then orders that one, not the first card', async () => {
    const jar = await inStock('Sunflower Mason Jar');
    const sut = talk(open);
    await sut('sunflowers');
    const answer = await sut('tell me about the sunflower mason jar');
    expect(answer.texts[0]).toMatch(
      new RegExp(
        `^Sunflower Mason Jar is \\${jar.price}\\. .+ Tap Order to check out and choose the delivery\\.$`,
      ),
    );
    expect(productCards(answer).map((c) => c.name)).toEqual(['Sunflower Mason Jar']);
    expect((await sut('order it')).texts[0]).toBe(greatChoice('Sunflower Mason Jar'));
  });

  it('answers whether a card on screen or a product named is in stock, instead of ordering it', async () => {
    const sut = talk(open);
    const cards = productCards(await sut('orchids'));
    const first = cards[0]!;
    expect((await sut('is the first one in stock?')).texts[0]).toBe(
      `Yes, ${first.name} is in stock (${first.price}). Tap Order to check out and choose the delivery.`,
    );
    const tulips = await inStock('Pink Tulip Bouquet');
    expect((await talk(open)('is the Pink Tulip Bouquet available?')).texts[0]).toBe(
      `Yes, Pink Tulip Bouquet is in stock (${tulips.price}). Tap Order to check out and choose the delivery.`,
    );
  });

  it('puts forward a product named in full in a gift request, unless its name only says a wish', async () => {
    const basket = await inStock('Spa Day Basket');
    const answer = await talk(open)('get me the spa day basket');
    expect(answer.texts[0]).toMatch(new RegExp(`^Spa Day Basket is \\${basket.price}\\. `));
    expect(productCards(answer).map((c) => c.name)).toEqual(['Spa Day Basket']);
    // "Thank You Bouquet" is a product too, but every word of it is also an occasion or a kind.
    const wish = await talk(open)('thank you bouquet for my colleague');
    expect(wish.texts[0]).toMatch(/^Here are some ideas for bouquets .*to say thank you:$/);
    expect(productCards(wish).length).toBeGreaterThan(1);
  });

  it('answers "do you sell wine?" with the product that has wine', async () => {
    const basket = await inStock('Wine and Chocolate Basket');
    const answer = await talk(open)('do you sell wine?');
    expect(answer.texts[0]).toMatch(
      new RegExp(`^I have the Wine and Chocolate Basket, at \\${basket.price}\\.`),
    );
    expect(productCards(answer).map((c) => c.name)).toEqual(['Wine and Chocolate Basket']);
  });
});

describe('not the gift flow', () => {
  it('names the best-rated restaurant suggestion for "which one is the best?" and "what\'s the best one?"', async () => {
    for (const asked of ['which one is the best?', "what's the best one?"]) {
      const sut = talk(open);
      await sut('italian in soho tomorrow 7pm for 2, t@example.com');
      const places = (await sut('yes')).messages
        .filter((m) => m.structured?.type === 'restaurant')
        .map((m) => m.structured.payload as { name: string; rating: number; address: string });
      expect(places.length).toBeGreaterThan(1);
      const best = places.reduce((a, b) => (b.rating > a.rating ? b : a));
      expect((await sut(asked)).texts[0]).toBe(
        `${best.name} is rated ${best.rating.toFixed(1)}★ and is at ${best.address}.`,
      );
    }
  });
});

describe('a product named alone', () => {
  it('describes "the money tree" with its card, and "order it" then puts it forward', async () => {
    const sut = talk(open);
    const said = await sut('the money tree');
    expect(said.texts[0]).toMatch(/^Money Tree\b.*\$\d+/);
    expect(productCards(said).map((p) => p.name)).toEqual(['Money Tree']);
    expect((await sut('order it')).texts[0]).toBe(greatChoice('Money Tree'));
  });
});

describe('"just looking" while choosing a gift', () => {
  it('stays with gifts after cards were shown, and "just looking at gifts" starts there', async () => {
    const sut = talk(open);
    await sut('roses for my mom');
    const answer = await sut('just looking');
    expect(answer.texts.join(' ')).not.toMatch(/kind of food/);
    expect(productCards(answer).length).toBeGreaterThan(0);
    const fresh = await talk(open)('just looking at gifts');
    expect(productCards(fresh).length).toBeGreaterThan(0);
  });
});

describe('how many of a product', () => {
  const quantityOf = (answer: Answer) =>
    answer.messages.find((m) => m.structured?.type === 'product')?.structured.payload.quantity;

  it('puts the count asked for on the order card and says the total; "make it 3" changes it', async () => {
    const sut = talk(open);
    const cards = productCards(await sut('show me orchids'));
    const first = cards[0]!;
    const each = first.amount.amount;
    const total = (n: number) => `$${((each * n) / 100).toFixed(2)}`;
    const two = await sut('order 2 of the first one');
    expect(two.texts[0]).toBe(
      `Great choice: 2 \u00d7 ${first.name} (${first.price} each, ${total(2)} in all). Tap Order to check out and choose the delivery; the quantity is filled in.`,
    );
    expect(quantityOf(two)).toBe(2);
    const three = await sut('make it 3');
    expect(three.texts[0]).toContain(`3 \u00d7 ${first.name} (${first.price} each, ${total(3)} in all)`);
    expect(quantityOf(three)).toBe(3);
    // A later pick without a count is one again.
    const plain = await sut('order the second one');
    expect(plain.texts[0]).toBe(greatChoice(cards[1]!.name));
    expect(quantityOf(plain)).toBeUndefined();
  });

  it('keeps the count for the product it was said for: "ok, order it", "yes", and a pick after "3 of them"', async () => {
    const sut = talk(open);
    const cards = productCards(await sut('show me orchids'));
    await sut('order 2 of the second one');
    for (const next of ['ok order it', 'yes']) {
      const again = await sut(next);
      expect(again.texts[0]).toContain(`2 \u00d7 ${cards[1]!.name}`);
      expect(quantityOf(again)).toBe(2);
    }
    const other = talk(open);
    const shown = productCards(await other('show me plants'));
    const which = await other('I want 3 of them');
    expect(which.texts[0]).toBe('Which one would you like 3 of?');
    expect(which.messages[0].structured.payload.options.map((o: { text: string }) => o.text)).toEqual(
      shown.map((c) => `order 3 of the ${c.name}`),
    );
    expect(productCards(which)).toEqual([]);
    const picked = await other('the second one');
    expect(picked.texts[0]).toContain(`3 \u00d7 ${shown[1]!.name}`);
    expect(quantityOf(picked)).toBe(3);
  });

  it('asks which product "make it 3" is for when none was picked yet', async () => {
    const sut = talk(open);
    const shown = productCards(await sut('show me plants'));
    const which = await sut('make it 3');
    expect(which.texts[0]).toBe('Which one would you like 3 of?');
    expect(which.messages[0].structured.payload.options.map((o: { label: string }) => o.label)).toEqual(
      shown.map((c) => c.name),
    );
  });

  it('says the most one order takes instead of a count above it', async () => {
    const sut = talk(open);
    const cards = productCards(await sut('show me plants'));
    const answer = await sut('I want 150 of the first one');
    expect(answer.texts[0]).toBe(
      `I can order up to 100 of one product at a time. Tap Order on ${cards[0]!.name} and choose how many at checkout.`,
    );
    expect(quantityOf(answer)).toBeUndefined();
  });

  it('reads counts, not numbers that are part of what is bought', () => {
    expect(quantityAsked('order 2 of the first one', 'Mini Purple Orchid')).toBe(2);
    expect(quantityAsked("I'll take three of them", 'Mini Purple Orchid')).toBe(3);
    expect(quantityAsked('a couple of those please', 'Mini Purple Orchid')).toBe(2);
    expect(quantityAsked('3x the second one', 'Mini Purple Orchid')).toBe(3);
    expect(quantityAsked('order 2 mini purple orchids', 'Mini Purple Orchid')).toBe(2);
    expect(quantityAsked('I want 2 dozen red roses', 'Two Dozen Red Roses')).toBeUndefined();
    expect(quantityAsked('order 12 roses', 'A Dozen Roses')).toBeUndefined();
    expect(quantityAsked('order the second one', 'Mini Purple Orchid')).toBeUndefined();
    expect(quantityAsked('get 2 sunflowers', 'Two Dozen Red Roses')).toBeUndefined();
  });
});

describe('a product named by a word of its name', () => {
  it('"the monstera one" with roses on the cards is the Monstera, never the first card', async () => {
    const sut = talk(open);
    const cards = productCards(await sut('roses for my mom'));
    expect(cards.some((c) => /monstera/i.test(c.name))).toBe(false);
    const answer = await sut('the monstera one');
    expect(answer.texts[0]).toMatch(/^Great choice: Monstera/);
    expect(productCards(answer)[0]!.name).not.toBe(cards[0]!.name);
  });
});

describe("changing one's mind about a gift", () => {
  it('"no wait, not that one" after a product was put forward offers the others instead', async () => {
    const sut = talk(open);
    const cards = productCards(await sut('show me orchids'));
    expect((await sut("i'll take the first one")).texts[0]).toBe(greatChoice(cards[0]!.name));
    const answer = await sut('no wait, not that one');
    expect(answer.texts[0]).toBe(`OK, not ${cards[0]!.name}. Which one would you like instead?`);
    expect(answer.messages[0].structured.payload.options.map((o: { label: string }) => o.label)).toEqual(
      cards.slice(1).map((c) => c.name),
    );
    expect(productCards(answer)).toEqual([]);
    // "The second one" still means the second card.
    expect((await sut('the second one')).texts[0]).toBe(greatChoice(cards[1]!.name));
  });

  it('answers how to pay while choosing a gift', async () => {
    const sut = talk(open);
    await sut('show me orchids');
    expect((await sut('how do i pay?')).texts[0]).toMatch(
      /^You pay for a gift at checkout: tap Order on its card/,
    );
  });
});

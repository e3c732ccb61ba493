// The gift flow's choices: the kind the user named stays firm, a colour or budget the catalog cannot meet is
// relaxed out loud.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindFamilies } from '../recommend/product.recommender.js';
import { type Answer, type OpenChat, openChat, talk } from '../testing/chat.fixture.js';

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
});

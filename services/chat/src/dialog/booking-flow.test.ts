// Booking a table through the dialog: confirmed in the conversation and recorded in the catalog for the user.
import type { Caller } from '@concierge/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingInfo, DiningSearch, RestaurantInfo } from '../recommend/recommend.types.js';
import { alice, bob, bookingsOf, type OpenChat, openChat, talk } from '../testing/chat.fixture.js';
import { confirmed } from './booking.js';
import type { Turn } from './turn.types.js';

let open: OpenChat;
beforeAll(async () => {
  open = await openChat();
});
afterAll(() => open.close());

const last = (texts: string[]) => texts.at(-1) ?? '';

describe('booking a table', () => {
  it('asks to confirm the booking, books the best match on yes and says where to find it', async () => {
    const carol: Caller = { userId: 'usr_carol', roles: ['customer'], via: 'jwt' };
    const sut = talk(open, carol);
    await sut('book a table for 4 at an italian place in chelsea tomorrow at 8pm');
    // The place that "yes" books is named before it is booked.
    const asked = last((await sut('carol@example.com')).texts);
    const pick =
      /^Shall I book a table at (.+) \(Italian in Chelsea for 4 tomorrow at 8pm; rated \d\.\d★\), under carol@example\.com\?$/.exec(
        asked,
      );
    expect(pick, asked).not.toBeNull();
    const answer = await sut('yes');
    const said = answer.texts[0]!;
    expect(said).toMatch(
      /^Booked! A table for 4 at .+, tomorrow at 8pm, under carol@example\.com\. Your booking number is bkg_/,
    );
    const booked = await bookingsOf(open, carol);
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({
      date: '2026-03-11',
      time: '20:00',
      partySize: 4,
      email: 'carol@example.com',
      status: 'confirmed',
    });
    expect(said).toContain(booked[0]!.id);
    expect(booked[0]!.restaurantName).toBe(pick![1]);
    expect(await bookingsOf(open, bob)).toEqual([]);
  });

  it('books the suggestion the user picks after a plain search, by position or by name', async () => {
    const dave: Caller = { userId: 'usr_dave', roles: ['customer'], via: 'jwt' };
    const sut = talk(open, dave);
    await sut('korean in midtown for 2 tomorrow at 7pm, email me at dave@example.com');
    const shown = await sut('yes');
    const names = shown.messages
      .filter((m) => m.structured?.type === 'restaurant')
      .map((m) => m.structured.payload.name as string);
    expect(names).toHaveLength(3);
    const buttons = shown.messages.at(-1).structured.payload.options.map((o: { text: string }) => o.text);
    expect(buttons).toEqual(names.map((n) => `book a table at ${n}`));
    const second = await sut('book the second one');
    expect(second.texts[0]).toMatch(
      new RegExp(`^Booked! A table for 2 at ${literal(names[1]!)}, tomorrow at 7pm`),
    );
    expect((await bookingsOf(open, dave)).map((b) => b.restaurantName)).toEqual([names[1]]);

    await sut('korean in midtown for 2 tomorrow at 7pm, email me at dave@example.com');
    // The same search again may suggest other places: the third card of this answer is the one named.
    const again = await sut('yes');
    const third = again.messages.filter((m) => m.structured?.type === 'restaurant')[2].structured.payload
      .name as string;
    const byName = await sut(`book a table at ${third}`);
    expect(byName.texts[0]).toMatch(new RegExp(`^Booked! A table for 2 at ${literal(third)},`));
    expect((await bookingsOf(open, dave)).map((b) => b.restaurantName).sort()).toEqual(
      [third, names[1]!].sort(),
    );
  });

  it('asks which restaurant when a booking request names none of the suggestions', async () => {
    const sut = talk(open, alice);
    await sut('thai in soho for 2 tomorrow at 7pm, email me at al@example.com');
    await sut('yes');
    const answer = await sut('book it please');
    expect(answer.texts[0]).toMatch(/book one of them/);
    expect(await bookingsOf(open, alice)).toEqual([]);
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('right after a booking', () => {
  it('answers "what\'s the address?", and says where "cancel it" and "we\'ll be 4" are done', async () => {
    const dee: Caller = { userId: 'usr_dee', roles: ['customer'], via: 'jwt' };
    const sut = talk(open, dee);
    await sut('italian in soho tomorrow 7pm for 2, dee@example.com');
    await sut('yes');
    const booked = (await sut('book the first one')).texts[0]!;
    const name = /^Booked! A table for 2 at (.+), tomorrow at 7pm/.exec(booked)![1]!;
    const [booking] = await bookingsOf(open, dee);
    const where = (await sut("what's the address?")).texts[0]!;
    expect(where).toMatch(
      new RegExp(
        `^${name} is at \\d+ .+, New York, NY \\d{5}\\. That's your table for 2 at ${name}, tomorrow at 7pm \\(booking ${booking!.id}\\)\\.$`,
      ),
    );
    expect((await sut('can you cancel it?')).texts[0]).toBe(
      `I can't cancel bookings from the chat: your table for 2 at ${name}, tomorrow at 7pm (booking ${booking!.id}) is cancelled on the Bookings page, with the Cancel button beside it.`,
    );
    expect((await sut("actually we'll be 4")).texts[0]).toMatch(
      /^I can't change a booking from the chat\. To change your table for 2 at /,
    );
    // Nothing was cancelled or changed behind the user's back.
    expect(await bookingsOf(open, dee)).toMatchObject([
      { id: booking!.id, partySize: 2, status: 'confirmed' },
    ]);
    // A new search is a new search again.
    expect(last((await sut('now find me thai in chelsea')).texts)).toBe('Which day?');
  });
});

describe('the booking reply', () => {
  const t = { today: { date: '2026-03-10', time: '15:00' }, state: {} } as unknown as Turn;
  const booking: BookingInfo = {
    id: 'bkg_1',
    restaurantId: 'rst_1',
    restaurantName: 'Thai Chili',
    date: '2026-03-11',
    time: '20:00',
    partySize: 4,
    email: 'bo@example.com',
    phone: null,
    status: 'confirmed',
  };
  const search: DiningSearch = {
    cuisine: 'thai',
    area: 'chelsea',
    date: '2026-03-11',
    time: '20:00',
    partySize: 4,
    timeZone: 'America/New_York',
    email: 'BO@example.com',
  };
  const text = (asked: DiningSearch) => (confirmed(t, booking, asked)[0] as { text: string }).text;

  it('says "Booked!" for the booking asked for', () => {
    expect(text(search)).toMatch(/^Booked! A table for 4 at Thai Chili, tomorrow at 8pm/);
  });

  it('says the table was already booked when the catalog answers with an earlier booking', () => {
    expect(text({ ...search, partySize: 2 })).toMatch(
      /^You already have a table at Thai Chili tomorrow at 8pm, for 4 under bo@example.com \(booking bkg_1\)/,
    );
    expect(text({ ...search, email: 'new@example.com' })).toMatch(/^You already have a table/);
  });
});

describe('booking from the suggestions by reference', () => {
  it('books the suggestion just described for "great, book that one"', async () => {
    const sut = talk(open, { userId: 'usr_fay', roles: ['customer'], via: 'jwt' });
    await sut('italian in soho tomorrow 7pm for 2, fay@example.com');
    const cards = (await sut('yes')).messages
      .filter((m) => m.structured?.type === 'restaurant')
      .map((m) => m.structured.payload as { name: string });
    expect((await sut("what's the address of the second one?")).texts[0]).toMatch(
      new RegExp(`^${cards[1]!.name} is rated`),
    );
    expect((await sut('great, book that one')).texts[0]).toMatch(
      new RegExp(`^Booked! A table for 2 at ${cards[1]!.name}, tomorrow at 7pm`),
    );
  });

  it('books a place not among the suggestions for the search they answered', async () => {
    const res = await open.catalog.operations.listRestaurants!({
      operationId: 'listRestaurants',
      params: {},
      query: { cuisine: 'thai', limit: 100 },
      headers: {},
      body: undefined,
      caller: null,
      requestId: 'test',
    });
    // Tomorrow on the fixture's clock is a Wednesday (day 3).
    const thai = (res.body as { items: RestaurantInfo[] }).items.find(
      (r) =>
        r.maxPartySize >= 2 &&
        (r.openingHours ?? []).some((h) => h.day === 3 && h.open <= '19:00' && h.close > '19:00'),
    )!;
    const gus: Caller = { userId: 'usr_gus', roles: ['customer'], via: 'jwt' };
    const sut = talk(open, gus);
    await sut('italian in soho tomorrow 7pm for 2, gus@example.com');
    await sut('yes');
    expect(last((await sut(`can you book ${thai.name} instead`)).texts)).toBe(
      `Shall I book a table at ${thai.name} for 2 tomorrow at 7pm, under gus@example.com?`,
    );
    expect((await sut('yes')).texts[0]).toMatch(
      new RegExp(`^Booked! A table for 2 at ${thai.name}, tomorrow at 7pm`),
    );
    expect(await bookingsOf(open, gus)).toMatchObject([
      { restaurantId: thai.id, time: '19:00', partySize: 2 },
    ]);
  });
});

describe('a suggestion closed at the hour asked', () => {
  it('keeps it on offer with its hours, and "book it at" a time it is open books it', async () => {
    const kim: Caller = { userId: 'usr_kim', roles: ['customer'], via: 'jwt' };
    const sut = talk(open, kim);
    await sut('italian in soho tomorrow 7pm for 2, kim@example.com');
    const cards = (await sut('yes')).messages
      .filter((m) => m.structured?.type === 'restaurant')
      .map((m) => m.structured.payload as { name: string; restaurantId: string });
    const res = await open.catalog.operations.listRestaurants!({
      operationId: 'listRestaurants',
      params: {},
      query: { cuisine: 'italian', area: 'soho', limit: 100 },
      headers: {},
      body: undefined,
      caller: null,
      requestId: 'test',
    });
    const all = (res.body as { items: RestaurantInfo[] }).items;
    // Tomorrow is a Wednesday (day 3): a card closed at some whole hour from 7am to 10pm that day.
    const hourOf = (h: number) => `${String(h).padStart(2, '0')}:00`;
    const open3 = (r: RestaurantInfo, time: string) =>
      (r.openingHours ?? []).some((x) => x.day === 3 && x.open <= time && x.close > time);
    const card = cards.find((c) => {
      const r = all.find((x) => x.id === c.restaurantId)!;
      return [...Array(16).keys()].some((i) => !open3(r, hourOf(i + 7)));
    })!;
    const r = all.find((x) => x.id === card.restaurantId)!;
    const closed = [...Array(16).keys()].map((i) => i + 7).find((h) => !open3(r, hourOf(h)))!;
    const position = ['first', 'second', 'third'][cards.indexOf(card)];
    const word = (h: number) => `${h % 12 || 12}${h < 12 ? 'am' : 'pm'}`;
    const refused = await sut(`book the ${position} one at ${word(closed)}`);
    expect(refused.texts[0]).toMatch(
      new RegExp(`^Sorry, I couldn't book ${card.name} then: it's open .+ tomorrow\\.`),
    );
    expect(last(refused.texts)).toBe('Want me to book one of them?');
    expect((await sut('ok then book it at 7pm')).texts[0]).toMatch(
      new RegExp(`^Booked! A table for 2 at ${card.name}, tomorrow at 7pm`),
    );
    expect(await bookingsOf(open, kim)).toMatchObject([{ restaurantId: card.restaurantId, time: '19:00' }]);
  });
});

describe('qa11 P2s around a booking', () => {
  it('answers the address at a named confirmation, "what time is it for again?" after, and a repeat booking as such', async () => {
    const lou: Caller = { userId: 'usr_lou', roles: ['customer'], via: 'jwt' };
    const sut = talk(open, lou);
    const asked = last(
      (await sut('book a table for 2 at an italian place in soho tomorrow at 7pm, lou@example.com')).texts,
    );
    const name = /^Shall I book a table at (.+) \(/.exec(asked)![1]!;
    const where = await sut("what's the address?");
    expect(where.texts[0]).toMatch(new RegExp(`^${name} is at \\d+ .+, New York, NY \\d{5}\\.$`));
    expect(last(where.texts)).toBe(asked);
    await sut('yes');
    const [booking] = await bookingsOf(open, lou);
    expect((await sut('what time is it for again?')).texts[0]).toBe(
      `It's your table for 2 at ${name}, tomorrow at 7pm (booking ${booking!.id}).`,
    );
    expect((await sut('ok thanks')).texts[0]).toBe("You're welcome! Anything else?");
    expect((await sut('thank you bye')).texts[0]).toBe('Goodbye, and enjoy!');
    const again = talk(open, lou);
    await again(`book ${name} for 2 tomorrow at 7pm, lou@example.com`);
    await again('yes');
    await again(`book ${name} for 2 tomorrow at 7pm, lou@example.com`);
    expect((await again('yes')).texts[0]).toMatch(
      new RegExp(`^You already have a table at ${name} tomorrow at 7pm`),
    );
    expect(await bookingsOf(open, lou)).toHaveLength(1);
  });
});

describe('another table at the same place', () => {
  it('books "another one at the same place next friday" there, for the same party, time and contact', async () => {
    const mo: Caller = { userId: 'usr_mo', roles: ['customer'], via: 'jwt' };
    const sut = talk(open, mo);
    await sut('italian in soho tomorrow 7pm for 2, mo@example.com');
    await sut('yes');
    const booked = (await sut('book the first one')).texts[0]!;
    const name = /^Booked! A table for 2 at (.+), tomorrow at 7pm/.exec(booked)![1]!;
    const again = last((await sut('book another one at the same place next friday')).texts);
    expect(again).toMatch(
      new RegExp(`^Shall I book a table at ${name} for 2 Fri, Mar \\d+ at 7pm, under mo@example\\.com\\?$`),
    );
  });

  it('reads "at <name>" answering the food question as that place, not as a cuisine "at"', async () => {
    const sut = talk(open, { userId: 'usr_ned', roles: ['customer'], via: 'jwt' });
    await sut('find me a table');
    const res = await open.catalog.operations.listRestaurants!({
      operationId: 'listRestaurants',
      params: {},
      query: { cuisine: 'japanese', limit: 5 },
      headers: {},
      body: undefined,
      caller: null,
      requestId: 'test',
    });
    const r = (res.body as { items: RestaurantInfo[] }).items[0]!;
    const answer = await sut(`at ${r.name}`);
    expect(answer.texts.join(' ')).not.toMatch(/don't have/);
    expect(answer.texts[0]).toMatch(new RegExp(`^${r.name}: Japanese in `));
  });
});

describe('"it" after talking about one suggestion', () => {
  it('answers "is it expensive?" about that one and books it for "ok book it"', async () => {
    const sut = talk(open, { userId: 'usr_oz', roles: ['customer'], via: 'jwt' });
    await sut('thai in harlem tomorrow 7pm for 2, oz@example.com');
    const cards = (await sut('yes')).messages
      .filter((m) => m.structured?.type === 'restaurant')
      .map((m) => m.structured.payload as { name: string; priceLevel: number });
    expect((await sut('tell me more about the second one')).texts[0]).toMatch(
      new RegExp(`^${cards[1]!.name} `),
    );
    expect((await sut('is it expensive?')).texts[0]).toBe(
      `${cards[1]!.name} is ${'$'.repeat(cards[1]!.priceLevel)} (price level ${cards[1]!.priceLevel} of 4).`,
    );
    expect((await sut('ok book it')).texts[0]).toMatch(
      new RegExp(`^Booked! A table for 2 at ${cards[1]!.name}`),
    );
  });
});

describe('leaving restaurant suggestions for gifts', () => {
  it('"ok, now back to the flowers" shows flowers and books nothing', async () => {
    const caller: Caller = { userId: 'usr_back_to_flowers', roles: ['customer'], via: 'jwt' };
    const sut = talk(open, caller);
    await sut('mexican in soho tomorrow 7pm for 2 to a@example.com');
    expect(last((await sut('yes')).texts)).toBe('Want me to book one of them?');
    const answer = await sut('ok now back to the flowers');
    expect(answer.texts[0]).toMatch(/^Here are some ideas for flowers/);
    expect(answer.messages.filter((m) => m.structured?.type === 'product').length).toBeGreaterThan(0);
    expect(await bookingsOf(open, caller)).toEqual([]);
  });
});

// Booking a table through the dialog: confirmed in the conversation and recorded in the catalog for the user.
import type { Caller } from '@concierge/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingInfo, DiningSearch } from '../recommend/recommend.types.js';
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
    expect(last((await sut('carol@example.com')).texts)).toBe(
      'Shall I book a table for Italian in Chelsea for 4 tomorrow at 8pm, under carol@example.com?',
    );
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
    expect(said).toContain(booked[0]!.restaurantName);
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
    await sut('yes');
    const byName = await sut(buttons[2]);
    expect(byName.texts[0]).toMatch(new RegExp(`at ${literal(names[2]!)},`));
    expect((await bookingsOf(open, dave)).map((b) => b.restaurantName)).toEqual([names[2], names[1]]);
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

describe('the booking reply', () => {
  const t = { today: { date: '2026-03-10', time: '15:00' } } as unknown as Turn;
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

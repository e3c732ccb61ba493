// A restaurant named by name, not among suggestions on screen: booked at it, or described with an offer to book.
import type { Caller } from '@concierge/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestaurantInfo } from '../recommend/recommend.types.js';
import { bookingsOf, type OpenChat, openChat, talk } from '../testing/chat.fixture.js';
import { Lexicon } from './lexicon.js';
import { describeHours, hoursOn, toNamed } from './named-restaurant.js';

let open: OpenChat;
let restaurants: RestaurantInfo[];
beforeAll(async () => {
  open = await openChat();
  restaurants = [];
  let cursor: string | null = null;
  do {
    const res = await open.catalog.operations.listRestaurants!({
      operationId: 'listRestaurants',
      params: {},
      query: { limit: 100, ...(cursor ? { cursor } : {}) },
      headers: {},
      body: undefined,
      caller: null,
      requestId: 'test',
    });
    const page = res.body as { items: RestaurantInfo[]; nextCursor: string | null };
    restaurants.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
});
afterAll(() => open.close());

let users = 0;
function someone(): Caller {
  users += 1;
  return { userId: `usr_named_${users}`, roles: ['customer'], via: 'jwt' };
}

// The fixture's clock: Tuesday 10 March 2026, 3pm in New York. Tomorrow is a Wednesday (day 3).
const opensAt = (r: RestaurantInfo, day: number, time: string) =>
  (r.openingHours ?? []).some((h) => h.day === day && h.open <= time && h.close > time);
/** A restaurant of two words or more, open at `time` on `day`, that takes `party`. */
function restaurantFor(day: number, time: string, party = 2, not: string[] = []): RestaurantInfo {
  const r = restaurants.find(
    (x) =>
      x.name.includes(' ') &&
      opensAt(x, day, time) &&
      x.maxPartySize >= party &&
      !not.includes(x.id) &&
      // The lexicon takes the longest name found: none of the others may sit inside this one's.
      !restaurants.some((o) => o !== x && ` ${x.name} `.includes(` ${o.name} `)),
  );
  if (!r) throw new Error('the seeded catalog has no such restaurant');
  return r;
}
const last = (texts: string[]) => texts.at(-1) ?? '';

describe('a restaurant named by name', () => {
  it('books a table there: its cuisine and area are taken, the rest is asked, the booking is at it', async () => {
    const r = restaurantFor(3, '20:00');
    const caller = someone();
    const sut = talk(open, caller);
    const first = await sut(`book a table at ${r.name} for 2 tomorrow at 8pm`);
    expect(first.texts[0]).toContain(r.name);
    expect(last(first.texts)).toBe('Which e-mail address or phone number should I put the booking under?');
    const confirm = await sut('me@example.com');
    expect(last(confirm.texts)).toBe(
      `Shall I book a table at ${r.name} for 2 tomorrow at 8pm, under me@example.com?`,
    );
    const done = await sut('yes');
    expect(done.texts[0]).toMatch(new RegExp(`^Booked! A table for 2 at ${r.name}, tomorrow at 8pm`));
    expect(await bookingsOf(open, caller)).toMatchObject([
      { restaurantId: r.id, date: '2026-03-11', time: '20:00', partySize: 2 },
    ]);
  });

  it('knows the name typed in lower case and without its accents', async () => {
    const r = restaurantFor(3, '19:00');
    const plain = r.name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '');
    const sut = talk(open, someone());
    const answer = await sut(`can you reserve ${plain} tomorrow 7pm party of 3, me@example.com`);
    expect(last(answer.texts)).toBe(
      `Shall I book a table at ${r.name} for 3 tomorrow at 7pm, under me@example.com?`,
    );
  });

  it('turns a search in progress into a booking at the named place, keeping what was already said', async () => {
    const r = restaurantFor(3, '20:00');
    const sut = talk(open, someone());
    await sut('italian in soho tomorrow 8pm for 2');
    const switched = await sut(`actually can I book ${r.name} instead`);
    expect(last(switched.texts)).toBe('Which e-mail address or phone number should I put the booking under?');
    expect(last((await sut('me@example.com')).texts)).toBe(
      `Shall I book a table at ${r.name} for 2 tomorrow at 8pm, under me@example.com?`,
    );
  });

  it('describes it when asked about it, and "yes" then books it', async () => {
    const r = restaurantFor(3, '20:00');
    const caller = someone();
    const sut = talk(open, caller);
    const about = await sut(`is ${r.name} any good?`);
    expect(about.texts[0]).toContain(`${r.name} is `);
    expect(about.texts[0]).toContain(`at ${r.address.street}, rated ${r.rating.toFixed(1)}★`);
    expect(about.messages.find((m) => m.structured?.type === 'restaurant')?.structured.payload).toMatchObject(
      {
        restaurantId: r.id,
      },
    );
    expect(last(about.texts)).toBe('Shall I book you a table there?');
    expect(last((await sut('yes')).texts)).toBe('Which day?');
    await sut('tomorrow at 8pm for 4 under me@example.com');
    await sut('yes');
    expect(await bookingsOf(open, caller)).toMatchObject([
      { restaurantId: r.id, time: '20:00', partySize: 4 },
    ]);
  });

  it('says at once when it is closed that day, keeps the time and asks for another day', async () => {
    // Closed on Mondays, open on Wednesdays at 8pm.
    const r = restaurants.find(
      (x) =>
        x.name.includes(' ') && !(x.openingHours ?? []).some((h) => h.day === 1) && opensAt(x, 3, '20:00'),
    );
    if (!r) throw new Error('the seeded catalog has no restaurant closed on Mondays');
    const caller = someone();
    const sut = talk(open, caller);
    // Said before the confirmation, not after a yes.
    const refused = await sut(`book ${r.name} on monday at 8pm for 2, me@example.com`);
    expect(refused.texts).toContain(`${r.name} is closed on Mondays (${describeHours(toNamed(r))}).`);
    expect(last(refused.texts)).toBe('Which day?');
    expect(last((await sut('wednesday')).texts)).toBe(
      `Shall I book a table at ${r.name} for 2 tomorrow at 8pm, under me@example.com?`,
    );
    await sut('yes');
    expect(await bookingsOf(open, caller)).toMatchObject([
      { restaurantId: r.id, date: '2026-03-11', time: '20:00' },
    ]);
  });

  it('says at once when it is not open at the hour asked, with its hours that day, and asks the time again', async () => {
    const r = restaurants.find(
      (x) => x.name.includes(' ') && opensAt(x, 3, '20:00') && !opensAt(x, 3, '22:30') && x.maxPartySize >= 2,
    );
    if (!r) throw new Error('the seeded catalog has no restaurant closed at 10:30pm on Wednesdays');
    const sut = talk(open, someone());
    const asked = await sut(`book ${r.name} tomorrow at 10:30pm for 2, me@example.com`);
    expect(asked.texts).toContain(
      `${r.name} isn't open at 10:30pm on Wednesdays: it's open ${hoursOn(toNamed(r), 3)}.`,
    );
    expect(last(asked.texts)).toBe('What time?');
    expect(last((await sut('8pm')).texts)).toBe(
      `Shall I book a table at ${r.name} for 2 tomorrow at 8pm, under me@example.com?`,
    );
  });

  it('says at once when the party is too large for it, and looks for another place of its kind instead', async () => {
    const r = restaurants.find((x) => x.name.includes(' ') && x.maxPartySize < 12 && opensAt(x, 3, '20:00'));
    if (!r) throw new Error('the seeded catalog has no small restaurant');
    const caller = someone();
    const sut = talk(open, caller);
    const asked = await sut(`book ${r.name} for 12 people tomorrow at 8pm, me@example.com`);
    const escaped = r.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(asked.texts.join('\n')).toMatch(
      new RegExp(
        `^${escaped} seats parties of up to ${r.maxPartySize}, so I'll look for another .+ place in .+ for 12\\.$`,
        'm',
      ),
    );
    // Nothing is booked before a yes, and what the yes would book is not the place that is too small.
    const question = last(asked.texts);
    expect(question).toMatch(/^Shall I book a table (at|for) .+ for 12 tomorrow at 8pm/);
    expect(question).not.toContain(r.name);
    expect(await bookingsOf(open, caller)).toEqual([]);
    await sut('yes');
    for (const booking of await bookingsOf(open, caller)) expect(booking.restaurantId).not.toBe(r.id);
  });

  it('goes back to a search when another cuisine is asked for', async () => {
    const r = restaurants.find(
      (x) => x.name.includes(' ') && x.cuisine !== 'chinese' && opensAt(x, 3, '20:00'),
    )!;
    const sut = talk(open, someone());
    await sut(`book ${r.name} tomorrow at 8 for 2, me@example.com`);
    const changed = await sut('actually make it chinese');
    expect(last(changed.texts)).toMatch(
      /^Shall I book a table at .+ \(Chinese in .+ for 2 tomorrow at 8pm; rated \d\.\d★\), under me@example\.com\?$/,
    );
  });
});

describe('restaurant names and hours', () => {
  const base = restaurants?.[0];
  const make = (name: string): RestaurantInfo => ({
    ...(base ?? {
      id: 'rst_1',
      cuisine: 'italian',
      area: 'soho',
      address: { street: '1 Main St', city: 'New York', state: 'NY', postalCode: '10012' },
      rating: 4,
      priceLevel: 2,
      maxPartySize: 8,
      imageUrl: '/x.svg',
    }),
    id: `rst_${name}`,
    name,
  });

  it('finds the longest whole name, and never a one-word name', () => {
    const lexicon = new Lexicon({ cuisines: ['italian'], areas: ['soho'], tags: [] }, [
      make('Luna'),
      make('Pizzeria Luna'),
      make('Pizzeria Luna Nuova'),
    ]);
    expect(lexicon.findRestaurant('book pizzeria luna nuova please')?.name).toBe('Pizzeria Luna Nuova');
    expect(lexicon.findRestaurant('Pizzeria Luna at 8')?.name).toBe('Pizzeria Luna');
    expect(lexicon.findRestaurant('a table under the luna')).toBeUndefined();
    expect(lexicon.findRestaurant('pizzeria lunar')).toBeUndefined();
  });

  it('describes opening hours the way people say them', () => {
    const hours = (days: number[], open = '17:00', close = '23:00') =>
      days.map((day) => ({ day, open, close }));
    const named = (openingHours: { day: number; open: string; close: string }[]) =>
      toNamed({ ...make('Somewhere Nice'), openingHours });
    expect(describeHours(named(hours([0, 1, 2, 3, 4, 5, 6])))).toBe('open 5pm–11pm every day');
    expect(describeHours(named(hours([0, 2, 3, 4, 5, 6])))).toBe('open 5pm–11pm every day but Monday');
    expect(describeHours(named([...hours([6, 0], '11:00', '15:00')]))).toBe(
      'open 11am–3pm on Sundays and Saturdays',
    );
    expect(describeHours(named([]))).toBeUndefined();
  });
});

describe('suggestions that differ from the search', () => {
  it('are shown after every place open at the hour asked, named as not open then, also in the e-mail', async () => {
    // An area where only one or two Italian places are open at noon tomorrow (a Wednesday).
    const italian = (area: string) => restaurants.filter((r) => r.cuisine === 'italian' && r.area === area);
    const area = ['chelsea', 'soho', 'harlem', 'tribeca', 'midtown', 'williamsburg', 'astoria'].find((a) => {
      const openThen = italian(a).filter((r) => r.maxPartySize >= 2 && opensAt(r, 3, '12:00')).length;
      return openThen > 0 && openThen < 3 && italian(a).length >= 3;
    });
    if (!area) throw new Error('the seeded catalog has no area with one or two Italian places open at noon');
    const sut = talk(open, someone());
    await sut(`italian in ${area} tomorrow at noon for 2, send them to me@example.com`);
    const answer = await sut('yes');
    const cards: RestaurantInfo[] = answer.messages
      .filter((m) => m.structured?.type === 'restaurant')
      .map((m) => restaurants.find((r) => r.id === m.structured.payload.restaurantId)!);
    expect(cards).toHaveLength(3);
    const openThen = cards.filter((r) => opensAt(r, 3, '12:00'));
    const closed = cards.filter((r) => !opensAt(r, 3, '12:00'));
    // Every open one is there, first.
    expect(openThen).toHaveLength(
      italian(area).filter((r) => r.maxPartySize >= 2 && opensAt(r, 3, '12:00')).length,
    );
    expect(cards.slice(0, openThen.length)).toEqual(openThen);
    const names = closed.map((r) => r.name);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
    expect(answer.texts[0]).toMatch(
      new RegExp(
        `me@example\\.com\\. ${list!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (is|are) not open at noon that day\\.$`,
      ),
    );
    const rows = await open.store.db
      .selectFrom('chat_pending_delivery')
      .select('envelope')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    const data = JSON.parse(rows[0]!.envelope as string).data as {
      suggestions: { restaurantId: string; note?: string }[];
    };
    expect(data.suggestions.map((x) => [x.restaurantId, x.note])).toEqual(
      cards.map((r) => [r.id, opensAt(r, 3, '12:00') ? undefined : 'not open at noon that day']),
    );
  });
});

describe('a restaurant name not known as a whole', () => {
  it('says a name it does not know, and goes on with the search keeping the rest', async () => {
    expect(restaurants.some((r) => /nobu/i.test(r.name))).toBe(false);
    const sut = talk(open, someone());
    const answer = await sut('book a table at Nobu tomorrow at 8pm for 2');
    expect(answer.texts[0]).toBe('I don\'t know a restaurant called "Nobu", but I can find you a table.');
    expect(last(answer.texts)).toBe('What kind of food would you like?');
    await sut('italian');
    await sut('soho');
    expect(last((await sut('me@example.com')).texts)).toMatch(
      /^Shall I book a table at .+ for 2 tomorrow at 8pm.*, under me@example\.com\?$/,
    );
  });

  it('takes no time, person or kind of place for a name', async () => {
    for (const said of [
      'book a table at seven tomorrow for 2',
      'book a table with my wife tomorrow at 8',
      'can you book my usual for tomorrow',
      'book a table at noon tomorrow for 2',
    ]) {
      const answer = await talk(open, someone())(said);
      expect(answer.texts.join(' '), said).not.toMatch(/I don't know|places with|Did you mean/);
    }
  });

  it('lists the places whose name holds the word said, and books the one chosen with what was said', async () => {
    const words = new Map<string, RestaurantInfo[]>();
    for (const r of restaurants)
      for (const w of r.name.split(' ').filter((x) => /^[A-Z][a-z]{3,}$/.test(x)))
        words.set(w, [...(words.get(w) ?? []), r]);
    // A word that is only a name, not also a food or a kind of place ("Mezze", "Sushi", "Grill").
    const food =
      /mezze|sushi|pizz|taco|ramen|curry|noodle|dumpling|bbq|tapas|grill|kitchen|diner|cafe|bar|house/i;
    const [word, sharing] = [...words].find(([w, rs]) => rs.length >= 2 && rs.length <= 5 && !food.test(w))!;
    const sut = talk(open, someone());
    const asked = await sut(`book ${word} for tomorrow 8pm for 2`);
    expect(asked.texts[0]).toMatch(
      new RegExp(`^I have ${sharing.length} places with "${word}" in the name: .+\\. Which one\\?$`),
    );
    const labels = asked.messages[0].structured.payload.options.map((o: { label: string }) => o.label);
    expect(labels.sort()).toEqual(sharing.map((r) => r.name).sort());
    const chosen = sharing.find((r) => opensAt(r, 3, '20:00') && r.maxPartySize >= 2) ?? sharing[0]!;
    await sut(`book a table at ${chosen.name}`);
    const question = last((await sut('me@example.com')).texts);
    if (opensAt(chosen, 3, '20:00'))
      expect(question).toBe(
        `Shall I book a table at ${chosen.name} for 2 tomorrow at 8pm, under me@example.com?`,
      );
  });

  it('offers the name nearest a misspelt one, and a yes books it with what was said', async () => {
    const r = restaurants.find(
      (x) =>
        /^[A-Z][a-z]+ [A-Z][a-z]{4,}$/.test(x.name) &&
        x.name[x.name.indexOf(' ') + 3] !== x.name[x.name.indexOf(' ') + 4] &&
        opensAt(x, 3, '19:00') &&
        x.maxPartySize >= 2,
    )!;
    // One letter swapped in the second word: "Kimchi Garden" → "Kimchi Gadren".
    const [first, second] = r.name.split(' ') as [string, string];
    const misspelt =
      `${first.toLowerCase()} ${second.slice(0, 2)}${second[3]}${second[2]}${second.slice(4)}`.toLowerCase();
    const sut = talk(open, someone());
    const asked = await sut(`book a table at ${misspelt} tomorrow at 7 for 2`);
    expect(asked.texts[0]).toMatch(new RegExp(`^I don't know "${misspelt}"\\. Did you mean ${r.name} \\(`));
    await sut('yes');
    expect(last((await sut('me@example.com')).texts)).toBe(
      `Shall I book a table at ${r.name} for 2 tomorrow at 7pm, under me@example.com?`,
    );
  });
});

describe('the buttons for a restaurant named', () => {
  const labels = (answer: { messages: { structured?: { payload: { options?: { label: string }[] } } }[] }) =>
    answer.messages.at(-1)?.structured?.payload.options?.map((o) => o.label) ?? [];
  const clock = (label: string) => {
    const m = /^(\d{1,2})(?::(\d\d))?(am|pm)$/.exec(label)!;
    return `${String((Number(m[1]) % 12) + (m[3] === 'pm' ? 12 : 0)).padStart(2, '0')}:${m[2] ?? '00'}`;
  };

  it('offer only times it is open, and three refused times give it up for another place of its kind', async () => {
    const r = restaurants.find(
      (x) => x.name.includes(' ') && opensAt(x, 3, '20:00') && !opensAt(x, 3, '23:00') && x.maxPartySize >= 2,
    )!;
    const sut = talk(open, someone());
    const asked = await sut(`book ${r.name} tomorrow at 11pm for 2, me@example.com`);
    expect(labels(asked).length).toBeGreaterThan(0);
    for (const label of labels(asked)) expect(opensAt(r, 3, clock(label)), label).toBe(true);
    await sut('11pm');
    await sut('11pm');
    const given = await sut('11pm');
    expect(
      given.texts.some((x) => x.startsWith(`${r.name} doesn't seem to fit, so I'll look for another `)),
    ).toBe(true);
    // The time asked for stands, for another place.
    expect(last(given.texts)).toMatch(/^Shall I book a table (at|for) .+ for 2 tomorrow at 11pm/);
    expect(last(given.texts)).not.toContain(`at ${r.name} (`);
  });

  it('offer only days it is open', async () => {
    // Closed on Sundays, open on Saturdays; on a Friday the third day button would be This Sunday.
    const r = restaurants.find(
      (x) =>
        x.name.includes(' ') &&
        !(x.openingHours ?? []).some((h) => h.day === 0 || (h.day === 6 && h.close < h.open)) &&
        opensAt(x, 6, '20:00') &&
        x.maxPartySize >= 2,
    )!;
    const saved = open.clock.now;
    open.clock.now = Date.parse('2026-03-13T19:00:00Z');
    try {
      const asked = await talk(open, someone())(`book ${r.name} on sunday at 8pm for 2`);
      expect(asked.texts).toContain(`${r.name} is closed on Sundays (${describeHours(toNamed(r))}).`);
      expect(labels(asked)).toContain('Tomorrow');
      expect(labels(asked)).not.toContain('This Sunday');
    } finally {
      open.clock.now = saved;
    }
  });

  it('say when it has no table left today, and offer no Today', async () => {
    // 10:45pm on the fixture's Tuesday, a place that has closed by then.
    const r = restaurants.find(
      (x) =>
        x.name.includes(' ') &&
        opensAt(x, 2, '20:00') &&
        !opensAt(x, 2, '22:45') &&
        !opensAt(x, 2, '23:30') &&
        opensAt(x, 3, '20:00'),
    )!;
    const saved = open.clock.now;
    open.clock.now = Date.parse('2026-03-11T02:45:00Z');
    try {
      const asked = await talk(open, someone())(`book a table at ${r.name} tonight for 2`);
      expect(asked.texts.some((x) => x.startsWith(`${r.name} has no table left today`))).toBe(true);
      expect(labels(asked)).not.toContain('Today');
      expect(labels(asked)).toContain('Tomorrow');
    } finally {
      open.clock.now = saved;
    }
  });
});

describe('a table that cannot be booked anywhere', () => {
  it('shows suggestions instead, without mailing them', async () => {
    // A party no place of the cuisine in that area seats, but places elsewhere do: suggested, not booked.
    let found: { cuisine: string; area: string; party: number } | undefined;
    for (const r of restaurants)
      for (let party = 12; party <= 20 && !found; party += 1) {
        const here = restaurants.filter((x) => x.cuisine === r.cuisine && x.area === r.area);
        const elsewhere = restaurants.filter(
          (x) =>
            x.cuisine === r.cuisine && x.area !== r.area && x.maxPartySize >= party && opensAt(x, 3, '20:00'),
        );
        if (here.every((x) => x.maxPartySize < party) && elsewhere.length > 0)
          found = { cuisine: r.cuisine, area: r.area, party };
      }
    if (!found) throw new Error('no cuisine and area without a place for a large party');
    const { cuisine, area, party } = found;
    const deliveries = async () =>
      (await open.store.db.selectFrom('chat_pending_delivery').select('id').execute()).length;
    const caller = someone();
    const sut = talk(open, caller);
    await sut(`book a table for ${party} at a ${cuisine} place in ${area} tomorrow at 8pm, me@example.com`);
    const before = await deliveries();
    const answer = await sut('yes');
    expect(answer.texts[0]).toMatch(
      /^I couldn't book a table for .+ anywhere\. Here are my suggestions for [^.]+\./,
    );
    expect(answer.texts[0]).not.toMatch(/I've sent them/);
    expect(await deliveries()).toBe(before);
    expect(await bookingsOf(open, caller)).toEqual([]);
  });
});

describe('a search nothing is open for at the hour asked', () => {
  it('says so, sends nothing, and offers the hours those places are open', async () => {
    // Open at `time` on Wednesdays, a range past midnight included.
    const openThen = (r: RestaurantInfo, time: string) =>
      (r.openingHours ?? []).some(
        (h) => h.day === 3 && h.open <= time && (h.close > h.open ? h.close > time : true),
      );
    const areas = [...new Set(restaurants.map((r) => r.area))];
    let found: { cuisine: string; area: string } | undefined;
    for (const r of restaurants) {
      const here = restaurants.filter(
        (x) => x.cuisine === r.cuisine && x.area === r.area && x.maxPartySize >= 2,
      );
      if (here.length >= 3 && here.every((x) => !openThen(x, '15:30')) && areas.includes(r.area)) {
        found = { cuisine: r.cuisine, area: r.area };
        break;
      }
    }
    if (!found) throw new Error('every cuisine and area has a place open at 3:30pm on Wednesdays');
    const deliveries = async () =>
      (await open.store.db.selectFrom('chat_pending_delivery').select('id').execute()).length;
    const sut = talk(open, someone());
    await sut(`${found.cuisine} in ${found.area} tomorrow at 3:30pm for 2, me@example.com`);
    const before = await deliveries();
    const answer = await sut('yes');
    expect(answer.texts[0]).toMatch(/^No place for .+ is open at that hour, so I haven't sent anything\. /);
    expect(await deliveries()).toBe(before);
    const cards: RestaurantInfo[] = answer.messages
      .filter((m) => m.structured?.type === 'restaurant')
      .map((m) => restaurants.find((r) => r.id === m.structured.payload.restaurantId)!);
    const offered = answer.messages.at(-1).structured.payload.options as { label: string; text: string }[];
    expect(answer.texts.at(-1)).toBe('Want to try another time?');
    for (const { label, text } of offered) {
      expect(text).toBe(`at ${label}`);
      const m = /^(\d{1,2})(?::(\d\d))?(am|pm)$/.exec(label)!;
      const time = `${String((Number(m[1]) % 12) + (m[3] === 'pm' ? 12 : 0)).padStart(2, '0')}:${m[2] ?? '00'}`;
      expect(cards.some((r) => openThen(r, time))).toBe(true);
    }
  });
});

// The dining flow through the chat service: validation paths, corrections, confirmation and bounded re-prompts.
import type { Caller } from '@concierge/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingsOf, type OpenChat, openChat, talk } from '../testing/chat.fixture.js';
import { weekendChoice } from './dining-questions.js';
import { describeTime } from './local-time.js';

let open: OpenChat;
beforeAll(async () => {
  open = await openChat();
});
afterAll(() => open.close());

const last = (texts: string[]) => texts.at(-1) ?? '';

/** The last reply to `text`, sent as a new conversation's first message. */
const confirmOf = async (text: string) => last((await talk(open)(text)).texts);

/** A new conversation showing suggestions for Italian in SoHo tomorrow at 7pm for 2, with their cards. */
let guests = 0;
/** A caller of their own, so that a booking in one test is not an earlier booking in another. */
const guest = (): Caller => ({ userId: `usr_guest_${++guests}`, roles: ['customer'], via: 'jwt' });

async function suggestedItalian(caller?: Caller) {
  const sut = talk(open, caller);
  await sut('italian in soho tomorrow 7pm for 2, t@example.com');
  const answer = await sut('yes');
  expect(last(answer.texts)).toBe('Want me to book one of them?');
  const cards = answer.messages
    .filter((m) => m.structured?.type === 'restaurant')
    .map((m) => m.structured.payload as { name: string; priceLevel: number; restaurantId: string });
  return { sut, cards };
}

describe('dining flow', () => {
  it('asks for each missing value in turn, then confirms', async () => {
    const sut = talk(open);
    expect(last((await sut('I want to find a restaurant')).texts)).toMatch(/kind of food/);
    expect(last((await sut('italian')).texts)).toMatch(/part of town/);
    expect(last((await sut('the UES')).texts)).toMatch(/Which day/);
    expect(last((await sut('tomorrow')).texts)).toMatch(/What time/);
    expect(last((await sut('8pm')).texts)).toMatch(/How many/);
    expect(last((await sut('4')).texts)).toMatch(/e-mail address or a phone/);
    expect(last((await sut('ana@example.com')).texts)).toBe(
      'Shall I send 3 suggestions for Italian in Upper East Side for 4 tomorrow at 8pm to ana@example.com?',
    );
  });

  it('lists the areas for an unknown one', async () => {
    const sut = talk(open);
    const answer = await sut('find me italian food in Bushwick');
    expect(answer.texts[0]).toMatch(/don't have "Bushwick" yet.*Chelsea/);
    expect(answer.messages[0].structured.payload.options.length).toBe(10);
  });

  it('suggests the nearest cuisine for a misspelt one', async () => {
    const sut = talk(open);
    await sut('find a restaurant in chelsea');
    expect((await sut('mexcian')).texts[0]).toMatch(/Did you mean Mexican\?/);
  });

  it('asks one question for a misspelt cuisine and area together, and a yes takes both', async () => {
    const sut = talk(open);
    const asked = await sut('find me itallian in chelsae tomorrow at 8 for 2');
    expect(asked.texts).toEqual(['I don\'t know "itallian" or "chelsae". Did you mean Italian in Chelsea?']);
    expect(last((await sut('yes')).texts)).toMatch(/e-mail address or a phone/);
    expect(last((await sut('ana@example.com')).texts)).toBe(
      'Shall I send 3 suggestions for Italian in Chelsea for 2 tomorrow at 8pm to ana@example.com?',
    );
  });

  it('takes "I don\'t care" and "whatever" as no preference, not as goodbye or a place', async () => {
    let sut = talk(open);
    await sut('find a restaurant');
    // The food was asked: the answer is about the food.
    expect(last((await sut('whatever')).texts)).toMatch(/^I search by kind of food/);
    sut = talk(open);
    await sut('find a restaurant in soho');
    expect(last((await sut('you pick')).texts)).toMatch(/^I search by kind of food/);
    sut = talk(open);
    await sut('italian please');
    expect(last((await sut("i don't care")).texts)).toMatch(/^Which part of town\? I can search these areas/);
    expect((await talk(open)('thai food anywhere in manhattan')).texts[0]).toMatch(/^Which part of town\?/);
    expect((await talk(open)('dinner in brooklyn')).texts[0]).toMatch(
      /don't have "Brooklyn" yet\. The closest I have is Williamsburg/,
    );
  });

  it('reads parties said without one number for all, and not "which one" as a party of 1', async () => {
    const sut = talk(open);
    await sut('korean in midtown tomorrow 7pm');
    expect(last((await sut('me and my wife')).texts)).toMatch(/e-mail address or a phone/);
    expect((await sut('2 adults and 2 kids')).texts[0]).toBe('OK, 4 people instead of 2 people.');
    const other = talk(open);
    await other('korean in midtown tomorrow 7pm');
    expect(last((await other('which one is the cheapest?')).texts)).toBe('How many people?');
    expect(last((await other('sat 8pm 2ppl')).texts)).toMatch(/e-mail address or a phone/);
    expect(last((await talk(open)('a couple of us, thai in soho tomorrow 8pm')).texts)).toMatch(
      /e-mail address/,
    );
  });

  it('starts afresh on "new search" and fills the contact from "same as before"', async () => {
    const first = talk(open);
    await first('thai in chelsea tomorrow 7pm for 2, t@example.com');
    await first('yes');
    const sut = talk(open);
    expect(last((await sut('new search')).texts)).toBe('What kind of food would you like?');
    await sut('mexican in astoria tomorrow at 8 for 2');
    expect((await sut('same as before')).texts).toEqual([
      'OK, t@example.com.',
      'Shall I send 3 suggestions for Mexican in Astoria for 2 tomorrow at 8pm to t@example.com?',
    ]);
  });

  it('offers the account\'s own address at the contact question, and takes "my email"', async () => {
    const sut = talk(open, {
      userId: 'usr_dana',
      roles: ['customer'],
      via: 'jwt',
      email: 'dana@example.com',
    });
    const asked = await sut('thai in soho tomorrow at 8pm for 2');
    expect(asked.messages.at(-1).structured.payload.options).toEqual([
      { label: 'Use dana@example.com', text: 'dana@example.com' },
    ]);
    expect(last((await sut('my email')).texts)).toBe(
      'Shall I send 3 suggestions for Thai in SoHo for 2 tomorrow at 8pm to dana@example.com?',
    );
  });

  it('asks the question again after "no" to "did you mean", keeping the search', async () => {
    const sut = talk(open);
    await sut('find a restaurant in chelsea');
    expect((await sut('mexcian')).texts[0]).toMatch(/Did you mean Mexican\?/);
    expect((await sut('no')).texts).toEqual(['OK.', 'What kind of food would you like?']);
    expect(last((await sut('thai')).texts)).toBe('Which day?');
  });

  it('refuses a date in the past', async () => {
    const sut = talk(open);
    await sut('thai in soho for 2');
    expect((await sut('on March 2, 2026')).texts[0]).toMatch(/already passed/);
  });

  it('refuses a party outside 1–20', async () => {
    const sut = talk(open);
    expect((await sut('thai in soho for 45 people tomorrow at 7pm')).texts[0]).toMatch(/1 to 20 people/);
  });

  it('refuses a malformed e-mail address and a short phone number', async () => {
    const sut = talk(open);
    await sut('thai in soho for 2 tomorrow at 7pm');
    expect((await sut('ana@example')).texts[0]).toMatch(/e-mail address doesn't look right/);
    expect((await sut('555-12')).texts.join(' ')).toMatch(/phone number doesn't look right|didn't catch/);
    expect(last((await sut('(646) 555-0123')).texts)).toMatch(/to \+16465550123\?$/);
  });

  it('takes corrections in mid-flow and at the confirmation', async () => {
    const sut = talk(open);
    await sut('italian in chelsea for 4 tomorrow at 8pm');
    await sut('a@b.com');
    expect(last((await sut('actually make it 6 of us')).texts)).toMatch(/Italian in Chelsea for 6/);
    expect(last((await sut('no, Thai instead')).texts)).toMatch(/Thai in Chelsea for 6/);
    expect(last((await sut('no')).texts)).toMatch(/What would you like to change/);
    expect(last((await sut('change the time')).texts)).toMatch(/What time/);
    expect(last((await sut('9pm')).texts)).toMatch(/Thai in Chelsea for 6 tomorrow at 9pm/);
  });

  it('suggests restaurants after a yes, with cards', async () => {
    const sut = talk(open);
    await sut('korean in midtown for 2 tomorrow at 7pm, email me at kim@example.com');
    const answer = await sut('yes');
    const cards = answer.messages.filter((m) => m.structured?.type === 'restaurant');
    expect(answer.texts[0]).toMatch(/Here are my suggestions for Korean in Midtown/);
    expect(cards).toHaveLength(3);
    expect(cards[0].structured.payload).toMatchObject({ cuisine: 'Korean', buttonLabel: 'Details' });
  });

  it('reads "tonight around 7:30" as the evening', async () => {
    const sut = talk(open);
    await sut('korean in midtown for 2');
    expect(last((await sut('tonight around 7:30')).texts)).toMatch(/e-mail address or a phone/);
    expect(last((await sut('kim@example.com')).texts)).toMatch(/for 2 today at 7:30pm to kim@example.com\?$/);
  });

  it('does not take the East Village for Greenwich Village, and takes the closest area on a yes', async () => {
    const sut = talk(open);
    await sut('thai food please');
    const answer = await sut('in the East Village');
    expect(answer.texts[0]).toMatch(
      /don't have "East Village" yet\. The closest I have is Greenwich Village/,
    );
    expect(answer.messages[0].structured.payload.options[0].label).toBe('Greenwich Village');
    expect(last((await sut('yes')).texts)).toMatch(/Which day/);
    await sut('tomorrow at 8pm for 3');
    expect(last((await sut('ana@example.com')).texts)).toMatch(/Thai in Greenwich Village for 3/);
  });

  it("names an uncovered neighbourhood even when it holds an area's name, and keeps an area named beside it", async () => {
    const sut = talk(open);
    expect((await sut('mexican in east harlem tomorrow at 7pm')).texts[0]).toMatch(
      /don't have "East Harlem" yet\. The closest I have is Harlem/,
    );
    const other = talk(open);
    expect(last((await other('not brooklyn, italian in chelsea for 2 tomorrow at 8pm')).texts)).toMatch(
      /e-mail address or a phone/,
    );
  });

  it('takes a misspelt area given when asked for the food as the area it nearly names', async () => {
    const sut = talk(open);
    await sut('find me a place for dinner');
    expect((await sut('chelsae')).texts[0]).toMatch(/Did you mean Chelsea\?/);
  });

  it('asks which day after "change the day" instead of reading it as a day', async () => {
    const sut = talk(open);
    await sut('italian in chelsea for 4 tomorrow at 8pm, email me at ana@example.com');
    await sut('no');
    expect(last((await sut('change the day')).texts)).toMatch(/Which day/);
  });

  it('reads the next answer as the party size after refusing one', async () => {
    const sut = talk(open);
    expect((await sut('I want sushi for 25 people tomorrow at 7')).texts[0]).toMatch(/1 to 20 people/);
    expect(last((await sut('ok 12 then')).texts)).toMatch(/part of town/);
    await sut('midtown');
    expect(last((await sut('sue@example.com')).texts)).toMatch(/Japanese in Midtown for 12/);
  });

  it('offers brunch times for a brunch and reads "like 11" as 11 in the morning', async () => {
    const sut = talk(open);
    const asked = await sut(
      'any recommendations for brunch on sunday in the upper east side? american, for 3',
    );
    expect(asked.messages.at(-1).structured.payload.options.map((o: { label: string }) => o.label)).toEqual([
      '11am',
      '11:30am',
      '12pm',
      '1pm',
    ]);
    await sut('brunch time, like 11');
    expect(last((await sut('bo@example.com')).texts)).toMatch(
      /American in Upper East Side for 3 .* at 11am to/,
    );
  });

  it('does not take "places" for a cuisine', async () => {
    const sut = talk(open);
    expect(last((await sut("I'm vegetarian, any good places in soho?")).texts)).toMatch(/kind of food/);
  });

  it('answers questions about delivery plainly', async () => {
    const sut = talk(open);
    expect((await sut('do you deliver to brooklyn')).texts[0]).toMatch(/^Gifts are delivered to the address/);
  });

  it('asks which part of town for "Manhattan", and takes an area named in a longer answer', async () => {
    const sut = talk(open);
    await sut('I need some restaurant suggestions');
    expect((await sut('Manhattan')).texts[0]).toMatch(/^Which part of town\? I can search these areas/);
    expect(last((await sut('oh, midtown then')).texts)).toMatch(/kind of food/);
    await sut('chinese');
    await sut('tomorrow at 7pm for 2');
    expect(last((await sut('al@example.com')).texts)).toMatch(/Chinese in Midtown for 2/);
  });

  it('reads "now" as the next quarter hour', async () => {
    const sut = talk(open);
    await sut('japanese in harlem today');
    expect(last((await sut('now')).texts)).toMatch(/How many/);
    await sut('2');
    // The fixture's clock is 15:00 in New York.
    expect(last((await sut('jo@example.com')).texts)).toMatch(/for 2 today at 3:15pm to/);
  });

  it('reads food emoji as the food: sushi is Japanese', async () => {
    expect(await confirmOf('\u{1F363} in soho tomorrow at 8pm for 2, e@example.com')).toBe(
      'Shall I send 3 suggestions for Japanese in SoHo for 2 tomorrow at 8pm to e@example.com?',
    );
  });

  it('takes a thumbs up at the confirmation as a yes', async () => {
    const sut = talk(open);
    await sut('thai in chelsea tomorrow at 8pm for 2, th@example.com');
    expect((await sut('\u{1F44D}')).texts[0]).toMatch(/^Here are my suggestions for Thai in Chelsea/);
  });

  it('reads "now" in the middle of a request ("korean in williamsburg now for 2") as the next quarter hour', async () => {
    expect(await confirmOf('korean in williamsburg now for 2, jo@example.com')).toBe(
      'Shall I send 3 suggestions for Korean in Williamsburg for 2 today at 3:15pm to jo@example.com?',
    );
  });

  it('understands chat shorthand for days and times', async () => {
    const sut = talk(open);
    await sut('recommend me a good french restaurant in chelsea');
    expect(last((await sut('tmrw 8')).texts)).toMatch(/How many/);
    await sut('4 ppl');
    expect(last((await sut('fr@example.com')).texts)).toMatch(/French in Chelsea for 4 tomorrow at 8pm/);
  });

  it('leaves an e-mail address whole: no shorthand, time or party read inside it', async () => {
    expect(await confirmOf('thai in chelsea tomorrow at 8pm for 2 tmrw@gmail.com')).toBe(
      'Shall I send 3 suggestions for Thai in Chelsea for 2 tomorrow at 8pm to tmrw@gmail.com?',
    );
    expect(await confirmOf('italian soho tomorrow 8pm 4 people tonite.bar@gmail.com')).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 4 tomorrow at 8pm to tonite.bar@gmail.com?',
    );
    expect(await confirmOf('american in harlem tomorrow at 7 for 2 h@h.com')).toBe(
      'Shall I send 3 suggestions for American in Harlem for 2 tomorrow at 7pm to h@h.com?',
    );
    expect(await confirmOf('korean in midtown tomorrow at 8pm for 4 min@gmail.com')).toBe(
      'Shall I send 3 suggestions for Korean in Midtown for 4 tomorrow at 8pm to min@gmail.com?',
    );
    expect(await confirmOf('chinese in tribeca tomorrow at 8pm for 2 ppl@gmail.com')).toBe(
      'Shall I send 3 suggestions for Chinese in Tribeca for 2 tomorrow at 8pm to ppl@gmail.com?',
    );
  });

  it("reads today's weekday with a bare hour as this evening, and next week's when it says next", async () => {
    // The fixture's clock: Tuesday 10 March 2026, 3pm.
    expect(await confirmOf('indian in soho tuesday at 8 for 2, a@example.com')).toBe(
      'Shall I send 3 suggestions for Indian in SoHo for 2 today at 8pm to a@example.com?',
    );
    expect(await confirmOf('italian chelsea tuesday 7:30 for 2, a@example.com')).toBe(
      'Shall I send 3 suggestions for Italian in Chelsea for 2 today at 7:30pm to a@example.com?',
    );
    expect(await confirmOf('indian in soho next tuesday at 8 for 2, a@example.com')).toBe(
      'Shall I send 3 suggestions for Indian in SoHo for 2 Tue, Mar 17 at 8pm to a@example.com?',
    );
  });

  it('takes "the first one" as the first button of the question', async () => {
    const sut = talk(open);
    expect(last((await sut('mexican in harlem for 8 next friday')).texts)).toMatch(/What time/);
    await sut('the first one');
    expect(last((await sut('mo@example.com')).texts)).toMatch(/Mexican in Harlem for 8 .* at 7pm to/);
  });

  it('takes a new value named with the one to change', async () => {
    const sut = talk(open);
    await sut('thai in soho tomorrow at 7 for 2, email me at th@example.com');
    await sut('no');
    const answer = await sut('change the time to 8');
    expect(answer.texts[0]).toBe('OK, 8pm instead of 7pm.');
    expect(last(answer.texts)).toMatch(/Thai in SoHo for 2 tomorrow at 8pm/);
  });

  it('books an offered restaurant at the time the booking request changes', async () => {
    const sut = talk(open);
    await sut('italian in chelsea for 2 tomorrow at 7pm, email me at it@example.com');
    await sut('yes');
    expect((await sut('book the first one at 8 instead')).texts[0]).toMatch(
      /^Booked! A table for 2 at .*, tomorrow at 8pm/,
    );
  });

  it('offers Mediterranean for Greek, and cancels at the confirmation on "nope, cancel"', async () => {
    const sut = talk(open);
    expect((await sut('greek food in astoria')).texts[0]).toMatch(
      /don't have "greek" yet\. The closest I have is Mediterranean/,
    );
    expect(last((await sut('yes')).texts)).toMatch(/Which day/);
    await sut('tomorrow at 8pm for 2, email gr@example.com');
    expect((await sut('nope, cancel')).texts[0]).toMatch(/^OK, cancelled/);
  });

  it('changes the search the suggestions answered and confirms it again', async () => {
    const again = 'Shall I send 3 suggestions for Italian in';
    let { sut } = await suggestedItalian();
    expect((await sut('change the time to 9')).texts).toEqual([
      'OK, 9pm instead of 7pm.',
      `${again} SoHo for 2 tomorrow at 9pm to t@example.com?`,
    ]);
    expect((await sut('yes')).texts[0]).toMatch(
      /^Here are my suggestions for Italian in SoHo for 2 tomorrow at 9pm/,
    );
    ({ sut } = await suggestedItalian());
    expect(last((await sut('make it 4 people')).texts)).toBe(
      `${again} SoHo for 4 tomorrow at 7pm to t@example.com?`,
    );
    ({ sut } = await suggestedItalian());
    expect(last((await sut('what about in chelsea instead')).texts)).toBe(
      `${again} Chelsea for 2 tomorrow at 7pm to t@example.com?`,
    );
    ({ sut } = await suggestedItalian());
    expect(last((await sut('change the area')).texts)).toBe('Which part of town?');
    // Another cuisine without a word of change is a new search.
    ({ sut } = await suggestedItalian());
    expect(last((await sut('thai in harlem')).texts)).toBe('Which day?');
  });

  it('shows other places for "show me others" until none is left, then says so', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow 7pm for 2, t@example.com');
    const names = (answer: { messages: { structured?: { type: string; payload: { name: string } } }[] }) =>
      answer.messages
        .filter((m) => m.structured?.type === 'restaurant')
        .map((m) => m.structured!.payload.name);
    const seen = names(await sut('yes'));
    expect(seen).toHaveLength(3);
    for (let round = 0; round < 40; round += 1) {
      const answer = await sut(round % 2 === 0 ? 'show me others' : 'other options?');
      const shown = names(answer);
      if (shown.length === 0) {
        expect(answer.texts[0]).toBe("That's every place I have for Italian in SoHo for 2 tomorrow at 7pm.");
        // Every place was new when shown; the catalog's Italian places, all of them in the end.
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBeGreaterThan(3);
        return;
      }
      expect(answer.texts[0]).toMatch(/^Here are more places for Italian in SoHo for 2 tomorrow at 7pm\./);
      seen.push(...shown);
    }
    throw new Error('"show me others" never ran out');
  });

  it('answers when a suggestion is open from its hours', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow 7pm for 2, t@example.com');
    const cards = (await sut('yes')).messages.filter((m) => m.structured?.type === 'restaurant');
    const second = cards[1].structured.payload;
    const answer = (await sut('is the second one open on sunday?')).texts[0];
    const res = await open.catalog.operations.getRestaurant!({
      operationId: 'getRestaurant',
      params: { restaurantId: second.restaurantId },
      query: {},
      headers: {},
      body: undefined,
      caller: null,
      requestId: 'test',
    });
    const sundays = (
      res.body as { openingHours: { day: number; open: string; close: string }[] }
    ).openingHours
      .filter((h) => h.day === 0)
      .map((h) => `${describeTime(h.open)}–${describeTime(h.close)}`);
    expect(answer).toBe(
      sundays.length > 0
        ? `${second.name} is open ${sundays.join(' and ')} on Sundays.`
        : `${second.name} is closed on Sundays.`,
    );
  });

  it('switches to gifts at the confirmation, and takes "cancel my reservation at 7" as about a booking', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow 7pm for 2, t@example.com');
    const gifts = await sut('actually i want flowers');
    expect(gifts.messages.some((m) => m.structured?.type === 'product')).toBe(true);
    expect((await talk(open)('i want to cancel my reservation at 7')).texts[0]).toMatch(/Bookings page/);
  });

  it('answers questions about delivery fees and restaurant hours, and asks again after "hello?"', async () => {
    expect((await talk(open)('how much is delivery')).texts[0]).toMatch(/^There is no delivery fee/);
    expect((await talk(open)('what time do restaurants open')).texts[0]).toMatch(
      /^Each restaurant has its own hours/,
    );
    const sut = talk(open);
    await sut('thai in chelsea');
    expect((await sut('hello?')).texts).toEqual([
      "Hi, I'm here! Let's finish finding your table.",
      'Which day?',
    ]);
  });

  it('asks for the number after "text me", and says a short number is not a phone number', async () => {
    const sut = talk(open);
    await sut('mexican in astoria tomorrow at 8 for 2');
    expect((await sut('text me')).texts).toEqual(['Sure. What is the number, with its area code?']);
    expect((await sut('555')).texts[0]).toMatch(/^That phone number doesn't look right/);
    expect(last((await sut('212 555 0199')).texts)).toBe(
      'Shall I send 3 suggestions for Mexican in Astoria for 2 tomorrow at 8pm to +12125550199?',
    );
  });

  it('takes "the time" answering "What would you like to change?", never sending an earlier search', async () => {
    const before = talk(open);
    await before('thai in chelsea tomorrow 7pm for 2, old@example.com');
    await before('yes');
    const sut = talk(open);
    await sut('korean in midtown tomorrow at 7pm for 3, k@example.com');
    expect(last((await sut('no')).texts)).toBe('What would you like to change?');
    expect(last((await sut('the time')).texts)).toBe('What time?');
    expect(last((await sut('8pm')).texts)).toBe(
      'Shall I send 3 suggestions for Korean in Midtown for 3 tomorrow at 8pm to k@example.com?',
    );
  });

  it('does not take a capitalised word after a greeting for a cuisine', async () => {
    const answer = await talk(open)('Hi! Can you find me a table for 2 in soho tomorrow at 8?');
    expect(last(answer.texts)).toBe('What kind of food would you like?');
  });

  it('books from a numbered list by its number, and says how many there were for one beyond', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow 7pm for 2, t@example.com');
    const cards = (await sut('yes')).messages.filter((m) => m.structured?.type === 'restaurant');
    expect((await sut('the fourth one')).texts[0]).toBe('I only suggested 3. Which one would you like?');
    const booked = await sut('2');
    expect(booked.texts[0]).toMatch(
      new RegExp(`^Booked! A table for 2 at ${cards[1].structured.payload.name}`),
    );
  });

  it('takes "yes" to the offered account address', async () => {
    const sut = talk(open, { userId: 'usr_fay', roles: ['customer'], via: 'jwt', email: 'fay@example.com' });
    await sut('thai in soho tomorrow at 8pm for 2');
    expect(last((await sut('yes please')).texts)).toBe(
      'Shall I send 3 suggestions for Thai in SoHo for 2 tomorrow at 8pm to fay@example.com?',
    );
  });

  it('reads "730", "quarter to 8" and "in an hour" as times, and "just me and a friend" as two', async () => {
    const at = async (answer: string) => {
      const sut = talk(open);
      await sut('thai in soho tomorrow for 2, t@example.com');
      return last((await sut(answer)).texts);
    };
    expect(await at('730')).toBe(
      'Shall I send 3 suggestions for Thai in SoHo for 2 tomorrow at 7:30pm to t@example.com?',
    );
    expect(await at('quarter to 8')).toBe(
      'Shall I send 3 suggestions for Thai in SoHo for 2 tomorrow at 7:45pm to t@example.com?',
    );
    // The fixture's clock is 3pm.
    expect(last((await talk(open)('thai in soho for 2 in an hour, t@example.com')).texts)).toBe(
      'Shall I send 3 suggestions for Thai in SoHo for 2 today at 4pm to t@example.com?',
    );
    expect(
      last((await talk(open)('just me and a friend, thai in soho tomorrow 8pm, t@example.com')).texts),
    ).toBe('Shall I send 3 suggestions for Thai in SoHo for 2 tomorrow at 8pm to t@example.com?');
  });

  it('answers questions about bookings made before and about delivery, instead of starting a search', async () => {
    expect((await talk(open)('do i have any reservations?')).texts[0]).toMatch(/Bookings page/);
    expect((await talk(open)('cancel my reservation at 7 tomorrow')).texts[0]).toMatch(/Bookings page/);
    const sut = talk(open);
    await sut('roses');
    expect((await sut('can they arrive tomorrow morning?')).texts[0]).toMatch(/^Gifts are delivered/);
  });

  it('takes "let\'s go with 2" and "no. 1 please" as picks, and "let\'s do it" as a yes, never as cancel', async () => {
    let { sut, cards } = await suggestedItalian(guest());
    let names = cards.map((c) => c.name);
    expect((await sut("let's go with 2")).texts[0]).toMatch(
      new RegExp(`^Booked! A table for 2 at ${names[1]}`),
    );
    ({ sut, cards } = await suggestedItalian());
    names = cards.map((c) => c.name);
    expect((await sut('no. 1 please')).texts[0]).toMatch(new RegExp(`(Booked!|already have) .*${names[0]}`));
    const confirm = talk(open);
    await confirm('thai in soho tomorrow 7pm for 2, t@example.com');
    expect((await confirm("let's do it")).texts[0]).toMatch(/^Here are my suggestions for Thai in SoHo/);
  });

  it('changes the time after suggestions for "can we do 8?" and "8pm would be better"', async () => {
    for (const change of ['actually can we do 8?', '8pm would be better']) {
      const sut = talk(open);
      await sut('italian in soho tomorrow 7pm for 2, t@example.com');
      await sut('yes');
      expect(last((await sut(change)).texts)).toBe(
        'Shall I send 3 suggestions for Italian in SoHo for 2 tomorrow at 8pm to t@example.com?',
      );
    }
  });

  it('reads "wait, thursday not wednesday", "845", "now" and more ways of saying the party', async () => {
    // The fixture's clock: Tuesday 10 March 2026, 3pm.
    const sut = talk(open);
    await sut('italian in soho tomorrow 7pm for 2, t@example.com');
    expect(last((await sut('wait, thursday not wednesday')).texts)).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 2 Thu, Mar 12 at 7pm to t@example.com?',
    );
    const time = talk(open);
    await time('thai in soho tomorrow for 2, t@example.com');
    expect(last((await time('845')).texts)).toBe(
      'Shall I send 3 suggestions for Thai in SoHo for 2 tomorrow at 8:45pm to t@example.com?',
    );
    expect(last((await talk(open)('thai in soho for 2 now, t@example.com')).texts)).toBe(
      'Shall I send 3 suggestions for Thai in SoHo for 2 today at 3:15pm to t@example.com?',
    );
    const party = async (said: string) =>
      last((await talk(open)(`korean in midtown tomorrow at 7pm, ${said}, k@example.com`)).texts);
    const confirmFor = (n: number) =>
      `Shall I send 3 suggestions for Korean in Midtown for ${n} tomorrow at 7pm to k@example.com?`;
    expect(await party('my wife and I')).toBe(confirmFor(2));
    expect(await party('me and 3 friends')).toBe(confirmFor(4));
    expect(await party('me, my wife and our 2 kids')).toBe(confirmFor(4));
    expect(await party('we are 6')).toBe(confirmFor(6));
  });

  it('says why it needs the contact, and that a booking made before is changed on the Bookings page', async () => {
    const sut = talk(open, { userId: 'usr_gus', roles: ['customer'], via: 'jwt', email: 'gus@example.com' });
    await sut('thai in soho tomorrow at 8pm for 2');
    const why = await sut('why do you need my email?');
    expect(why.texts[0]).toMatch(/^Only to send you the suggestions/);
    expect(last(why.texts)).toMatch(/e-mail address or a phone number/);
    expect((await talk(open)('can you move my reservation at 7 to 9pm')).texts[0]).toMatch(
      /^I can't change a booking from here/,
    );
    expect((await talk(open)('what bookings do i have')).texts[0]).toMatch(/Bookings page/);
  });

  it('never moves a day or time for a "now" that is not the time of the request', async () => {
    const sut = talk(open);
    await sut('korean in midtown tomorrow 8pm for 2, h@example.com');
    const cards = (await sut('yes')).messages.filter((m) => m.structured?.type === 'restaurant');
    expect((await sut('great, book the first one now')).texts[0]).toMatch(
      new RegExp(
        `^(Booked! A table for 2 at|You already have a table at) ${cards[0].structured.payload.name},? tomorrow at 8pm`,
      ),
    );
    for (const said of ['we are 3 now', 'now make it 4 people']) {
      const confirm = talk(open);
      await confirm('korean in midtown tomorrow 8pm for 2, h@example.com');
      expect(last((await confirm(said)).texts)).toMatch(/ tomorrow at 8pm to h@example\.com\?$/);
    }
    expect(
      last(
        (
          await talk(open)(
            'dinner for 2 tomorrow at 8, right now I am thinking french, in soho, h@example.com',
          )
        ).texts,
      ),
    ).toBe('Shall I send 3 suggestions for French in SoHo for 2 tomorrow at 8pm to h@example.com?');
  });

  it('keeps the day of "date night tomorrow" and counts "me and my mom and dad" as three', async () => {
    expect(
      last((await talk(open)('date night tomorrow at 8 in soho, italian for 2, h@example.com')).texts),
    ).toBe('Shall I send 3 suggestions for Italian in SoHo for 2 tomorrow at 8pm to h@example.com?');
    expect(
      last((await talk(open)('thai in soho tomorrow at 8pm for me and my mom and dad, h@example.com')).texts),
    ).toBe('Shall I send 3 suggestions for Thai in SoHo for 3 tomorrow at 8pm to h@example.com?');
    const sut = talk(open);
    await sut('thai in soho tomorrow at 8pm');
    expect(last((await sut('just me and my roommate')).texts)).toMatch(/e-mail address or a phone/);
    expect(last((await sut('h@example.com')).texts)).toBe(
      'Shall I send 3 suggestions for Thai in SoHo for 2 tomorrow at 8pm to h@example.com?',
    );
  });

  it('answers price questions about the suggestions from their cards, holds off on "not yet", books "the first looks great"', async () => {
    let { sut, cards } = await suggestedItalian();
    const cheapest = cards.reduce((a, b) => (b.priceLevel < a.priceLevel ? b : a));
    expect((await sut('which one is the cheapest?')).texts[0]).toMatch(
      new RegExp(`^${cheapest.name} is the least expensive of these`),
    );
    const second = cards[1]!;
    expect((await sut('is the second one expensive?')).texts[0]).toBe(
      `${second.name} is ${'$'.repeat(second.priceLevel)} (price level ${second.priceLevel} of 4).`,
    );
    expect((await sut("don't book anything yet, I'll ask my wife")).texts[0]).toMatch(/^OK, no rush/);
    ({ sut, cards } = await suggestedItalian());
    expect((await sut('the first looks great')).texts[0]).toMatch(
      new RegExp(`(Booked! A table for 2 at|already have a table at) ${cards[0]!.name}`),
    );
  });

  it('confirms "same as last time but for 6" before sending, reads "sunday would be better", books "the cheapest one"', async () => {
    const first = talk(open, { userId: 'usr_hal', roles: ['customer'], via: 'jwt' });
    await first('thai in chelsea tomorrow 7pm for 2, hal@example.com');
    await first('yes');
    const again = talk(open, { userId: 'usr_hal', roles: ['customer'], via: 'jwt' });
    expect(last((await again('same as last time but for 6 people')).texts)).toBe(
      'Shall I send 3 suggestions for Thai in Chelsea for 6 tomorrow at 7pm to hal@example.com?',
    );
    const sunday = talk(open);
    await sunday('italian in soho tomorrow 7pm for 2, t@example.com');
    expect(last((await sunday('sunday would be better')).texts)).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 2 Sun, Mar 15 at 7pm to t@example.com?',
    );
    const sut = talk(open);
    await sut('italian in soho tomorrow 7pm for 2, t@example.com');
    const cards = (await sut('yes')).messages
      .filter((m) => m.structured?.type === 'restaurant')
      .map((m) => m.structured.payload as { name: string; priceLevel: number });
    const cheapest = cards.find((c) => c.priceLevel === Math.min(...cards.map((x) => x.priceLevel)))!;
    expect((await sut('book the cheapest one')).texts[0]).toMatch(
      new RegExp(`(Booked! A table for 2 at|already have a table at) ${cheapest.name}`),
    );
  });

  it('reads "we\'re actually 3" as the party, not 3pm, after suggestions and at the confirmation', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow 7pm for 2, t@example.com');
    await sut('yes');
    expect(last((await sut("we're actually 3")).texts)).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 3 tomorrow at 7pm to t@example.com?',
    );
    const confirm = talk(open);
    await confirm('italian in soho tomorrow 7pm for 2, t@example.com');
    expect(last((await confirm('make it 3')).texts)).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 3 tomorrow at 7pm to t@example.com?',
    );
  });

  it('keeps a weekday with a calendar date on that date, and refuses "last saturday" and a day gone this year', async () => {
    // The fixture's clock: Tuesday 10 March 2026, 3pm. Tuesday 17 March is a week ahead.
    expect(last((await talk(open)('thai in soho tuesday march 17 at 7 for 2, t@example.com')).texts)).toBe(
      'Shall I send 3 suggestions for Thai in SoHo for 2 Tue, Mar 17 at 7pm to t@example.com?',
    );
    expect((await talk(open)('thai in soho last saturday at 7 for 2')).texts[0]).toMatch(/already passed/);
    expect((await talk(open)('thai in soho on march 2 at 7 for 2')).texts[0]).toMatch(/already passed/);
    // A day later this year is ahead, beyond the 90 days looked up, not past.
    expect((await talk(open)('thai in soho on december 25 at 7 for 2')).texts[0]).toMatch(/90 days ahead/);
  });

  it('does not take a bad address or a refusal for the account address, and answers "no thanks"', async () => {
    const caller = { userId: 'usr_ida', roles: ['customer'], via: 'jwt' as const, email: 'ida@example.com' };
    let sut = talk(open, caller);
    await sut('thai in soho tomorrow at 8pm for 2');
    expect((await sut('my email is bob@@mail')).texts[0]).toMatch(/^That e-mail address doesn't look right/);
    sut = talk(open, caller);
    await sut('thai in soho tomorrow at 8pm for 2');
    for (const refusal of ["i'd rather not share my email", 'no thanks'])
      expect((await sut(refusal)).texts[0]).toMatch(/^I only use it to send you the suggestions/);
  });

  it('says no places were suggested yet for "book the first one", and starts a search to book', async () => {
    const answer = await talk(open)('book the first one');
    expect(answer.texts).toEqual([
      "I haven't suggested any places yet. Let's find one to book.",
      'What kind of food would you like?',
    ]);
  });

  it('books nothing for an opinion with a doubt, nor for a party outside 1–20 named with the pick', async () => {
    const caller = { userId: 'usr_jo', roles: ['customer'], via: 'jwt' as const };
    const sut = talk(open, caller);
    await sut('thai in harlem tomorrow 8pm for 2, jo@example.com');
    await sut('yes');
    for (const doubt of [
      'first one seems nice but maybe too fancy?',
      'the second one seems great but we might go elsewhere',
    ])
      expect((await sut(doubt)).texts[0]).not.toMatch(/^Booked!/);
    const fresh = talk(open, caller);
    await fresh('thai in harlem tomorrow 8pm for 2, jo@example.com');
    await fresh('yes');
    expect((await fresh('book the first one for 25 people')).texts[0]).toMatch(
      /^I can book tables for 1 to 20 people, so I haven't booked /,
    );
    expect(await bookingsOf(open, caller)).toEqual([]);
  });

  it('reads dinner "at 11" as 11pm', async () => {
    expect(last((await talk(open)('dinner tomorrow at 11 for 2 thai harlem, z@example.com')).texts)).toBe(
      'Shall I send 3 suggestions for Thai in Harlem for 2 tomorrow at 11pm to z@example.com?',
    );
  });

  it('answers what it covers in the middle of a search, then asks its question again', async () => {
    const sut = talk(open);
    await sut('find a restaurant');
    const answer = await sut('what areas do you cover?');
    expect(answer.texts[0]).toMatch(/^I can search these areas: .*Chelsea/);
    expect(last(answer.texts)).toMatch(/kind of food/);
  });

  it('does not pretend to cancel a booking, and says where bookings are', async () => {
    const sut = talk(open);
    expect((await sut('can you cancel my booking')).texts[0]).toMatch(/Bookings page/);
    expect((await sut('show my bookings')).texts[0]).toMatch(/Bookings page/);
    expect((await sut('can i get them delivered tomorrow?')).texts[0]).toMatch(/^Gifts are delivered/);
  });

  it('repeats the last search for "same as last time" with suggestions on screen, instead of booking the last one', async () => {
    const sut = talk(open);
    await sut('italian in chelsea for 2 tomorrow at 8pm, email me at sa@example.com');
    await sut('yes');
    const again = await sut('same as last time');
    expect(again.texts[0]).toMatch(/^Here are my suggestions for Italian in Chelsea/);
  });

  it('forgets the suggestions on "start over", so "book the first one" books nothing', async () => {
    const sut = talk(open);
    await sut('italian in chelsea for 2 tomorrow at 8pm, email me at so@example.com');
    await sut('yes');
    await sut('start over');
    expect((await sut('book the first one')).texts.join(' ')).not.toMatch(/Booked!/);
  });

  it('answers a question about one of the suggestions from its card', async () => {
    const sut = talk(open);
    await sut('italian in chelsea for 2 tomorrow at 8pm, email me at ra@example.com');
    const shown = await sut('yes');
    const second = shown.messages.filter((m) => m.structured?.type === 'restaurant')[1].structured.payload;
    expect((await sut("what's the rating of the second one?")).texts[0]).toBe(
      `${second.name} is rated ${second.rating.toFixed(1)}★ and is at ${second.address}.`,
    );
  });

  it('takes a phone number after "call me at"', async () => {
    const sut = talk(open);
    await sut('thai in soho for 2 tomorrow at 7pm');
    expect(last((await sut('call me at 917 482 3391')).texts)).toMatch(/to \+19174823391\?$/);
  });

  it('does not take "birthday" at the confirmation for "change the day"', async () => {
    const sut = talk(open);
    await sut('thai in soho for 2 tomorrow at 7pm, email me at bd@example.com');
    expect(last((await sut("it's for my wife's birthday")).texts)).not.toMatch(/Which day/);
  });

  it('switches from a table search to gifts when asked', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow at 7 for 2');
    expect((await sut('actually forget dinner, I want to send flowers instead')).texts[0]).toMatch(
      /^Here are some ideas for flowers/,
    );
  });

  it('asks for an exact time after "in the evening"', async () => {
    const sut = talk(open);
    await sut('thai in soho tomorrow for 2');
    expect((await sut('in the evening')).texts[0]).toBe('Sure. What time exactly?');
  });

  it('asks again for a time when hardly anywhere is open', async () => {
    const sut = talk(open);
    expect((await sut('italian in soho tomorrow at 4am for 2')).texts[0]).toMatch(
      /^Hardly anywhere is open at 4am\. What time would suit you\?/,
    );
  });

  it('never reads a yes as an area', async () => {
    const sut = talk(open);
    await sut('italian food');
    expect(last((await sut('yes')).texts)).toMatch(/part of town/);
  });

  it('says which value a correction changed', async () => {
    const sut = talk(open);
    await sut('italian in chelsea for 4 tomorrow');
    const answer = await sut('actually make it 6 of us');
    expect(answer.texts[0]).toBe('OK, 6 people instead of 4 people.');
  });

  it('keeps a search a search when an answer only looks like a booking', async () => {
    const sut = talk(open);
    await sut('can you recommend a restaurant?');
    await sut('thai in soho tomorrow at 8pm for 5');
    await sut('actually make it 6 of us');
    expect(last((await sut('tai@example.com')).texts)).toMatch(
      /^Shall I send 3 suggestions for Thai in SoHo for 6/,
    );
  });

  it('takes "that\'s right" as a yes to the confirmation', async () => {
    const sut = talk(open);
    await sut('korean in midtown for 2 tomorrow at 7pm, email me at kim@example.com');
    expect((await sut("that's right")).texts[0]).toMatch(/Here are my suggestions for Korean in Midtown/);
  });

  it('asks which one after a yes to "book one of them", then books the one named', async () => {
    const sut = talk(open);
    // 9pm: another test of this file books an Italian table in Chelsea at 8pm for the same user.
    await sut('italian in chelsea for 2 tomorrow at 9pm, email me at ida@example.com');
    const shown = await sut('yes');
    const names = shown.messages
      .filter((m) => m.structured?.type === 'restaurant')
      .map((m) => m.structured.payload.name as string);
    expect(last((await sut('yes')).texts)).toMatch(/Which one\?/);
    const booked = await sut('the second one');
    expect(booked.texts[0]).toMatch(new RegExp(`^Booked! A table for 2 at ${names[1]}`));
  });

  it("asks for a booking's contact as a booking", async () => {
    const sut = talk(open);
    expect((await sut('book a table at an indian place in harlem for 3 tomorrow at 6pm')).texts[0]).toBe(
      'Which e-mail address or phone number should I put the booking under?',
    );
  });

  it('answers an unrelated question that names a day as out of scope, not as a table search', async () => {
    const sut = talk(open);
    const answer = await sut('what is the weather like tomorrow');
    expect(answer.texts[0]).toMatch(/outside what I can do|only good at food|can't help with that/);
    expect(answer.texts.join(' ')).not.toMatch(/kind of food/);
  });

  it('gives a way out after three failed answers to one question', async () => {
    const sut = talk(open);
    await sut('find me a restaurant');
    for (let i = 0; i < 3; i++)
      expect(last((await sut('hmm purple monkey dishwasher')).texts)).toMatch(/kind of food/);
    const answer = await sut('hmm purple monkey dishwasher');
    expect(answer.texts[0]).toMatch(/start again/);
    expect(last((await sut('chelsea')).texts)).not.toMatch(/Shall I/);
  });

  it('reads "make that 3" at the confirmation as the party, and asks whether a bare "6" is people or 6pm', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow 8pm for 4, ana@example.com');
    expect((await sut('make that 3')).texts).toEqual([
      'OK, 3 people instead of 4 people.',
      'Shall I send 3 suggestions for Italian in SoHo for 3 tomorrow at 8pm to ana@example.com?',
    ]);
    const asked = await sut('no wait, 6');
    expect(asked.texts).toEqual(['Did you mean 6 people or 6pm?']);
    expect(asked.messages[0].structured.payload.options.map((o: { label: string }) => o.label)).toEqual([
      '6 people',
      '6pm',
    ]);
    expect(last((await sut('6 people')).texts)).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 6 tomorrow at 8pm to ana@example.com?',
    );
    expect(last((await sut('no, 15')).texts)).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 15 tomorrow at 8pm to ana@example.com?',
    );
  });

  it('reads "8 45" answering the time as 8:45pm', async () => {
    const sut = talk(open);
    expect(last((await sut('italian in soho tomorrow for 4, ana@example.com')).texts)).toBe('What time?');
    expect(last((await sut('8 45')).texts)).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 4 tomorrow at 8:45pm to ana@example.com?',
    );
  });

  it('takes the party from "7pm 2 bob@x.com", answers given together', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow');
    expect(last((await sut('7pm 2 bob@x.com')).texts)).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 2 tomorrow at 7pm to bob@x.com?',
    );
  });

  it('asks again which part to change for a bare "yes", and keeps the search for "nothing"', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow 8pm for 4, ana@example.com');
    expect(last((await sut('no')).texts)).toBe('What would you like to change?');
    expect(last((await sut('yes')).texts)).toBe(
      'Which part would you like to change? Or say "go ahead" to keep it as it is.',
    );
    expect((await sut('nothing')).texts).toEqual([
      'OK, nothing changed.',
      'Shall I send 3 suggestions for Italian in SoHo for 4 tomorrow at 8pm to ana@example.com?',
    ]);
    expect(last((await sut('yes')).texts)).toBe('Want me to book one of them?');
  });

  it('fills a new search from the last one for "same time and people" and confirms it instead of sending', async () => {
    const first = talk(open, { userId: 'usr_ivy', roles: ['customer'], via: 'jwt' });
    await first('korean in astoria for 3 tomorrow at 7pm, ivy@example.com');
    expect(last((await first('yes')).texts)).toBe('Want me to book one of them?');
    expect(last((await first('now french in tribeca')).texts)).toBe('Which day?');
    // Only the parts named are taken from the last search; the day and the contact are still asked for.
    expect((await first('same time and people')).texts).toEqual([
      'OK, the same time and party as last time.',
      'Which day?',
    ]);
    expect(last((await first('tomorrow')).texts)).toMatch(/^Where should I send the suggestions\?/);
    expect(last((await first('same as before')).texts)).toBe(
      'Shall I send 3 suggestions for French in Tribeca for 3 tomorrow at 7pm to ivy@example.com?',
    );
  });
});

describe('contact details that are not right', () => {
  it('says an e-mail written with "at" is not an address instead of using the account\'s', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow 8pm for 4');
    expect((await sut('my email is mike.at.gmail.com')).texts[0]).toBe(
      "That e-mail address doesn't look right. Could you type it again, e.g. name@example.com?",
    );
    const sut2 = talk(open);
    expect((await sut2('italian in soho tomorrow 8pm for 4 and my number is 555-12')).texts[0]).toBe(
      "That phone number doesn't look right. Please send it with the area code, e.g. +1 212 555 0199.",
    );
  });
});

describe('a table asked for in few words', () => {
  it('starts a search for "find me a table" and for values alone ("7pm 2 bob@x.com")', async () => {
    expect(last((await talk(open)('find me a table')).texts)).toBe('What kind of food would you like?');
    expect(last((await talk(open)('7pm 2 bob@x.com')).texts)).toBe('What kind of food would you like?');
    const diet = await talk(open)("I'm vegetarian, any good places in soho?");
    expect(diet.texts[0]).toBe(
      "I can't search by diet yet, but most places have vegetarian dishes. What kind of food would you like?",
    );
  });
});

describe('closing a confirmation', () => {
  it('ends the search on "no thanks" and "bye", so a later "yes" sends nothing', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow 8pm for 4, ana@example.com');
    expect((await sut('no thanks')).texts[0]).toBe("OK, I won't send anything. Anything else?");
    expect(last((await sut('yes')).texts)).toBe('Sure! What would you like to do?');
    const bye = talk(open);
    await bye('italian in soho tomorrow 8pm for 4, ana@example.com');
    expect((await bye('bye')).texts[0]).toBe(
      'Goodbye! I dropped the unfinished request: nothing more was sent or booked.',
    );
    expect(last((await bye('yes')).texts)).toBe('Sure! What would you like to do?');
  });

  it('repeats the last search for "the same search again but for saturday", confirming the change', async () => {
    const first = talk(open, { userId: 'usr_jo', roles: ['customer'], via: 'jwt' });
    await first('thai in chelsea tomorrow 7pm for 2, jo@example.com');
    await first('yes');
    const again = talk(open, { userId: 'usr_jo', roles: ['customer'], via: 'jwt' });
    expect(last((await again('can you do the same search again but for saturday')).texts)).toBe(
      'Shall I send 3 suggestions for Thai in Chelsea for 2 Sat, Mar 14 at 7pm to jo@example.com?',
    );
    expect((await again('what about my booking for tomorrow?')).texts[0]).toMatch(/Bookings page/);
  });
});

describe('typos and plain words', () => {
  it('asks "did you mean" for "thia food", reads "on the 30th" and "seven thirty pm", cancels on "cancle"', async () => {
    const sut = talk(open);
    expect((await sut('thia food in soho tomorrow')).texts[0]).toBe(
      'I don\'t know "thia". Did you mean Thai?',
    );
    expect(last((await sut('yes')).texts)).toBe('What time?');
    const plain = talk(open);
    // The fixture's today is Tuesday 10 March 2026: the 30th is this month's.
    expect(
      last((await plain('italian in soho for 4 on the 30th at seven thirty pm, ana@example.com')).texts),
    ).toBe('Shall I send 3 suggestions for Italian in SoHo for 4 Mon, Mar 30 at 7:30pm to ana@example.com?');
    expect(last((await plain('cancle that pls')).texts)).toMatch(/^OK, cancelled\./);
    const any = talk(open);
    await any('a table in soho tomorrow at 8 for 2');
    expect((await any('any cuisine is fine')).texts[0]).toBe(
      'I search by kind of food. Pick one and I will find the best places:',
    );
  });
});

describe('answers given out of turn', () => {
  it('says back what it took and asks about a bare number, instead of repeating the question as if lost', async () => {
    const sut = talk(open);
    await sut('find me a table');
    expect((await sut('williamsburg')).texts).toEqual([
      'Got it: Williamsburg.',
      'What kind of food would you like?',
    ]);
    expect((await sut('8')).texts).toEqual(['Did you mean 8 people or 8pm?']);
    expect((await sut('8pm')).texts).toEqual(['Got it: 8pm.', 'What kind of food would you like?']);
    expect((await sut('4')).texts).toEqual(['Got it: 4 people.', 'What kind of food would you like?']);
    expect(last((await sut('italian')).texts)).toBe('Which day?');
    expect(last((await sut('tomorrow')).texts)).toMatch(/^Where should I send the suggestions\?/);
  });
});

describe('a contact that keeps failing', () => {
  it('keeps the search after three bad answers and says how to finish it', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow 8pm for 4');
    for (const bad of ['bob@', '100', '123']) expect((await sut(bad)).texts[0]).toMatch(/doesn't look right/);
    const way = await sut('bob@@');
    expect(way.texts[0]).toMatch(/^Sorry, I'm not getting this right\. I have everything else; to finish/);
    expect(last((await sut('bob@example.com')).texts)).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 4 tomorrow at 8pm to bob@example.com?',
    );
  });
});

describe('a day answered out of turn', () => {
  it('takes "next tuesday" while the food is asked for as the day, and "the fifth one" as the fifth cuisine', async () => {
    const sut = talk(open);
    await sut('I want dining suggestions');
    const day = await sut('next tuesday');
    expect(day.texts).toEqual(['Got it: Tue, Mar 17.', 'What kind of food would you like?']);
    const options = day.messages.at(-1).structured.payload.options.map((o: { label: string }) => o.label);
    expect(last((await sut('the fifth one')).texts)).toBe('Which part of town?');
    expect(last((await sut('chelsea')).texts)).toBe('What time?');
    expect(last((await sut('8pm for 2, ana@example.com')).texts)).toBe(
      `Shall I send 3 suggestions for ${options[4]} in Chelsea for 2 Tue, Mar 17 at 8pm to ana@example.com?`,
    );
  });
});

describe('"make that 3" wherever it is said', () => {
  it('changes the party after suggestions and while the contact is asked for', async () => {
    const { sut } = await suggestedItalian();
    expect((await sut('make that 3')).texts).toEqual([
      'OK, 3 people instead of 2 people.',
      'Shall I send 3 suggestions for Italian in SoHo for 3 tomorrow at 7pm to t@example.com?',
    ]);
    const asked = talk(open);
    await asked('italian in soho tomorrow 8pm for 4');
    expect((await asked('make that 3')).texts).toEqual([
      'OK, 3 people instead of 4 people.',
      'Where should I send the suggestions? Give me an e-mail address or a phone number.',
    ]);
  });
});

describe('questions about one suggestion', () => {
  it('answers "is the first one open now?" with yes or no, and the phone number question plainly', async () => {
    const { sut, cards } = await suggestedItalian();
    expect((await sut('is the first one open now?')).texts[0]).toMatch(
      new RegExp(`^(Yes, ${cards[0]!.name} is open now, until \\d|No, ${cards[0]!.name} is closed now)`),
    );
    expect((await sut("what's the phone number of the third one?")).texts[0]).toMatch(
      new RegExp(`^I don't have ${cards[2]!.name}'s phone number, I'm afraid\\. ${cards[2]!.name} is rated`),
    );
  });
});

describe('qa11 P1s', () => {
  it('does not take the day of "what\'s the weather like tomorrow" into the search', async () => {
    const sut = talk(open);
    await sut('mediterranean in the upper east side sunday 7pm for 4');
    const aside = await sut('whats the weather like tomorrow');
    expect(aside.texts[0]).toBe("I can't help with that one, but let's finish finding your table.");
    expect(last((await sut('ana@example.com')).texts)).toBe(
      'Shall I send 3 suggestions for Mediterranean in Upper East Side for 4 Sun, Mar 15 at 7pm to ana@example.com?',
    );
  });

  it('asks again after a plain "yes" to "6 people or 6pm?", and takes "people" alone', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow 8pm for 2, ana@example.com');
    expect((await sut('no wait, 6')).texts).toEqual(['Did you mean 6 people or 6pm?']);
    expect((await sut('yes')).texts).toEqual(['Sorry, which did you mean: 6 people or 6pm?']);
    expect(last((await sut('people')).texts)).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 6 tomorrow at 8pm to ana@example.com?',
    );
  });

  it('answers "which one is closest to central park?" from the cards and still books "the 2nd"', async () => {
    const { sut, cards } = await suggestedItalian(guest());
    const where = await sut('which one is closest to central park?');
    expect(where.texts[0]).toMatch(
      new RegExp(
        `^I can't measure distances yet, but here is where they are: ${cards[0]!.name} \\(\\d\\.\\d★\\) is at `,
      ),
    );
    expect(last(where.texts)).toBe('Want me to book one of them?');
    expect((await sut('book the 2nd')).texts[0]).toMatch(
      new RegExp(`^Booked! A table for 2 at ${cards[1]!.name}`),
    );
  });

  it('takes "soho not chelsea" at the confirmation as SoHo', async () => {
    const sut = talk(open);
    await sut('italian in chelsea tomorrow 8pm for 2, ana@example.com');
    expect(last((await sut('actually soho not chelsea')).texts)).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 2 tomorrow at 8pm to ana@example.com?',
    );
  });
});

describe("the assignment's classic script", () => {
  it('takes "Midtown" after "Manhattan" as the area, and "Two" while the day is asked as the party', async () => {
    const sut = talk(open);
    await sut('I need some restaurant suggestions.');
    expect((await sut('Manhattan')).texts[0]).toMatch(/^Which part of town\? I can search these areas/);
    expect(last((await sut('Midtown')).texts)).toBe('What kind of food would you like?');
    expect(last((await sut('Japanese')).texts)).toBe('Which day?');
    expect((await sut('Two')).texts).toEqual(['Did you mean 2 people or 2pm?']);
  });
});

describe('help in the middle of a search', () => {
  it('answers and asks the pending question again', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow 8pm for 4, ana@example.com');
    const answer = await sut('help');
    expect(answer.texts[0]).toMatch(/^I can suggest restaurants/);
    expect(last(answer.texts)).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 4 tomorrow at 8pm to ana@example.com?',
    );
  });
});

describe('qa12 P2s', () => {
  it('says nothing is picked yet for "book the first one" before suggestions, and re-asks a bare "no" to a question', async () => {
    const sut = talk(open);
    await sut('italian in soho tomorrow 8pm for 4');
    expect((await sut('book the 2nd one')).texts).toEqual([
      "I haven't picked any places yet: once I know where to send them, I'll show you three to choose from.",
      'Where should I send the suggestions? Give me an e-mail address or a phone number.',
    ]);
    expect(last((await sut('ok never mind')).texts)).toMatch(/^OK, cancelled\./);
    const confirm = talk(open);
    await confirm('italian in soho tomorrow 8pm for 4, ana@example.com');
    expect((await confirm('first one')).texts[0]).toBe(
      "I haven't picked any places yet: say yes and I'll show you three to choose from.",
    );
    expect(last((await confirm('what time was that again?')).texts)).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 4 tomorrow at 8pm to ana@example.com?',
    );
    expect((await confirm("thanks that's all")).texts[0]).toBe("OK, I won't send anything. Anything else?");
    const no = talk(open);
    await no('italian in soho tomorrow 8pm');
    expect((await no('no')).texts).toEqual(['OK. To stop, say cancel; otherwise:', 'How many people?']);
    expect((await no('25')).texts).toEqual([
      'I can suggest tables for 1 to 20 people. How many of you will there be?',
    ]);
    // Out of turn too: "25" while the day is asked for.
    const day = talk(open);
    await day('italian in soho');
    expect((await day('25')).texts).toEqual(['I can suggest tables for 1 to 20 people.', 'Which day?']);
  });
});

describe('qa13 P1s', () => {
  it('keeps the search for "the same search again but for monday" at the contact question, changing the day', async () => {
    const sut = talk(open);
    await sut('chinese in chelsea sunday 8pm for 2');
    const again = await sut('the same search again but for monday');
    expect(last(again.texts)).toMatch(/^Where should I send the suggestions\?/);
    expect(last((await sut('ana@example.com')).texts)).toBe(
      'Shall I send 3 suggestions for Chinese in Chelsea for 2 Mon, Mar 16 at 8pm to ana@example.com?',
    );
  });

  it('takes only the parts named by "same time and people" with nothing under way, and asks the rest', async () => {
    const pat = talk(open, { userId: 'usr_pat', roles: ['customer'], via: 'jwt' });
    await pat('french in tribeca sunday 9pm for 2, pat@example.com');
    await pat('yes');
    const later = talk(open, { userId: 'usr_pat', roles: ['customer'], via: 'jwt' });
    expect((await later('same time and people')).texts).toEqual([
      'OK, the same time and party as last time.',
      'What kind of food would you like?',
    ]);
  });

  it('asks "6 people or 6pm?" for "no wait, 6" at the contact question, and "book it" at a send confirmation books', async () => {
    const sut = talk(open);
    await sut('book a table for 4 at a thai place in harlem tomorrow 8pm');
    expect((await sut('no wait, 6')).texts).toEqual(['Did you mean 6 people or 6pm?']);
    const send = talk(open);
    await send('thai in harlem tomorrow 8pm for 4, ana@example.com');
    expect(last((await send('book it')).texts)).toMatch(
      /^Shall I book a table at .+ \(Thai in Harlem for 4 tomorrow at 8pm; rated \d\.\d★\), under ana@example\.com\?$/,
    );
  });
});

describe('a pick said with a doubt', () => {
  it('asks "Shall I book X?" for "maybe the third one", books nothing, and "yes" then books it', async () => {
    const caller = guest();
    const { sut, cards } = await suggestedItalian(caller);
    const asked = await sut('maybe the third one');
    expect(asked.texts).toEqual([`Shall I book ${cards[2]!.name}?`]);
    expect(await bookingsOf(open, caller)).toEqual([]);
    expect((await sut('yes')).texts[0]).toMatch(new RegExp(`^Booked! A table for 2 at ${cards[2]!.name}`));
  });
});

describe('the day buttons', () => {
  it('offer a third day that is neither today nor tomorrow, and "the third one" takes it', async () => {
    // The fixture's today is Tuesday 10 March 2026: the third button is this Saturday.
    const sut = talk(open);
    const asked = await sut('italian in soho');
    expect(asked.messages.at(-1).structured.payload.options.map((o: { label: string }) => o.label)).toEqual([
      'Today',
      'Tomorrow',
      'This Saturday',
    ]);
    expect(weekendChoice('2026-03-13')).toEqual({ label: 'This Sunday', date: '2026-03-15' });
    expect(weekendChoice('2026-03-14')).toEqual({ label: 'Next Saturday', date: '2026-03-21' });
    expect(weekendChoice('2026-03-15')).toEqual({ label: 'This Saturday', date: '2026-03-21' });
    await sut('the third one');
    expect(last((await sut('8pm for 2, ana@example.com')).texts)).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 2 Sat, Mar 14 at 8pm to ana@example.com?',
    );
  });
});

describe('late in the evening', () => {
  // The fixture's day (Tuesday 10 March 2026) at 9:32pm and at 10:45pm in New York (EDT, UTC-4).
  const at = async (time: string) => {
    const late = await openChat();
    late.clock.now = Date.parse(`2026-03-11T${time}:00Z`);
    return late;
  };
  const labels = (answer: { messages: { structured?: { payload: { options?: { label: string }[] } } }[] }) =>
    answer.messages.at(-1)?.structured?.payload.options?.map((o) => o.label);

  it('offers only the times still ahead today, and a past time asked again is bounded like any other, keeping the rest', async () => {
    const late = await at('01:32');
    try {
      const sut = talk(late);
      const asked = await sut('italian in soho today');
      expect(last(asked.texts)).toBe('What time?');
      expect(labels(asked)).toEqual(['10pm', '10:30pm']);
      const again = await sut('9pm');
      expect(last(again.texts)).toBe('That time has already passed today. What time would suit you?');
      expect(labels(again)).toEqual(['10pm', '10:30pm']);
      await sut('8pm');
      await sut('7pm');
      const out = await sut('6pm');
      // The way out keeps what was said: only the time is asked again.
      expect(out.texts[0]).toBe(
        "Sorry, I'm not getting this right. I still have Italian, SoHo, today; let's finish that, or say cancel to start over.",
      );
      expect(labels(out)).toEqual(['10pm', '10:30pm']);
      expect(last((await sut('10pm')).texts)).toBe('How many people?');
    } finally {
      await late.close();
    }
  });

  it('asks for another day once no table time is left today, and offers no Today button', async () => {
    const late = await at('02:45');
    try {
      const tonight = await talk(late)('italian in soho tonight for 2');
      expect(last(tonight.texts)).toBe("It's too late for a table today. Which day would you like?");
      expect(labels(tonight)).toEqual(['Tomorrow', 'This Saturday']);
      const passed = await talk(late)('italian in soho today at 9pm for 2');
      expect(last(passed.texts)).toBe("It's too late for a table today. Which day would you like?");
      const sut = talk(late);
      await sut('italian in soho');
      expect(labels(await sut('for 2'))).toEqual(['Tomorrow', 'This Saturday']);
      // A time still ahead tonight is taken.
      expect(last((await talk(late)('italian in soho today at 11pm for 2, a@example.com')).texts)).toBe(
        'Shall I send 3 suggestions for Italian in SoHo for 2 today at 11pm to a@example.com?',
      );
    } finally {
      await late.close();
    }
  });
});

describe('days and parties said in words', () => {
  it('reads "a week from tomorrow" and "a week from today" as those days', async () => {
    // The fixture's today is Tuesday 10 March: a week from tomorrow is Wednesday 18 March.
    expect(await confirmOf('indian in midtown a week from tomorrow at 7 for 2 to a@example.com')).toBe(
      'Shall I send 3 suggestions for Indian in Midtown for 2 Wed, Mar 18 at 7pm to a@example.com?',
    );
    const sut = talk(open);
    await sut('indian in midtown on sunday at 7 for 2 to a@example.com');
    expect((await sut('a week from today')).texts[0]).toBe('OK, Tue, Mar 17 instead of Sun, Mar 15.');
  });

  it('refuses a party of none with the range, and reads "for a dozen" as 12', async () => {
    expect((await talk(open)('italian in soho tomorrow at 8 for 0 people')).texts[0]).toBe(
      'I can suggest tables for 1 to 20 people. How many of you will there be?',
    );
    expect(await confirmOf('italian in soho tomorrow at 8 for a dozen, a@example.com')).toBe(
      'Shall I send 3 suggestions for Italian in SoHo for 12 tomorrow at 8pm to a@example.com?',
    );
  });
});

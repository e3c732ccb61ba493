// The journeys a customer and an operator take, in Debian's chromium against the real embedded system:
// every page is checked with axe-core and for CSP violations, and photographed at phone and desktop sizes.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkPage, desktop, launch, openTab, phone, type Tab } from './browser.js';
import { type LiveSystem, startLiveSystem } from './live-system.js';
import { freePort, type OutsideProvider, startOutsideProvider } from './outside-provider.js';

let live: LiveSystem;
let outside: OutsideProvider;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  outside = await startOutsideProvider(publicUrl);
  [live, browser] = await Promise.all([
    startLiveSystem({
      port,
      env: { CONCIERGE_PUBLIC_URL: publicUrl, CONCIERGE_OIDC_PROVIDERS: outside.config },
    }),
    launch(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await live?.close();
  await outside?.close();
});

const email = `ann.${Date.now()}@example.com`;
const password = 'Roses-are-red-1';

async function signIn(tab: Tab, who: string, secret: string): Promise<void> {
  const { page } = tab;
  await page.goto('/signin');
  await page.getByLabel('E-mail').fill(who);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Chat with Concierge' }).waitFor();
}

async function say(tab: Tab, text: string): Promise<void> {
  const { page } = tab;
  const before = await page.locator('.message.concierge').count();
  await page.getByLabel('Message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await answered(tab, before);
}

/** Waits for the concierge's answer: more of its messages than `before`, and no longer typing. */
/** Asks for `wish` in the chat and opens the checkout of the first product card. */
async function checkoutOf(tab: Tab, wish: string): Promise<void> {
  await say(tab, wish);
  await tab.page
    .getByRole('button', { name: /^Order / })
    .first()
    .click();
  await tab.page.getByRole('heading', { name: 'Checkout' }).waitFor();
}

async function answered(tab: Tab, before: number): Promise<void> {
  const { page } = tab;
  await expect
    .poll(() => page.locator('.message.concierge').count(), { timeout: 20_000 })
    .toBeGreaterThan(before);
  await page.getByText('Concierge is typing').waitFor({ state: 'detached' });
}

describe('a customer', () => {
  let tab: Tab;
  beforeAll(async () => {
    tab = await openTab(browser, live.baseUrl);
  });
  afterAll(() => tab.context.close());

  it('signs up with the code from the e-mail and lands in the chat', async () => {
    const { page } = tab;
    await page.goto('/');
    await page.getByRole('heading', { name: /Flowers, gifts and a table/ }).waitFor();
    await checkPage(tab, 'cover');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    // The API's field error for the password shows next to it.
    await expect(page.locator('#signup-password-error').textContent({ timeout: 10_000 })).resolves.toMatch(
      /8/,
    );
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    await checkPage(tab, 'sign-up');
    await page.getByLabel('Name (optional)').fill('Ann <b>Bold</b>');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    const mail = await live.smtp.waitFor(email, 15_000);
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('Confirmation code').fill(code ?? '');
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await page.getByRole('heading', { name: 'Chat with Concierge' }).waitFor();
    await checkPage(tab, 'chat-empty');
  });

  it('chats to a bouquet, checks out with a field error fixed, sees the confirmation arrive live and by e-mail', async () => {
    const { page } = tab;
    // The answer is held back a little on the wire, so the typing indicator can be seen.
    await page.route('**/v1/nlu', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    // User text is shown as text: markup typed in the chat is not turned into elements.
    await page.getByLabel('Message').fill('red roses for my mom tomorrow <img src=x onerror=alert(1)>');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Concierge is typing…').waitFor();
    await page.getByText('Concierge is typing…').waitFor({ state: 'detached' });
    await page.unroute('**/v1/nlu');
    expect(await page.locator('.messages img[src="x"]').count()).toBe(0);
    await expect(page.locator('.message.me .bubble').last().textContent()).resolves.toContain('<img src=x');
    const order = page.getByRole('button', { name: /^Order / }).first();
    await order.waitFor();
    expect(await page.locator('.message time').count()).toBeGreaterThan(1);
    await checkPage(tab, 'chat');
    const productName = (await page.locator('.card.product h3').first().textContent()) ?? '';
    await order.click();

    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    await expect(page.locator('.summary h2').textContent()).resolves.toBe(productName);
    // Prefilled from the chat: who it is for and the day.
    expect(await page.getByLabel("Recipient's name").inputValue()).toBe('Mom');
    expect(await page.getByLabel('Send order updates to').inputValue()).toBe(email);
    const date = page.getByLabel('Delivery date');
    const tomorrow = await date.inputValue();
    expect(tomorrow).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(tomorrow > ((await date.getAttribute('min')) ?? '')).toBe(true);
    expect(((await date.getAttribute('max')) ?? '') > tomorrow).toBe(true);

    await page.getByLabel('Street address').fill('1 Main St');
    await page.getByLabel('City').fill('Springfield');
    await page.getByLabel('State').fill('IL');
    await page.getByLabel('ZIP / postal code').fill('62701');
    await page.getByLabel('Card message (optional)').fill('Love you, Mom!');
    // A day before the shop's today: the page says which days it can be, next to the field.
    await date.fill('2020-01-01');
    await page.getByRole('button', { name: 'Place order' }).click();
    const dateError = page.locator('#checkout-deliveryDate-error');
    await expect(dateError.textContent()).resolves.toMatch(/^Choose a delivery day from today to \w+day, /);
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await checkPage(tab, 'checkout-error');
    await date.fill(tomorrow);
    await page.getByRole('button', { name: 'Place order' }).click();

    await page.getByRole('heading', { name: new RegExp(`Order · ${productName}`) }).waitFor();
    // The worker confirms; the live stream brings the toast and the new status without a reload.
    await page.getByRole('status').getByText('Your order is confirmed.').waitFor({ timeout: 30_000 });
    await page.locator('.status-line .badge.confirmed').waitFor();
    await checkPage(tab, 'order');
    // First the "we received your order" mail, then the confirmation.
    const received = await live.smtp.waitFor(email, 30_000);
    expect(received.subject).toMatch(/received/i);
    const confirmation = await live.smtp.waitFor(email, 30_000);
    expect(confirmation.subject).toMatch(/confirm/i);
    expect(confirmation.text).toContain(productName);

    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await page.getByRole('link', { name: productName }).waitFor();
    await checkPage(tab, 'orders');
  });

  it('signs its API calls with SigV4 and, back with an expired ID token, is signed in again silently', async () => {
    const { page } = tab;
    const seen: Promise<string>[] = [];
    const record = (request: import('playwright-core').Request) => {
      const { pathname } = new URL(request.url());
      if (!pathname.startsWith('/v1/') || pathname === '/v1/events/stream') return;
      seen.push(
        request
          .allHeaders()
          .then((h) => `${request.method()} ${pathname} ${h.authorization?.split(' ')[0] ?? '-'}`),
      );
    };
    await page.evaluate(`{
      const saved = JSON.parse(localStorage.getItem('concierge.tokens'));
      localStorage.setItem('concierge.tokens', JSON.stringify({ ...saved, expiresAt: Date.now() - 60000 }));
    }`);
    page.on('request', record);
    await page.goto('/orders');
    // The order placed in the previous journey is listed: the page is signed in again.
    await page.locator('.order-row').first().waitFor();
    page.off('request', record);
    const calls = await Promise.all(seen);
    expect(calls).toEqual(
      expect.arrayContaining([
        'POST /v1/auth/refresh -',
        'POST /v1/identity/credentials Bearer',
        'GET /v1/me AWS4-HMAC-SHA256',
        'GET /v1/orders AWS4-HMAC-SHA256',
      ]),
    );
    expect(calls.indexOf('POST /v1/auth/refresh -')).toBeLessThan(
      calls.indexOf('GET /v1/me AWS4-HMAC-SHA256'),
    );
  });

  it('dines: gets suggestions, then the same search again in a new conversation', async () => {
    const { page } = tab;
    await page.getByRole('link', { name: 'Chat', exact: true }).click();
    await page.getByRole('button', { name: 'Start over' }).click();
    await say(tab, 'Find me a quiet Italian place in Chelsea for 4 tomorrow at 8pm');
    await say(tab, email);
    await say(tab, 'yes');
    await expect(page.locator('.messages').textContent()).resolves.toMatch(
      /Here are my suggestions for Italian in Chelsea/,
    );
    expect(await page.locator('.card.restaurant').count()).toBe(3);
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByRole('button', { name: 'Same as last time' }).click();
    await page.locator('.card.restaurant').first().waitFor();
    expect(await page.locator('.card.restaurant').count()).toBe(3);
    await expect(page.locator('.card.restaurant').first().textContent()).resolves.toMatch(
      /Italian · Chelsea/,
    );
    await checkPage(tab, 'chat-dining');
  });

  it('orders again with the last address prefilled; a declined card fails the order live, with the reason', async () => {
    const { page } = tab;
    await page.getByRole('button', { name: 'Start over' }).click();
    await checkoutOf(tab, 'chocolates for a birthday');
    // The address of the previous order comes back (the page asks for it as it opens, so it may land a moment
    // after the heading); the day defaults to the shop's today.
    await vi.waitFor(async () => {
      expect(await page.getByLabel('Street address').inputValue()).toBe('1 Main St');
    });
    expect(await page.getByLabel('ZIP / postal code').inputValue()).toBe('62701');
    await page.getByLabel("Recipient's name").fill('Sam');
    await page.getByLabel('Card', { exact: true }).selectOption('tok_chargeDeclined');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page
      .getByRole('status')
      .getByText('Your order could not be completed.')
      .waitFor({ timeout: 30_000 });
    await page.locator('.status-line .badge.failed').waitFor();
    await expect(page.locator('.facts').textContent()).resolves.toMatch(/declined/i);
  });

  it('checks out the quantity asked for in the chat', async () => {
    const { page } = tab;
    await page.getByRole('link', { name: 'Chat', exact: true }).click();
    await page.getByRole('button', { name: 'Start over' }).click();
    await say(tab, 'show me orchids');
    await say(tab, 'order 2 of the first one');
    await page.getByRole('button', { name: /^Order 2 of / }).click();
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    expect(await page.getByLabel('Quantity').inputValue()).toBe('2');
  });

  it('creates an API key on the account page and sees its value once', async () => {
    const { page } = tab;
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await expect(page.locator('.facts').textContent()).resolves.toContain(email);
    await page.getByLabel('Key name').fill('home automation');
    await page.getByRole('button', { name: 'Create key' }).click();
    const value = (await page.locator('code.secret').textContent()) ?? '';
    expect(value.length).toBeGreaterThan(16);
    await page.getByRole('cell', { name: 'home automation', exact: true }).waitFor();
    const check = await fetch(`${live.baseUrl}/v1/me`, { headers: { 'x-api-key': value } });
    expect(((await check.json()) as { email: string }).email).toBe(email);
    await checkPage(tab, 'account');
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.getByRole('link', { name: 'Create an account' }).waitFor();
    await page.goto('/orders');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/orders');
  });
});

describe('a visitor with an account elsewhere', () => {
  it('signs in with the outside provider and comes back signed in', async () => {
    const tab = await openTab(browser, live.baseUrl);
    const { page } = tab;
    await outside.fixture.confirmedAccount('zoe@example.com', 'Outside-pass-1');
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Sign in with outside' }).click();
    // The outside provider's own sign-in page.
    await page.waitForURL(/\/oidc\/interaction\//);
    await page.getByLabel(/e-mail/i).fill('zoe@example.com');
    await page.getByLabel(/password/i).fill('Outside-pass-1');
    await page.getByRole('button', { name: /sign in/i }).click();
    // Back at Concierge with its own tokens in the fragment, exchanged for credentials: signed in.
    await page.getByRole('link', { name: 'Account' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await page.getByRole('link', { name: 'Account' }).click();
    await expect(page.locator('.facts').textContent()).resolves.toContain('zoe@example.com');
    await tab.context.close();
  });
});

describe('a keyboard-only visitor', () => {
  it('skips to the content, signs in and chats without a mouse', async () => {
    const tab = await openTab(browser, live.baseUrl);
    const { page } = tab;
    const focused = () =>
      page.evaluate<string>('document.activeElement?.id || document.activeElement?.textContent || ""');
    await page.goto('/');
    // A person starts pressing Tab once the page is there: wait for the app to replace "Loading Concierge…".
    await page.getByRole('link', { name: 'Create an account' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('main');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Create an account');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Sign in');
    await page.keyboard.press('Enter');
    // The new page's heading takes the focus (once it has rendered); its form follows.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await vi.waitFor(async () => {
      expect(await focused()).toBe('Sign in');
    });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('signin-email');
    await page.keyboard.type('demo@concierge.local');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Concierge-demo-1');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Chat with Concierge' }).waitFor();
    await vi.waitFor(async () => {
      expect(await focused()).toBe('Chat with Concierge');
    });
    await page.getByLabel('Message').focus();
    await page.keyboard.type('hello');
    await page.keyboard.press('Enter');
    await page.locator('.message.concierge').first().waitFor();
    // A quick reply answers with the keyboard too.
    await page.locator('.quick-replies .chip').first().focus();
    const count = await page.locator('.message.me').count();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.message.me').count()).toBe(count + 1);
    await tab.context.close();
  });
});

describe('an operator', () => {
  let tab: Tab;
  beforeAll(async () => {
    tab = await openTab(browser, live.baseUrl);
  });
  afterAll(() => tab.context.close());

  it('replays a dead letter, and edits the catalog', async () => {
    const { page } = tab;
    // A message the worker cannot process (its order does not exist) goes to the DLQ at once.
    const messageId = await live.system.messaging.queue.send('orders.placed', { orderId: 'ord_missing' });
    await expect
      .poll(() => live.system.messaging.queue.deadLetters.count('orders.placed'), { timeout: 20_000 })
      .toBe(1);
    await signIn(tab, 'operator@concierge.local', 'Concierge-demo-1');
    await page.getByRole('link', { name: 'Dead letters' }).click();
    const replay = page.getByRole('button', { name: `Replay ${messageId}` });
    await replay.waitFor();
    await expect(page.locator('.letter').first().textContent()).resolves.toMatch(/does not exist/);
    await checkPage(tab, 'operator-dlq');
    await replay.click();
    await page.getByRole('status').getByText(`Message ${messageId} requeued.`).waitFor();

    await page.getByRole('link', { name: 'All orders' }).click();
    await page.getByRole('heading', { name: 'All orders' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    await checkPage(tab, 'operator-orders');

    await page.getByRole('link', { name: 'Catalog' }).click();
    const first = page.locator('.editor').first();
    await first.getByLabel('Stock').fill('-5');
    await first.getByRole('button', { name: 'Save' }).click();
    await expect(first.locator('.error').first().textContent()).resolves.toMatch(/0|minimum|greater/i);
    await first.getByLabel('Stock').fill('42');
    await first.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('status')
      .getByText(/saved\./)
      .waitFor();
    await checkPage(tab, 'operator-catalog');
  });

  it('is refused the operator pages as a customer', async () => {
    const customer = await openTab(browser, live.baseUrl);
    await signIn(customer, 'demo@concierge.local', 'Concierge-demo-1');
    expect(await customer.page.getByRole('link', { name: 'Dead letters' }).count()).toBe(0);
    await customer.page.goto('/operator/dlq');
    await customer.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await customer.context.close();
  });
});

/** The last quick reply's bottom edge, and the top of the message box that stays at the window's bottom. */
async function lastReplyAndComposer(page: Page): Promise<{ reply: number; composer: number }> {
  const reply = await page.locator('.quick-replies .chip').last().boundingBox();
  const composer = await page.locator('.composer').boundingBox();
  if (!reply || !composer) throw new Error('no quick reply or no message box on screen');
  return { reply: reply.y + reply.height, composer: composer.y };
}

describe('a diner', () => {
  let tab: Tab;
  beforeAll(async () => {
    tab = await openTab(browser, live.baseUrl);
    await signIn(tab, 'demo@concierge.local', 'Concierge-demo-1');
  });
  afterAll(() => tab.context.close());

  it('finds no bookings yet, and the way to the chat', async () => {
    const { page } = tab;
    await page.getByRole('link', { name: 'Bookings', exact: true }).click();
    await page.getByRole('heading', { name: 'Your bookings' }).waitFor();
    await page.getByText('No table bookings yet.').waitFor();
    await checkPage(tab, 'bookings-empty');
    await page.getByRole('link', { name: 'Ask the concierge' }).click();
    await page.getByRole('heading', { name: 'Chat with Concierge' }).waitFor();
  });

  for (const [size, viewport] of [
    ['phone', phone],
    ['desktop', { width: 1280, height: 900 }],
  ] as const) {
    it(`sees each reply with its buttons above the message box on a ${size}`, async () => {
      const { page } = tab;
      await page.setViewportSize(viewport);
      await page.getByRole('link', { name: 'Chat', exact: true }).click();
      await page.getByRole('button', { name: 'Start over' }).click();
      await say(tab, 'A quiet Italian place in Chelsea for 4 at 8pm tomorrow');
      await say(tab, 'demo@concierge.local');
      const asked = await lastReplyAndComposer(page);
      expect(asked.reply).toBeLessThanOrEqual(asked.composer);
      await say(tab, 'yes');
      await page.locator('.card.restaurant').first().waitFor();
      const suggested = await lastReplyAndComposer(page);
      expect(suggested.reply).toBeLessThanOrEqual(suggested.composer);
      await page.setViewportSize(desktop);
    });
  }

  it('sees restaurant cards whole on a phone: the cuisine picture uncropped, the rating on one line', async () => {
    const { page } = tab;
    await page.setViewportSize(phone);
    await expect
      .poll(() =>
        page.evaluate<boolean>(
          `[...document.querySelectorAll('.card.restaurant img')].every((i) => i.complete && i.naturalWidth > 0)`,
        ),
      )
      .toBe(true);
    // Each picture is shown at its own proportions (its label runs along the bottom edge) …
    const pictures = await page.evaluate<{ shown: number; drawn: number }[]>(
      `[...document.querySelectorAll('.card.restaurant img')].map((i) =>
        ({ shown: i.clientWidth / i.clientHeight, drawn: i.naturalWidth / i.naturalHeight }))`,
    );
    expect(pictures).toHaveLength(3);
    for (const { shown, drawn } of pictures) expect(shown).toBeCloseTo(drawn, 2);
    // … and the star stays beside its rating (its pieces of text all on one line).
    const lines = await page.evaluate<number[]>(
      `[...document.querySelectorAll('.card.restaurant [aria-hidden="true"]')]
        .filter((e) => e.textContent.includes('★'))
        .map((e) => new Set([...e.getClientRects()].map((r) => Math.round(r.top))).size)`,
    );
    expect(lines).toEqual([1, 1, 1]);
    await page.setViewportSize(desktop);
  });

  let name = '';
  let bookingId = '';
  it('books a suggestion with its Book button', async () => {
    const { page } = tab;
    const card = page.locator('.card.restaurant').first();
    name = (await card.locator('h3').textContent()) ?? '';
    const before = await page.locator('.message.concierge').count();
    await card.getByRole('button', { name: `Book a table at ${name}` }).click();
    await answered(tab, before);
    await expect(page.locator('.message.me .bubble').last().textContent()).resolves.toBe(
      `book a table at ${name}`,
    );
    const said = (await page.locator('.messages').textContent()) ?? '';
    expect(said).toContain(`Booked! A table for 4 at ${name}`);
    bookingId = /booking number is (bkg_[\w-]+)/.exec(said)?.[1] ?? 'no booking number';
  });

  it('sees the booking on the Bookings page and cancels it there, after saying yes', async () => {
    const { page } = tab;
    await page.getByRole('link', { name: 'Bookings', exact: true }).click();
    const booking = page.locator('.booking').filter({ has: page.getByRole('heading', { name }) });
    await booking.waitFor();
    const facts = (await booking.locator('.facts').textContent()) ?? '';
    expect(facts).toContain('8:00 PM');
    expect(facts).toContain('4 people');
    expect(facts).toContain('demo@concierge.local');
    expect(facts).toContain(bookingId);
    await booking.locator('.badge.confirmed').waitFor();
    await checkPage(tab, 'bookings');

    // Cancelling asks first; "Keep it" keeps it.
    const cancel = booking.getByRole('button', { name: `Cancel booking at ${name}` });
    await cancel.click();
    await expect(booking.locator('.confirm').textContent()).resolves.toMatch(
      new RegExp(`Cancel your table for 4 at ${name} on \\w+day, .* at 8:00 PM\\?`),
    );
    const focused = () => page.evaluate<string>('document.activeElement?.textContent ?? ""');
    await vi.waitFor(async () => expect(await focused()).toBe('Yes, cancel it'));
    await booking.getByRole('button', { name: 'Keep it' }).click();
    await vi.waitFor(async () => expect(await focused()).toBe('Cancel booking'));
    await booking.locator('.badge.confirmed').waitFor();

    // A refusal is said in plain words, and the booking stays as it was.
    await page.route('**/v1/bookings/*/cancel', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({
          code: 'NOT_FOUND',
          message: `Booking ${bookingId} not found`,
          requestId: 'req_t1',
        }),
      }),
    );
    await cancel.click();
    await booking.getByRole('button', { name: 'Yes, cancel it' }).click();
    await expect(booking.getByRole('alert').textContent()).resolves.toMatch(
      /^This booking could not be found; it may have been removed\.Request req_t1$/,
    );
    await booking.locator('.badge.confirmed').waitFor();
    await page.unroute('**/v1/bookings/*/cancel');

    await booking.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page
      .getByRole('status')
      .getByText(new RegExp(`Your table at ${name} on .* is cancelled\\.`))
      .waitFor();
    await booking.locator('.badge.cancelled').waitFor();
    expect(await cancel.count()).toBe(0);
    await page.reload();
    await booking.locator('.badge.cancelled').waitFor();
  });

  it('is told in plain words when the bookings cannot be read', async () => {
    const { page } = tab;
    await page.route('**/v1/bookings?*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          code: 'UNAVAILABLE',
          message: 'catalog: connect ECONNREFUSED',
          requestId: 'req_t2',
        }),
      }),
    );
    await page.goto('/bookings');
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'Bookings are not available right now. Try again in a minute.Request req_t2',
    );
    await page.unroute('**/v1/bookings?*');
  });
});

describe('a shopper at checkout', () => {
  it('is told in plain words what to fix, before sending and when the API refuses, and types a US phone as usual', async () => {
    const tab = await openTab(browser, live.baseUrl);
    const { page } = tab;
    await signIn(tab, 'demo@concierge.local', 'Concierge-demo-1');
    await checkoutOf(tab, 'chocolates for a birthday');
    const sent: { recipient?: { phone?: string } }[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/v1/checkout')
        sent.push(request.postDataJSON());
    });
    const street = page.getByLabel('Street address');
    const phoneNumber = page.getByLabel("Recipient's phone (optional)");
    const error = (field: string) => page.locator(`#checkout-${field}-error`).textContent();

    // Checked before it is sent: each field says what to fix, and the first one takes the focus.
    await page.getByLabel("Recipient's name").fill('Sam');
    await phoneNumber.fill('555 0123');
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect(error('deliveryAddress-line1')).resolves.toBe('Enter the street address');
    await expect(error('deliveryAddress-city')).resolves.toBe('Enter the city');
    await expect(error('deliveryAddress-postalCode')).resolves.toBe(
      'Enter a 5-digit ZIP code, such as 10001',
    );
    await expect(error('recipient-phone')).resolves.toMatch(/^Enter a phone number such as \(212\) 555-0123/);
    expect(await street.getAttribute('aria-invalid')).toBe('true');
    expect(await street.getAttribute('aria-describedby')).toContain('checkout-deliveryAddress-line1-error');
    await vi.waitFor(async () => {
      expect(await page.evaluate<string>('document.activeElement?.id ?? ""')).toBe(
        'checkout-deliveryAddress-line1',
      );
    });
    expect(sent).toEqual([]);
    await checkPage(tab, 'checkout-invalid');

    // The API's schema messages are shown as the same plain words, on the fields they name.
    await page.route('**/v1/checkout', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          code: 'VALIDATION_FAILED',
          message: 'body.deliveryAddress.line1 must NOT have fewer than 1 characters',
          details: [
            { field: 'body.deliveryAddress.line1', message: 'must NOT have fewer than 1 characters' },
            { field: 'body.recipient.phone', message: 'must match pattern "^\\+[1-9]\\d{6,14}$"' },
          ],
          requestId: 'req_t3',
        }),
      }),
    );
    await street.fill('1 Main St');
    await page.getByLabel('City').fill('Springfield');
    await page.getByLabel('State').fill('IL');
    await page.getByLabel('ZIP / postal code').fill('62701');
    await phoneNumber.fill('(212) 555-0123');
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]?.recipient?.phone).toBe('+12125550123');
    await expect(error('recipient-phone')).resolves.toMatch(/^Enter a phone number such as \(212\) 555-0123/);
    await expect(error('deliveryAddress-line1')).resolves.toBe('Enter the street address');
    expect(await page.locator('#checkout-deliveryAddress-city-error').count()).toBe(0);
    const form = (await page.locator('form').textContent()) ?? '';
    expect(form).not.toMatch(/must NOT|must match|pattern|body\./);
    await page.unroute('**/v1/checkout');

    // A US number written the usual way is sent as +1… and the order goes through.
    await phoneNumber.fill('212 555 0123');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { name: /^Order · / }).waitFor();
    expect(sent[1]?.recipient?.phone).toBe('+12125550123');
    await tab.context.close();
  });
});

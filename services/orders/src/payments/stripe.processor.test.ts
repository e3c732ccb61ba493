// The Stripe adapter's request shape and error mapping, against a recorded-style fake fetch (no network).
import { describe, expect, it } from 'vitest';
import { createStripeProcessor } from './stripe.processor.js';

function fakeFetch(status: number, body: unknown, seen: { url?: string; init?: RequestInit } = {}) {
  return (async (url: string, init: RequestInit) => {
    seen.url = url;
    seen.init = init;
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
}

const request = {
  idempotencyKey: 'ord_1',
  amount: 4999,
  currency: 'USD',
  token: 'tok_visa',
  description: 'Roses',
};

describe('stripe processor', () => {
  it('creates and confirms a PaymentIntent with the idempotency key and secret key', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const sut = createStripeProcessor({
      secretKey: 'sk_test_x',
      fetch: fakeFetch(200, { id: 'pi_1', status: 'succeeded' }, seen),
    });
    expect(await sut.charge(request)).toEqual({ chargeId: 'pi_1', status: 'succeeded' });
    expect(seen.url).toBe('https://api.stripe.com/v1/payment_intents');
    const headers = seen.init?.headers as Record<string, string>;
    expect(headers['idempotency-key']).toBe('ord_1');
    expect(headers.authorization).toBe('Bearer sk_test_x');
    const form = new URLSearchParams(String(seen.init?.body));
    expect(Object.fromEntries(form)).toMatchObject({
      amount: '4999',
      currency: 'usd',
      confirm: 'true',
      'payment_method_data[card][token]': 'tok_visa',
    });
    expect(seen.init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('labels each intent with its key and finds it again by search (a call whose answer was lost)', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const created = createStripeProcessor({
      secretKey: 'sk_test_x',
      fetch: fakeFetch(200, { id: 'pi_1', status: 'succeeded' }, seen),
    });
    await created.charge(request);
    expect(new URLSearchParams(String(seen.init?.body)).get('metadata[concierge_key]')).toBe('ord_1');
    const found = createStripeProcessor({
      secretKey: 'sk_test_x',
      fetch: fakeFetch(200, { object: 'search_result', data: [{ id: 'pi_1', status: 'succeeded' }] }, seen),
    });
    expect(await found.findCharge?.("ord_'1")).toEqual({ chargeId: 'pi_1', status: 'succeeded' });
    const url = new URL(seen.url!);
    expect(url.pathname).toBe('/v1/payment_intents/search');
    expect(url.searchParams.get('query')).toBe("metadata['concierge_key']:'ord_\\'1'");
    expect(seen.init?.method).toBe('GET');
    const none = createStripeProcessor({ secretKey: 'sk', fetch: fakeFetch(200, { data: [] }) });
    expect(await none.findCharge?.('ord_2')).toBeUndefined();
    const down = createStripeProcessor({
      secretKey: 'sk',
      fetch: fakeFetch(503, { error: { message: 'no' } }),
    });
    await expect(down.findCharge?.('ord_3')).rejects.toMatchObject({ transient: true });
  });

  it('maps a card error (402) to a decline with its code', async () => {
    const body = {
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        payment_intent: { id: 'pi_2' },
      },
    };
    const sut = createStripeProcessor({ secretKey: 'sk', fetch: fakeFetch(402, body) });
    expect(await sut.charge(request)).toEqual({
      chargeId: 'pi_2',
      status: 'declined',
      declineCode: 'insufficient_funds',
    });
  });

  it.each([
    [500, true],
    [429, true],
    [409, true],
    [400, false],
  ])('maps HTTP %i to a PaymentError, transient: %s', async (status, transient) => {
    const sut = createStripeProcessor({
      secretKey: 'sk',
      fetch: fakeFetch(status, { error: { message: 'no' } }),
    });
    await expect(sut.charge(request)).rejects.toMatchObject({ name: 'PaymentError', transient });
  });

  it('treats an unreachable or slow Stripe as transient', async () => {
    const hang = ((_: string, init: RequestInit) =>
      new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      )) as unknown as typeof fetch;
    const sut = createStripeProcessor({ secretKey: 'sk', timeoutMs: 20, fetch: hang });
    await expect(sut.charge(request)).rejects.toMatchObject({ transient: true, code: 'network_error' });
  });
});

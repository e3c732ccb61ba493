// The sandbox behaves like a card processor: test tokens, idempotency keys, hangs and outages.
import { createSqliteStore } from '@concierge/platform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaymentError } from './payment.port.js';
import { createSandboxProcessor, type SandboxProcessor } from './sandbox.processor.js';
import { withTimeout } from './with-timeout.js';

let sut: SandboxProcessor;
let close: () => Promise<void>;

beforeEach(async () => {
  const store = createSqliteStore({ file: ':memory:' });
  sut = createSandboxProcessor({ store, hangMs: 5_000 });
  await store.migrate(sut.migrations);
  close = () => store.close();
});
afterEach(() => close());

const charge = (token: string, key = `key_${token}`, amount = 4999) =>
  sut.charge({ idempotencyKey: key, amount, currency: 'USD', token, description: 'Roses' });

describe('sandbox processor', () => {
  it('charges tok_visa', async () => {
    expect(await charge('tok_visa')).toEqual({
      chargeId: expect.stringMatching(/^ch_sandbox_/),
      status: 'succeeded',
    });
  });

  it.each([
    ['tok_chargeDeclined', 'card_declined'],
    ['tok_insufficientFunds', 'insufficient_funds'],
    ['tok_stolenCard', 'stolen_card'],
  ])('declines %s with %s', async (token, declineCode) => {
    expect(await charge(token)).toMatchObject({ status: 'declined', declineCode });
  });

  it('never charges one key twice: a repeat answers the first result', async () => {
    const first = await charge('tok_visa', 'ord_1');
    expect(await charge('tok_visa', 'ord_1')).toEqual(first);
    expect(await Promise.all([1, 2, 3].map(() => charge('tok_visa', 'ord_2')))).toSatisfy(
      (all: { chargeId: string }[]) => new Set(all.map((c) => c.chargeId)).size === 1,
    );
    const ledger = await sut.ledger.all();
    expect(ledger.map((c) => [c.idempotency_key, c.requests])).toEqual([
      ['ord_1', 2],
      ['ord_2', 3],
    ]);
  });

  it('refuses a key reused with another amount, permanently', async () => {
    await charge('tok_visa', 'ord_1', 100);
    await expect(charge('tok_visa', 'ord_1', 200)).rejects.toMatchObject({
      transient: false,
      code: 'idempotency_key_reused',
    });
  });

  it('fails tok_retry transiently once per key, then succeeds', async () => {
    await expect(charge('tok_retry', 'ord_1')).rejects.toMatchObject({
      transient: true,
      code: 'processing_error',
    });
    expect(await charge('tok_retry', 'ord_1')).toMatchObject({ status: 'succeeded' });
  });

  it('hangs on tok_timeout until the caller gives up, charging nothing', async () => {
    const started = Date.now();
    const attempt = withTimeout(50, (options) =>
      sut.charge(
        { idempotencyKey: 'k', amount: 1, currency: 'USD', token: 'tok_timeout', description: '' },
        options,
      ),
    );
    await expect(attempt).rejects.toMatchObject({ transient: true, code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await sut.ledger.all()).toEqual([]);
  });

  it('fails every call during an outage, transiently, and recovers', async () => {
    sut.setOutage(true);
    const error = await charge('tok_visa').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentError);
    expect(error).toMatchObject({ transient: true, code: 'service_unavailable' });
    sut.setOutage(false);
    expect(await charge('tok_visa')).toMatchObject({ status: 'succeeded' });
  });

  it('refuses unknown tokens permanently and refunds succeeded charges', async () => {
    await expect(charge('tok_bogus')).rejects.toMatchObject({ transient: false, code: 'resource_missing' });
    const { chargeId } = await charge('tok_visa');
    await sut.refund?.(chargeId);
    expect((await sut.ledger.byChargeId(chargeId))?.refunded_at).not.toBeNull();
  });
});

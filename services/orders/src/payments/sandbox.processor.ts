// A card processor for development and tests that behaves like a real one: declines, retries, hangs, outages.
import { randomBytes } from 'node:crypto';
import type { SqlStore } from '@concierge/platform';
import {
  type CallOptions,
  type ChargeRequest,
  type ChargeResult,
  PaymentError,
  type PaymentProcessor,
} from './payment.port.js';
import { cardBehaviour } from './sandbox.cards.js';
import { SandboxLedger } from './sandbox.ledger.js';
import { sandboxMigrations } from './sandbox.tables.js';

export interface SandboxOptions {
  store: SqlStore;
  /** Added to every call, to look like a network hop. */
  latencyMs?: number;
  /** How long `tok_timeout` hangs when the caller gives no abort signal. */
  hangMs?: number;
  now?: () => Date;
}

export interface SandboxProcessor extends PaymentProcessor {
  migrations: typeof sandboxMigrations;
  /** While on, every call fails like a processor answering 503. */
  setOutage(on: boolean): void;
  ledger: SandboxLedger;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => {
      clearTimeout(timer);
      reject(new PaymentError('the payment call was aborted', true, 'timeout'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    if (signal?.aborted) aborted();
    else signal?.addEventListener('abort', aborted, { once: true });
  });
}

/**
 * The sandbox over its own `payments_sandbox_charge` table; tokens: see sandbox.cards.ts.
 * @example
 * const payments = createSandboxProcessor({ store });
 * await store.migrate(payments.migrations);
 * await payments.charge({ idempotencyKey: 'ord_1', amount: 4999, currency: 'USD', token: 'tok_visa', description: 'Roses' });
 */
export function createSandboxProcessor(options: SandboxOptions): SandboxProcessor {
  const ledger = new SandboxLedger(options.store, options.now ?? (() => new Date()));
  let outage = false;

  async function charge(request: ChargeRequest, call: CallOptions = {}): Promise<ChargeResult> {
    await pause(options.latencyMs ?? 0, call.signal);
    if (outage)
      throw new PaymentError('the payment processor is unavailable (503)', true, 'service_unavailable');
    const known = await ledger.find(request);
    if (known) return known;
    const card = cardBehaviour(request.token);
    if (!card) throw new PaymentError(`no such token: ${request.token}`, false, 'resource_missing');
    if (card.kind === 'hang') {
      await pause(options.hangMs ?? 60_000, call.signal);
      throw new PaymentError('the payment processor did not answer', true, 'timeout');
    }
    if (card.kind === 'fail_once' && (await ledger.firstFailure(request.idempotencyKey)))
      throw new PaymentError('the processor hit a temporary error; retry', true, 'processing_error');
    const chargeId = `ch_sandbox_${randomBytes(9).toString('base64url')}`;
    const declineCode = card.kind === 'decline' ? card.code : undefined;
    return ledger.record(request, chargeId, declineCode);
  }

  return {
    migrations: sandboxMigrations,
    ledger,
    setOutage(on) {
      outage = on;
    },
    charge,
    async refund(chargeId, call = {}) {
      await pause(options.latencyMs ?? 0, call.signal);
      if (outage)
        throw new PaymentError('the payment processor is unavailable (503)', true, 'service_unavailable');
      await ledger.refund(chargeId);
    },
    async findCharge(idempotencyKey, call = {}) {
      await pause(options.latencyMs ?? 0, call.signal);
      if (outage)
        throw new PaymentError('the payment processor is unavailable (503)', true, 'service_unavailable');
      return ledger.byKey(idempotencyKey);
    },
  };
}

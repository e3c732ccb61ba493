// The sandbox's charges by idempotency key: the first result per key wins, across processes.
import { precompile, type SqlStore } from '@concierge/platform';
import { type ChargeRequest, type ChargeResult, PaymentError } from './payment.port.js';
import type { SandboxChargeTable, SandboxDb } from './sandbox.tables.js';

function toResult(row: SandboxChargeTable): ChargeResult {
  return row.decline_code
    ? { chargeId: row.charge_id, status: 'declined', declineCode: row.decline_code }
    : { chargeId: row.charge_id, status: 'succeeded' };
}

const chargeColumns = [
  'idempotency_key',
  'charge_id',
  'amount',
  'currency',
  'token',
  'description',
  'status',
  'decline_code',
  'created_at',
] as const;

export class SandboxLedger {
  private readonly db: SandboxDb;
  // Every charge runs both (the look-up first, then the insert): compiled once.
  private readonly bump;
  private readonly insert;

  constructor(
    store: SqlStore,
    private readonly now: () => Date,
  ) {
    const db = store.db as SandboxDb;
    this.db = db;
    this.bump = precompile(['idempotency_key'], (p) =>
      db
        .updateTable('payments_sandbox_charge')
        .set((eb) => ({ requests: eb('requests', '+', 1) }))
        .where('idempotency_key', '=', p.idempotency_key)
        .returningAll(),
    );
    this.insert = precompile(chargeColumns, (p) =>
      db
        .insertInto('payments_sandbox_charge')
        .values({ ...p, requests: 1, refunded_at: null })
        .onConflict((oc) => oc.column('idempotency_key').doNothing()),
    );
  }

  /** The first result for this key; a key reused with other parameters is refused, as real processors do. */
  async find(request: ChargeRequest): Promise<ChargeResult | undefined> {
    const bumped = (await this.db.executeQuery(this.bump({ idempotency_key: request.idempotencyKey })))
      .rows[0];
    if (!bumped) return undefined;
    const same =
      Number(bumped.amount) === request.amount &&
      bumped.currency === request.currency &&
      bumped.token === request.token;
    if (!same)
      throw new PaymentError(
        'the idempotency key was used with other parameters',
        false,
        'idempotency_key_reused',
      );
    return toResult(bumped);
  }

  /** The charge made under `key`, without counting a request. */
  async byKey(key: string): Promise<ChargeResult | undefined> {
    const row = await this.db
      .selectFrom('payments_sandbox_charge')
      .selectAll()
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row && toResult(row);
  }

  /** Records the charge unless a concurrent call with the same key got there first; answers the winner. */
  async record(
    request: ChargeRequest,
    chargeId: string,
    declineCode: string | undefined,
  ): Promise<ChargeResult> {
    const inserted = await this.db.executeQuery(
      this.insert({
        idempotency_key: request.idempotencyKey,
        charge_id: chargeId,
        amount: request.amount,
        currency: request.currency,
        token: request.token,
        description: request.description,
        status: declineCode ? 'declined' : 'succeeded',
        decline_code: declineCode ?? null,
        created_at: this.now().toISOString(),
      }),
    );
    if (Number(inserted.numAffectedRows ?? 0) > 0)
      return declineCode ? { chargeId, status: 'declined', declineCode } : { chargeId, status: 'succeeded' };
    const winner = await this.find(request);
    if (!winner) throw new PaymentError('the charge vanished while recording it', true, 'processing_error');
    return winner;
  }

  /** True the first time a key asks (its one transient failure is due), false ever after. */
  async firstFailure(key: string): Promise<boolean> {
    const result = await this.db
      .insertInto('payments_sandbox_transient')
      .values({ idempotency_key: key, failed_at: this.now().toISOString() })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async refund(chargeId: string): Promise<void> {
    const result = await this.db
      .updateTable('payments_sandbox_charge')
      .set({ refunded_at: this.now().toISOString() })
      .where('charge_id', '=', chargeId)
      .where('status', '=', 'succeeded')
      .where('refunded_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0 && !(await this.byChargeId(chargeId)))
      throw new PaymentError(`no such charge: ${chargeId}`, false, 'resource_missing');
  }

  byChargeId(chargeId: string): Promise<SandboxChargeTable | undefined> {
    return this.db
      .selectFrom('payments_sandbox_charge')
      .selectAll()
      .where('charge_id', '=', chargeId)
      .executeTakeFirst();
  }

  /** Every charge, for tests and the reliability report. */
  all(): Promise<SandboxChargeTable[]> {
    return this.db.selectFrom('payments_sandbox_charge').selectAll().execute();
  }
}

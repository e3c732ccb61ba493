// Payment port: charge a card token once per idempotency key; declines are answers, outages are errors.

export interface ChargeRequest {
  /** The same key never charges twice: a repeat answers the first result. */
  idempotencyKey: string;
  /** Minor units (cents). */
  amount: number;
  currency: string;
  /** The provider's card token (never card data). */
  token: string;
  description: string;
}

export interface ChargeResult {
  chargeId: string;
  status: 'succeeded' | 'declined';
  /** Why a declined charge was declined, e.g. `insufficient_funds`. */
  declineCode?: string;
}

export interface CallOptions {
  /** Aborts the call; the processor rejects with a transient PaymentError. */
  signal?: AbortSignal;
}

export interface PaymentProcessor {
  charge(request: ChargeRequest, options?: CallOptions): Promise<ChargeResult>;
  /** Gives a succeeded charge back (an order cancelled while it was being paid). */
  refund?(chargeId: string, options?: CallOptions): Promise<void>;
  /**
   * The charge an earlier call with this idempotency key made, if any: for a call whose answer was lost
   * (a timeout) on an order cancelled before the retry, which must be refunded rather than forgotten.
   */
  findCharge?(idempotencyKey: string, options?: CallOptions): Promise<ChargeResult | undefined>;
}

/**
 * A call that did not produce an answer. `transient` ones (timeouts, outages, 5xx, rate limits) are
 * worth retrying with the same idempotency key; the others (bad request, key reused with other
 * parameters) never succeed on retry.
 */
export class PaymentError extends Error {
  override readonly name = 'PaymentError';
  constructor(
    message: string,
    readonly transient: boolean,
    readonly code: string,
  ) {
    super(message);
  }
}

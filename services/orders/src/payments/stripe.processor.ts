// The real-processor adapter: Stripe PaymentIntents over fetch, with Idempotency-Key, timeout and error mapping.
import {
  type CallOptions,
  type ChargeRequest,
  type ChargeResult,
  PaymentError,
  type PaymentProcessor,
} from './payment.port.js';

export interface StripeOptions {
  /** A secret key (`sk_live_...` / `sk_test_...`), handed in by the composition root. */
  secretKey: string;
  /** Each call aborts after this long unless the caller's signal fires first. */
  timeoutMs?: number;
  baseUrl?: string;
  fetch?: typeof fetch;
}

interface StripeError {
  error?: {
    type?: string;
    code?: string;
    decline_code?: string;
    message?: string;
    payment_intent?: { id?: string };
  };
}

interface PaymentIntent {
  id: string;
  status: string;
}

function mapFailure(status: number, body: StripeError): PaymentError | ChargeResult {
  const error = body.error ?? {};
  if (status === 402 && error.type === 'card_error')
    return {
      chargeId: error.payment_intent?.id ?? 'unknown',
      status: 'declined',
      declineCode: error.decline_code ?? error.code ?? 'card_declined',
    };
  // 409: a concurrent request with the same key is still running; 429: rate limited; 5xx: Stripe's side.
  const transient = status === 409 || status === 429 || status >= 500;
  return new PaymentError(
    error.message ?? `Stripe answered ${status}`,
    transient,
    error.code ?? `http_${status}`,
  );
}

/**
 * Charges by creating and confirming a PaymentIntent from a card token in one request.
 * @example
 * const payments = createStripeProcessor({ secretKey: config.stripe.secretKey, timeoutMs: 10_000 });
 */
export function createStripeProcessor(options: StripeOptions): PaymentProcessor {
  const base = options.baseUrl ?? 'https://api.stripe.com';
  const doFetch = options.fetch ?? fetch;

  /** One call to Stripe with the secret key and a deadline; an answer, a mapped failure or a PaymentError. */
  async function send<T>(
    path: string,
    init: { method: 'GET' } | { method: 'POST'; form: Record<string, string>; key: string },
    call: CallOptions,
  ): Promise<T | PaymentError | ChargeResult> {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 10_000);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    const headers: Record<string, string> = { authorization: `Bearer ${options.secretKey}` };
    if (init.method === 'POST') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['idempotency-key'] = init.key;
    }
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method: init.method,
        headers,
        ...(init.method === 'POST' ? { body: new URLSearchParams(init.form) } : {}),
        signal,
      });
    } catch (error) {
      // Network failure or timeout: the request may or may not have reached Stripe; retrying with the same key is safe.
      return new PaymentError(`Stripe unreachable: ${String(error)}`, true, 'network_error');
    }
    const body = (await response.json().catch(() => ({}))) as T & StripeError;
    return response.ok ? body : mapFailure(response.status, body);
  }

  const post = <T>(path: string, form: Record<string, string>, key: string, call: CallOptions) =>
    send<T>(path, { method: 'POST', form, key }, call);
  const get = <T>(path: string, call: CallOptions) => send<T>(path, { method: 'GET' }, call);

  return {
    async charge(request: ChargeRequest, call: CallOptions = {}): Promise<ChargeResult> {
      const answer = await post<PaymentIntent>(
        '/v1/payment_intents',
        {
          amount: String(request.amount),
          currency: request.currency.toLowerCase(),
          description: request.description,
          confirm: 'true',
          'payment_method_data[type]': 'card',
          'payment_method_data[card][token]': request.token,
          'automatic_payment_methods[enabled]': 'true',
          'automatic_payment_methods[allow_redirects]': 'never',
          // Lets `findCharge` find the intent of a call whose answer was lost.
          'metadata[concierge_key]': request.idempotencyKey,
        },
        request.idempotencyKey,
        call,
      );
      if (answer instanceof PaymentError) throw answer;
      if ('chargeId' in answer) return answer;
      if (answer.status === 'succeeded') return { chargeId: answer.id, status: 'succeeded' };
      if (answer.status === 'requires_action' || answer.status === 'requires_payment_method')
        return { chargeId: answer.id, status: 'declined', declineCode: 'authentication_required' };
      throw new PaymentError(`payment intent ${answer.id} is ${answer.status}`, true, answer.status);
    },
    async refund(chargeId, call = {}) {
      const answer = await post('/v1/refunds', { payment_intent: chargeId }, `refund_${chargeId}`, call);
      if (answer instanceof PaymentError) throw answer;
    },
    // Stripe's search API; Stripe documents it as eventually consistent (new intents can take up to a
    // minute to appear), so the caller looks again on its next attempt, as the worker's retries do.
    async findCharge(idempotencyKey, call = {}) {
      const query = `metadata['concierge_key']:'${idempotencyKey.replace(/'/g, "\\'")}'`;
      const answer = await get<{ data?: PaymentIntent[] }>(
        `/v1/payment_intents/search?${new URLSearchParams({ query, limit: '1' })}`,
        call,
      );
      if (answer instanceof PaymentError) throw answer;
      const intent = 'data' in answer ? answer.data?.[0] : undefined;
      if (!intent) return undefined;
      return intent.status === 'succeeded'
        ? { chargeId: intent.id, status: 'succeeded' }
        : { chargeId: intent.id, status: 'declined', declineCode: intent.status };
    },
  };
}

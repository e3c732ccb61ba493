// The sandbox's test card tokens, named as Stripe names its test tokens, and what each one does.

export type CardBehaviour =
  | { kind: 'succeed' }
  | { kind: 'decline'; code: string }
  | { kind: 'fail_once' }
  | { kind: 'hang' };

const behaviours: Record<string, CardBehaviour> = {
  tok_visa: { kind: 'succeed' },
  tok_mastercard: { kind: 'succeed' },
  tok_amex: { kind: 'succeed' },
  tok_chargeDeclined: { kind: 'decline', code: 'card_declined' },
  tok_insufficientFunds: { kind: 'decline', code: 'insufficient_funds' },
  tok_stolenCard: { kind: 'decline', code: 'stolen_card' },
  tok_retry: { kind: 'fail_once' },
  tok_timeout: { kind: 'hang' },
};

/** Undefined for a token the sandbox does not know (a real processor answers 400 `resource_missing`). */
export function cardBehaviour(token: string): CardBehaviour | undefined {
  return behaviours[token];
}

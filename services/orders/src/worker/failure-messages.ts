// What a customer is told when an order fails; stolen-card declines read as plain declines, as processors advise.

const declines: Record<string, string> = {
  insufficient_funds: 'The card has insufficient funds.',
  expired_card: 'The card has expired.',
};

export function declineMessage(code: string | undefined): string {
  return (code && declines[code]) ?? 'The card was declined.';
}

export const outOfStockMessage = 'The product sold out before the order could be reserved.';
export const unavailableMessage = 'The product is no longer sold.';
export const paymentErrorMessage = 'The payment could not be processed.';

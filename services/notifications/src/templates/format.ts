// Formatting shared by the templates: money in minor units, and the HTML page around a message.
import type { Money } from '../events/event-data.types.js';

/** 4999 USD → "$49.99"; an unknown currency code still formats as "ABC 49.99". */
// One formatter per currency: constructing Intl formatters is the expensive part.
const currencyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(money: Money): string {
  try {
    let format = currencyFormats.get(money.currency);
    if (!format) {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency: money.currency });
      currencyFormats.set(money.currency, format);
    }
    return format.format(money.amount / 100);
  } catch {
    return `${money.currency} ${(money.amount / 100).toFixed(2)}`;
  }
}

/** Wraps an already escaped body in a minimal e-mail page. */
export function page(escapedBody: string): string {
  return `<!doctype html><html><body style="font-family:sans-serif">${escapedBody}<p style="color:#777">Concierge</p></body></html>`;
}

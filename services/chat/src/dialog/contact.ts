// E-mail and phone answers: the builtins found them; phones become E.164, as the event contract wants.

// One normaliser for the contract's phone format, shared with the web app's checkout.
export { toE164 } from '@concierge/sdk/phone';

const emailPattern = /^[^\s@]{1,64}@[^\s@]+\.[a-z]{2,}$/i;

export function isEmail(email: string): boolean {
  return email.length <= 254 && emailPattern.test(email);
}

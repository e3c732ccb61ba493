// E-mail and phone answers: the builtins found them; phones become E.164, as the event contract wants.

/** `+12125550199` from the digits the engine found; undefined when it cannot be a dialable number. */
export function toE164(phone: string): string | undefined {
  const digits = phone.replace(/[^\d]/g, '');
  if (phone.startsWith('+')) return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : undefined;
  // Without a country code the concierge assumes North America, where its restaurants are.
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return undefined;
}

const emailPattern = /^[^\s@]{1,64}@[^\s@]+\.[a-z]{2,}$/i;

export function isEmail(email: string): boolean {
  return email.length <= 254 && emailPattern.test(email);
}

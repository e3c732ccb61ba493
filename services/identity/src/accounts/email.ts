// E-mail addresses: one normalized form for lookups, a masked form for answers.

const shape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trimmed and lower-cased (providers treat addresses case-insensitively in practice); null when malformed. */
export function normalizeEmail(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const email = value.trim().toLowerCase();
  return email.length <= 254 && shape.test(email) ? email : null;
}

/** `john@example.com` → `j***@e***.com`, as Cognito's CodeDeliveryDetails show it. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const dot = domain.lastIndexOf('.');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***${domain.slice(dot)}`;
}

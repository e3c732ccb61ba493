// Destinations as the delivery log shows them: enough to recognise, not enough to harvest.
import type { DeliveryChannel } from '../notifications.tables.js';

export function maskDestination(channel: DeliveryChannel, recipient: string): string {
  if (channel === 'email') {
    const at = recipient.lastIndexOf('@');
    return at <= 0 ? '***' : `${recipient[0]}***${recipient.slice(at)}`;
  }
  if (channel === 'sms')
    return `${recipient.slice(0, 2)}${'*'.repeat(Math.max(0, recipient.length - 6))}${recipient.slice(-4)}`;
  try {
    return `${new URL(recipient).origin}/***`;
  } catch {
    return '***';
  }
}

// Sandbox SMS provider: records what a real one would deliver, and fails the way real ones do on request.
import { AppError, prefixedId } from '@concierge/platform';
import type { SmsMessage, SmsProvider, SmsReceipt } from './sms-provider.port.js';
import { type SmsEncoding, smsSegments } from './sms-segments.js';

export interface SandboxSms extends SmsMessage {
  messageId: string;
  encoding: SmsEncoding;
  parts: string[];
  sentAt: Date;
}

/** Numbers the sandbox treats as unreachable (a permanent rejection, like SNS for an opted-out number). */
export const sandboxRejectedNumber = '+15005550001';

export interface SandboxSmsProvider extends SmsProvider {
  readonly sent: SandboxSms[];
  /** While on, every send fails as an outage (SMS_UNAVAILABLE), so callers retry. */
  setOutage(on: boolean): void;
  /** The next `count` sends fail as an outage, then sending works again. */
  failNext(count: number): void;
}

/**
 * @example
 * const sms = createSandboxSmsProvider();
 * await sms.send({ to: '+12175550123', text: 'hi' });
 * sms.sent[0].parts; // ['hi']
 */
export function createSandboxSmsProvider(): SandboxSmsProvider {
  const sent: SandboxSms[] = [];
  let outage = false;
  let failures = 0;
  return {
    sent,
    setOutage(on) {
      outage = on;
    },
    failNext(count) {
      failures = count;
    },
    async send(message): Promise<SmsReceipt> {
      if (outage || failures > 0) {
        failures = Math.max(0, failures - 1);
        throw new AppError('unavailable', 'The SMS provider is unavailable', { code: 'SMS_UNAVAILABLE' });
      }
      if (!/^\+[1-9]\d{6,14}$/.test(message.to) || message.to === sandboxRejectedNumber)
        throw new AppError('invalid', `The SMS provider rejected ${message.to}`, { code: 'SMS_REJECTED' });
      const { encoding, parts } = smsSegments(message.text);
      const messageId = prefixedId('sms');
      sent.push({ ...message, messageId, encoding, parts, sentAt: new Date() });
      return { messageId, segments: parts.length };
    },
  };
}

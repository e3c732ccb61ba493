// SMS port: send one text to one E.164 number; adapters are the sandbox and real providers (SNS).

export interface SmsMessage {
  /** E.164, e.g. `+12175550123`. */
  to: string;
  text: string;
}

export interface SmsReceipt {
  messageId: string;
  /** How many billed parts the provider split the text into. */
  segments: number;
}

/**
 * Providers throw AppError: `invalid` (code SMS_REJECTED) when retrying cannot help (bad number,
 * opted out), `unavailable` (code SMS_UNAVAILABLE) for outages, throttling and timeouts.
 */
export interface SmsProvider {
  send(message: SmsMessage): Promise<SmsReceipt>;
}

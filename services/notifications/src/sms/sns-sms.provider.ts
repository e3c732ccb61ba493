// Amazon SNS adapter of the SMS port: a SigV4-signed `Publish` over fetch, with a timeout and error mapping.
import { AppError } from '@concierge/platform';
import { type AwsCredentials, signRequest } from './sigv4-signer.js';
import type { SmsMessage, SmsProvider, SmsReceipt } from './sms-provider.port.js';
import { smsSegments } from './sms-segments.js';

export interface SnsSmsProviderOptions {
  region: string;
  credentials: AwsCredentials;
  /** Shown as the sender where carriers allow it (AWS.SNS.SMS.SenderID). */
  senderId?: string;
  timeoutMs?: number;
  /** Another endpoint (a VPC endpoint, or a local stand-in). */
  endpoint?: string;
  fetch?: typeof fetch;
}

// SNS error codes that retrying cannot fix; everything else (throttling, 5xx, network) is transient.
const permanentCodes = new Set([
  'InvalidParameter',
  'InvalidParameterValue',
  'OptedOut',
  'AuthorizationError',
]);

const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

/**
 * Publishes transactional SMS through SNS's query API.
 * @example
 * const sms = createSnsSmsProvider({ region: 'us-east-1', credentials: { accessKeyId, secretAccessKey } });
 */
export function createSnsSmsProvider(options: SnsSmsProviderOptions): SmsProvider {
  const url = new URL(options.endpoint ?? `https://sns.${options.region}.amazonaws.com/`);
  const doFetch = options.fetch ?? fetch;
  const unavailable = (message: string, cause?: unknown) =>
    new AppError('unavailable', message, { code: 'SMS_UNAVAILABLE', cause });
  return {
    async send(message: SmsMessage): Promise<SmsReceipt> {
      const form = new URLSearchParams({
        Action: 'Publish',
        Version: '2010-03-31',
        PhoneNumber: message.to,
        Message: message.text,
        'MessageAttributes.entry.1.Name': 'AWS.SNS.SMS.SMSType',
        'MessageAttributes.entry.1.Value.DataType': 'String',
        'MessageAttributes.entry.1.Value.StringValue': 'Transactional',
      });
      if (options.senderId) {
        form.set('MessageAttributes.entry.2.Name', 'AWS.SNS.SMS.SenderID');
        form.set('MessageAttributes.entry.2.Value.DataType', 'String');
        form.set('MessageAttributes.entry.2.Value.StringValue', options.senderId);
      }
      const body = form.toString();
      const { host: _host, ...headers } = signRequest(
        { method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
        options.credentials,
        { region: options.region, service: 'sns' },
      );
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        throw unavailable('SNS did not answer in time', error);
      }
      const xml = await response.text();
      if (response.ok) {
        const messageId = tag(xml, 'MessageId');
        if (!messageId) throw unavailable('SNS answered without a MessageId');
        return { messageId, segments: smsSegments(message.text).parts.length };
      }
      const code = tag(xml, 'Code') ?? `HTTP ${response.status}`;
      if (permanentCodes.has(code))
        throw new AppError('invalid', `SNS rejected the SMS: ${code}`, { code: 'SMS_REJECTED' });
      throw unavailable(`SNS failed: ${code}`);
    },
  };
}

// Webhook channel: POSTs the event envelope, signed, to the user's URL, with a timeout and no redirects.
import { AppError } from '@concierge/platform';
import { resolvesToPrivate } from '../webhooks/private-address.js';
import { signatureHeader, signWebhook } from '../webhooks/webhook-signature.js';
import { webhookUrlProblem } from '../webhooks/webhook-url.js';
import type { ChannelSender } from './channel.js';

export interface WebhookChannelOptions {
  /** The HMAC key receivers verify with (`verifyWebhookSignature`). */
  secret: string;
  timeoutMs?: number;
  /** Lets webhooks reach loopback and private addresses (local development and tests only). */
  allowPrivateTargets?: boolean;
  now?: () => Date;
  fetch?: typeof fetch;
}

const rejected = (message: string) => new AppError('invalid', message, { code: 'WEBHOOK_REJECTED' });
const unavailable = (message: string, cause?: unknown) =>
  new AppError('unavailable', message, { code: 'WEBHOOK_UNAVAILABLE', cause });

export function webhookChannel(options: WebhookChannelOptions): ChannelSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  return {
    async send(delivery) {
      const problem = webhookUrlProblem(delivery.recipient);
      if (problem) throw rejected(`The webhook URL ${problem}`);
      const url = new URL(delivery.recipient);
      // Checked at call time too: a public name may have been pointed at an internal address since.
      if (!options.allowPrivateTargets) {
        const isPrivate = await resolvesToPrivate(url.hostname, timeoutMs).catch((error: unknown) => {
          throw unavailable(`The webhook host ${url.hostname} could not be resolved`, error);
        });
        if (isPrivate) throw rejected('The webhook URL resolves to a private address');
      }
      const body = delivery.content;
      const timestamp = Math.floor(now().getTime() / 1000);
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Concierge-Webhooks/1',
            [signatureHeader]: signWebhook(options.secret, body, timestamp),
            'concierge-event-id': delivery.event_id,
            'concierge-delivery-id': delivery.id,
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body?.cancel();
      } catch (error) {
        throw unavailable(`The webhook did not answer within ${timeoutMs} ms`, error);
      }
      if (response.ok) return;
      if (response.status === 408 || response.status === 429 || response.status >= 500)
        throw unavailable(`The webhook answered ${response.status}`);
      throw rejected(`The webhook answered ${response.status}`);
    },
  };
}

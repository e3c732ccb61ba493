// SMS channel: the stored short text through the SMS provider port.
import type { SmsProvider } from '../sms/sms-provider.port.js';
import type { SmsContent } from '../templates/message.types.js';
import type { ChannelSender } from './channel.js';

export function smsChannel(provider: SmsProvider): ChannelSender {
  return {
    async send(delivery) {
      const content = JSON.parse(delivery.content) as SmsContent;
      await provider.send({ to: delivery.recipient, text: content.text });
    },
  };
}

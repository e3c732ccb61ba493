// E-mail channel: the stored subject, text and HTML through the mail port.
import type { Mailer } from '@concierge/platform';
import type { EmailContent } from '../templates/message.types.js';
import type { ChannelSender } from './channel.js';

export function emailChannel(mailer: Mailer): ChannelSender {
  return {
    async send(delivery) {
      const content = JSON.parse(delivery.content) as EmailContent;
      await mailer.send({ to: delivery.recipient, ...content });
    },
  };
}

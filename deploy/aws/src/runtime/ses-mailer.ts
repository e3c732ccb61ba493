// Mail port over Amazon SES (API, not SMTP: no SMTP credentials to keep), every call bounded like the others.
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { AppError, type Mailer } from '@concierge/platform';

export interface SesMailerOptions {
  client: SESv2Client;
  /** An SES-verified sender, e.g. `Concierge <orders@example.com>`. */
  from: string;
}

export function createSesMailer(options: SesMailerOptions): Mailer {
  return {
    async send(message) {
      try {
        const answer = await options.client.send(
          new SendEmailCommand({
            FromEmailAddress: options.from,
            Destination: { ToAddresses: [message.to] },
            Content: {
              Simple: {
                Subject: { Data: message.subject, Charset: 'UTF-8' },
                Body: {
                  Text: { Data: message.text, Charset: 'UTF-8' },
                  ...(message.html ? { Html: { Data: message.html, Charset: 'UTF-8' } } : {}),
                },
              },
            },
          }),
        );
        return { messageId: answer.MessageId ?? '' };
      } catch (error) {
        throw new AppError('unavailable', 'The mail service did not accept the message', {
          code: 'MAIL_UNAVAILABLE',
          cause: error,
        });
      }
    },
    // Sending is the only check SES offers without extra permissions; readiness does not depend on mail here.
    async check() {},
    async close() {
      options.client.destroy();
    },
  };
}

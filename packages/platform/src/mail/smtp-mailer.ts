// SMTP adapter of the mail port through nodemailer, with every network wait bounded.
import nodemailer from 'nodemailer';
import { AppError } from '../errors/app-error.js';
import type { Mailer, MailMessage } from '../ports/mailer.js';

export interface SmtpMailerOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** The `From` header, e.g. `Concierge <no-reply@example.com>`. */
  from: string;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
  /** Accept self-signed certificates (a local test server); never for production. */
  allowInvalidCertificates?: boolean;
}

/**
 * Sends mail over SMTP; a transport failure becomes a 503 `MAIL_UNAVAILABLE`.
 * @example const mailer = createSmtpMailer({ host: 'localhost', port: 1025, from: 'Concierge <no-reply@localhost>' });
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    ...(options.auth ? { auth: options.auth } : {}),
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    greetingTimeout: options.greetingTimeoutMs ?? 10_000,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
    tls: { rejectUnauthorized: !options.allowInvalidCertificates },
  });
  return {
    async send(message: MailMessage) {
      try {
        const info = await transport.sendMail({ from: options.from, ...message });
        return { messageId: info.messageId };
      } catch (error) {
        throw new AppError('unavailable', 'The mail server did not accept the message', {
          code: 'MAIL_UNAVAILABLE',
          cause: error,
        });
      }
    },
    async check() {
      await transport.verify();
    },
    async close() {
      transport.close();
    },
  };
}

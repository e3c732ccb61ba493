// Mail port: send one message; adapters are SMTP (nodemailer) and a file outbox for the embedded mode.

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface MailReceipt {
  messageId: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<MailReceipt>;
  /** Throws when the mail transport cannot be reached (used by `/readyz`). */
  check(): Promise<void>;
  close(): Promise<void>;
}

// A real SMTP server in the test process that keeps every delivered message, parsed.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | undefined;
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  host: string;
  port: number;
  messages: ReceivedMail[];
  /** Resolves with the oldest message to `to` (or anyone) not yet returned, waiting up to `timeoutMs`. */
  waitFor(to?: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export interface TestSmtpServerOptions {
  /** Require this user and password (AUTH PLAIN/LOGIN). */
  auth?: { user: string; pass: string };
}

/**
 * Listens on 127.0.0.1 on a free port without TLS.
 * @example const smtp = await startTestSmtpServer(); const mail = await smtp.waitFor('a@example.com');
 */
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  // A message handed to one waitFor is not handed to the next, so tests can wait for mail in sequence.
  const taken = new WeakSet<ReceivedMail>();
  const waiters: Array<{ to: string | undefined; resolve: (m: ReceivedMail) => void }> = [];
  const matches = (mail: ReceivedMail, to: string | undefined) =>
    to === undefined || mail.to.includes(to.toLowerCase());
  const server = new SMTPServer({
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    logger: false,
    onAuth(auth, _session, callback) {
      const good = auth.username === options.auth?.user && auth.password === options.auth?.pass;
      callback(good ? null : new Error('invalid credentials'), good ? { user: auth.username } : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : undefined,
            parsed,
          };
          messages.push(mail);
          const waiter = waiters.find((w) => matches(mail, w.to));
          if (waiter) {
            waiters.splice(waiters.indexOf(waiter), 1);
            taken.add(mail);
            waiter.resolve(mail);
          }
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    messages,
    waitFor(to, timeoutMs = 5000) {
      const waiting = messages.find((m) => matches(m, to) && !taken.has(m));
      if (waiting) {
        taken.add(waiting);
        return Promise.resolve(waiting);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no mail for ${to ?? 'anyone'} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          to,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

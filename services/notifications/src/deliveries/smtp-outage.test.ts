// An SMTP outage delays e-mail but loses none, and never fails the event that caused it.
import { createSmtpMailer, type Mailer } from '@concierge/platform';
import { eventually, startTestSmtpServer } from '@concierge/platform/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  envelope,
  type OpenNotifications,
  openNotifications,
  orderConfirmed,
} from '../testing/notifications.fixture.js';

let open: OpenNotifications | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

/** A mail port whose server can be swapped, as an operator would repoint it after an outage. */
function switchableMailer(first: Mailer) {
  let current = first;
  const mailer: Mailer = {
    send: (m) => current.send(m),
    check: () => current.check(),
    close: () => current.close(),
  };
  return { mailer, use: (next: Mailer) => (current = next) };
}

const deadServer = async () => {
  const smtp = await startTestSmtpServer();
  await smtp.close();
  return createSmtpMailer({
    host: smtp.host,
    port: smtp.port,
    from: 'no-reply@concierge.test',
    connectionTimeoutMs: 500,
  });
};

const row = (o: OpenNotifications) =>
  o.store.db.selectFrom('notifications_delivery').selectAll().executeTakeFirstOrThrow();

describe('SMTP outage', () => {
  it('retries with backoff and delivers once the server is back; the event is consumed at once', async () => {
    const { mailer, use } = switchableMailer(await deadServer());
    open = await openNotifications({
      mailer,
      operatorEmail: undefined,
      retry: { maxAttempts: 30, baseDelayMs: 30, maxDelayMs: 150 },
    });
    await expect(open.events.publish(envelope('order.confirmed', orderConfirmed))).resolves.toBeUndefined();
    await eventually(async () => expect((await row(open!)).attempts).toBeGreaterThanOrEqual(2));
    expect(await row(open)).toMatchObject({
      status: 'failed',
      last_error: 'The mail server did not accept the message',
    });
    const listed = await call(open.sut, 'listDeliveries');
    expect(listed.body).toMatchObject({ items: [{ status: 'pending', error: expect.any(String) }] });

    const revived = await startTestSmtpServer();
    use(createSmtpMailer({ host: revived.host, port: revived.port, from: 'no-reply@concierge.test' }));
    const mail = await revived.waitFor('ann@example.com', 10_000);
    expect(mail.text).toContain('CNC-7Q2X-9KD4');
    await eventually(async () => expect((await row(open!)).status).toBe('sent'));
    expect(revived.messages).toHaveLength(1);
    await revived.close();
  });

  it('gives up after the last attempt: dead row, dead letter, "failed" in the log', async () => {
    open = await openNotifications({ mailer: await deadServer(), operatorEmail: undefined });
    await open.events.publish(envelope('order.confirmed', orderConfirmed));
    await eventually(
      async () => expect(await open!.queue.deadLetters.count('notifications.deliver')).toBe(1),
      {
        timeoutMs: 10_000,
      },
    );
    expect(await row(open)).toMatchObject({ status: 'dead', attempts: 4 });
    const listed = await call(open.sut, 'listDeliveries');
    expect(listed.body).toMatchObject({ items: [{ status: 'failed', attempts: 4 }] });
  });
});

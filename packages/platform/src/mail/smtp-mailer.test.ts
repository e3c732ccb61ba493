import { afterEach, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '../testing/smtp-server.js';
import { createSmtpMailer } from './smtp-mailer.js';

describe('createSmtpMailer', () => {
  let smtp: TestSmtpServer | undefined;
  afterEach(async () => smtp?.close());

  it('delivers text and html to a real SMTP server', async () => {
    smtp = await startTestSmtpServer();
    const sut = createSmtpMailer({
      host: smtp.host,
      port: smtp.port,
      from: 'Concierge <no-reply@example.com>',
    });
    const receipt = await sut.send({
      to: 'Ann@Example.com',
      subject: 'Your code',
      text: 'Code: 123456',
      html: '<p>Code: <b>123456</b></p>',
    });
    const mail = await smtp.waitFor('ann@example.com');
    expect(receipt.messageId).toMatch(/@/);
    expect(mail.from).toBe('no-reply@example.com');
    expect(mail.subject).toBe('Your code');
    expect(mail.text.trim()).toBe('Code: 123456');
    expect(mail.html).toContain('<b>123456</b>');
    await sut.close();
  });

  it('authenticates when the server requires it', async () => {
    smtp = await startTestSmtpServer({ auth: { user: 'mailer', pass: 's3cret' } });
    const sut = createSmtpMailer({
      host: smtp.host,
      port: smtp.port,
      from: 'no-reply@example.com',
      auth: { user: 'mailer', pass: 's3cret' },
    });
    await sut.check();
    await sut.send({ to: 'bob@example.com', subject: 'Hi', text: 'hello' });
    expect((await smtp.waitFor('bob@example.com')).text.trim()).toBe('hello');
    await sut.close();
  });

  it('answers 503 MAIL_UNAVAILABLE when the server refuses the login', async () => {
    smtp = await startTestSmtpServer({ auth: { user: 'mailer', pass: 's3cret' } });
    const sut = createSmtpMailer({
      host: smtp.host,
      port: smtp.port,
      from: 'no-reply@example.com',
      auth: { user: 'mailer', pass: 'wrong' },
    });
    await expect(sut.send({ to: 'bob@example.com', subject: 'Hi', text: 'x' })).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'MAIL_UNAVAILABLE',
    });
    await sut.close();
  });

  it('gives up within the connection timeout when nothing answers', async () => {
    // 10.255.255.1 is a non-routable address: the TCP connect never completes.
    const sut = createSmtpMailer({
      host: '10.255.255.1',
      port: 25,
      from: 'x@example.com',
      connectionTimeoutMs: 300,
    });
    const started = Date.now();
    await expect(sut.send({ to: 'a@example.com', subject: 's', text: 't' })).rejects.toMatchObject({
      code: 'MAIL_UNAVAILABLE',
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

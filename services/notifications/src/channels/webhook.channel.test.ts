// Webhooks against a real HTTP receiver: signed, retried through failures, refused for private targets.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually } from '@concierge/platform/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../index.js';
import type { DeliveryTable } from '../notifications.tables.js';
import {
  call,
  envelope,
  type OpenNotifications,
  openNotifications,
  orderConfirmed,
  webhookSecret,
} from '../testing/notifications.fixture.js';
import { webhookChannel } from './webhook.channel.js';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Answers `statuses` in turn (then 204), recording every request. */
async function receiver(statuses: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses.shift() ?? 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let open: OpenNotifications | undefined;
let hook: Awaited<ReturnType<typeof receiver>> | undefined;
afterEach(async () => {
  await open?.close();
  await hook?.close();
  open = undefined;
});

const delivery = (recipient: string): DeliveryTable =>
  ({ id: 'dlv_1', event_id: 'evt_1', recipient, content: '{}', channel: 'webhook' }) as DeliveryTable;

describe('webhooks', () => {
  it('posts the signed envelope, retrying through two failures', async () => {
    hook = await receiver([500, 503]);
    open = await openNotifications({ operatorEmail: undefined });
    await call(open.sut, 'updatePreferences', { body: { email: false, sms: false, webhookUrl: hook.url } });
    const event = envelope('order.confirmed', orderConfirmed);
    await open.events.publish(event);
    await eventually(() => expect(hook!.received).toHaveLength(3));
    const last = hook.received[2]!;
    expect(JSON.parse(last.body)).toEqual(event);
    expect(last.headers['concierge-event-id']).toBe(event.id);
    expect(
      verifyWebhookSignature(webhookSecret, String(last.headers['concierge-signature']), last.body, 300),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        webhookSecret,
        String(last.headers['concierge-signature']),
        `${last.body} `,
        300,
      ),
    ).toBe(false);
    await eventually(async () =>
      expect((await call(open!.sut, 'listDeliveries', { query: { channel: 'webhook' } })).body).toMatchObject(
        {
          items: [
            {
              channel: 'webhook',
              status: 'sent',
              attempts: 3,
              destination: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/\*\*\*$/),
            },
          ],
        },
      ),
    );
  });

  it('gives up at once on a 4xx other than 408/429', async () => {
    hook = await receiver([410]);
    const sut = webhookChannel({ secret: 's', allowPrivateTargets: true });
    await expect(sut.send(delivery(hook.url))).rejects.toMatchObject({
      kind: 'invalid',
      code: 'WEBHOOK_REJECTED',
    });
  });

  it('retries a 429 and a receiver that does not answer in time', async () => {
    hook = await receiver([429]);
    const sut = webhookChannel({ secret: 's', allowPrivateTargets: true, timeoutMs: 200 });
    await expect(sut.send(delivery(hook.url))).rejects.toMatchObject({ kind: 'unavailable' });
    const silent = http.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const started = Date.now();
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    await expect(sut.send(delivery(url))).rejects.toMatchObject({ code: 'WEBHOOK_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(2000);
    silent.closeAllConnections();
    silent.close();
  });

  it('refuses private and loopback targets unless allowed', async () => {
    const sut = webhookChannel({ secret: 's' });
    for (const url of [
      'http://127.0.0.1:9/x',
      'https://10.0.0.5/x',
      'https://169.254.169.254/latest',
      'https://[::1]/x',
    ])
      await expect(sut.send(delivery(url)), url).rejects.toMatchObject({ code: 'WEBHOOK_REJECTED' });
  });
});

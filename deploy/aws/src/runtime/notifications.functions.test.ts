// The notifications functions on what SNS and SQS hand them: order events delivered raw from the topic into
// the events queue, then the delivery messages; the e-mail goes out through the mail port.
import fs from 'node:fs';
import path from 'node:path';
import { seedCatalog } from '@concierge/catalog';
import { createFileMailer, type EventEnvelope, type QueueMessage } from '@concierge/platform';
import type { SQSRecord } from 'aws-lambda';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { allMigrations, catalogFunctions, notificationsFunctions, ordersFunctions } from './services.js';
import { idAttribute } from './sqs-queue.js';
import { lambdaContext, type Principal, restEvent, sqsRecord } from './testing/aws-events.js';
import { type LocalContext, localContext } from './testing/local-resources.js';

const buyer: Principal = {
  kind: 'iam',
  sub: '7d2c9a10-4f6e-4b1a-9c3d-0123456789ab',
  role: 'Concierge-customer',
};
const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

let ctx: LocalContext;
beforeEach(async () => {
  ctx = localContext();
  for (const set of allMigrations(ctx)) await ctx.store.migrate(set);
  await seedCatalog(ctx.store, { products: 2, restaurants: 0 });
});
afterEach(() => ctx.close());

/** SNS → SQS with raw message delivery: the body is the message, the SNS attributes become SQS attributes. */
const fromTopic = (event: EventEnvelope): SQSRecord =>
  sqsRecord({
    body: JSON.stringify(event),
    attributes: { type: event.type, 'event-id': event.id },
    queueName: 'Concierge-NotificationEvents',
  });

async function take(queue: string, count: number): Promise<SQSRecord[]> {
  const taken: QueueMessage[] = [];
  const consumer = ctx.queue.consume(queue, async (message) => {
    taken.push(message);
  });
  await vi.waitFor(() => expect(taken).toHaveLength(count), { timeout: 5_000 });
  await consumer.stop();
  return taken.map((m) =>
    sqsRecord({ body: JSON.stringify(m.body), attributes: { ...m.headers, [idAttribute]: m.id } }),
  );
}

it('turns a confirmed order, delivered from the topic, into an e-mail to the address given at checkout', async () => {
  const catalog = await catalogFunctions(ctx);
  const products = await catalog.http(
    restEvent({ method: 'GET', path: '/v1/products', resource: '/v1/products' }),
    lambdaContext('catalogHttp'),
  );
  const productId = JSON.parse(products.body).items[0].id;
  const orders = await ordersFunctions(ctx);
  const placed = await orders.http(
    restEvent({
      method: 'POST',
      path: '/v1/checkout',
      resource: '/v1/checkout',
      principal: buyer,
      body: {
        productId,
        deliveryAddress: '1 Main St, Springfield, IL 62701',
        deliveryDate: inTwoDays,
        contact: { email: 'ann@example.com' },
      },
    }),
    lambdaContext('ordersHttp'),
  );
  expect(placed.statusCode).toBe(202);
  const [work] = await take('orders.placed', 1);
  expect((await orders.worker({ Records: [work!] })).batchItemFailures).toEqual([]);
  await vi.waitFor(() => expect(ctx.published.map((e) => e.type)).toContain('order.confirmed'));

  const outbox = path.join(ctx.dir, 'outbox');
  const mailer = createFileMailer({ dir: outbox, from: ctx.env.mailFrom });
  const notifications = await notificationsFunctions(ctx, mailer, 'webhook-secret-for-tests');
  const events = ctx.published.filter((e) => e.type.startsWith('order.')).map(fromTopic);
  expect((await notifications.events({ Records: events })).batchItemFailures).toEqual([]);
  // SNS delivers at least once: the same event again plans nothing more.
  expect((await notifications.events({ Records: events })).batchItemFailures).toEqual([]);

  const deliveries = await take('notifications.deliver', 2);
  expect((await notifications.deliveries({ Records: deliveries })).batchItemFailures).toEqual([]);
  const mails = fs.readdirSync(outbox).map((f) => fs.readFileSync(path.join(outbox, f), 'utf8'));
  expect(mails).toHaveLength(2);
  expect(mails.every((m) => m.includes('To: ann@example.com'))).toBe(true);
  expect(mails.some((m) => /confirmed/i.test(m))).toBe(true);

  const log = await notifications.http(
    restEvent({ method: 'GET', path: '/v1/notifications', resource: '/v1/notifications', principal: buyer }),
    lambdaContext('notificationsHttp'),
  );
  expect(log.statusCode).toBe(200);
  expect(JSON.parse(log.body).items.map((d: { status: string }) => d.status)).toEqual(['sent', 'sent']);
});

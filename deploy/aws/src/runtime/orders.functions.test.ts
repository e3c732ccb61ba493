// The orders functions end to end with AWS's event shapes: a checkout through an API Gateway proxy event,
// the outbox flushed before the function freezes, then the payment worker on an SQS batch where one
// message fails and only that one is reported for retry.

import { seedCatalog } from '@concierge/catalog';
import type { QueueMessage } from '@concierge/platform';
import type { SQSRecord } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allMigrations, catalogFunctions, ordersFunctions } from './services.js';
import { createSqsQueue, idAttribute } from './sqs-queue.js';
import { lambdaContext, type Principal, restEvent, sqsRecord } from './testing/aws-events.js';
import { type LocalContext, localContext, operatorRole } from './testing/local-resources.js';

const buyer: Principal = {
  kind: 'iam',
  sub: '7d2c9a10-4f6e-4b1a-9c3d-0123456789ab',
  role: 'Concierge-customer',
};
const operator: Principal = { kind: 'iam', sub: '11111111-2222-3333-4444-555555555555', role: operatorRole };
const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

let ctx: LocalContext;
let orders: Awaited<ReturnType<typeof ordersFunctions>>;
let productId: string;

beforeEach(async () => {
  ctx = localContext();
  for (const set of allMigrations(ctx)) await ctx.store.migrate(set);
  await seedCatalog(ctx.store, { products: 3, restaurants: 0 });
  const catalog = await catalogFunctions(ctx);
  const list = await catalog.http(
    restEvent({ method: 'GET', path: '/v1/products', resource: '/v1/products' }),
    lambdaContext('catalogHttp'),
  );
  expect(list.statusCode).toBe(200);
  productId = JSON.parse(list.body).items[0].id;
  orders = await ordersFunctions(ctx);
});
afterEach(() => ctx.close());

const call = (input: Parameters<typeof restEvent>[0]) =>
  orders.http(restEvent(input), lambdaContext('ordersHttp'));
const checkout = (paymentToken: string, principal: Principal = buyer) =>
  call({
    method: 'POST',
    path: '/v1/checkout',
    resource: '/v1/checkout',
    principal,
    body: {
      productId,
      deliveryAddress: '1 Main St, Springfield, IL 62701',
      deliveryDate: inTwoDays,
      paymentToken,
    },
  });
const orderStatus = async (orderId: string) => {
  const answer = await call({
    method: 'GET',
    path: `/v1/orders/${orderId}`,
    resource: '/v1/orders/{orderId}',
    pathParameters: { orderId },
    principal: buyer,
  });
  return JSON.parse(answer.body).status as string;
};

/** Takes the messages the relay sent, as the SQS adapter would have sent them, off the local queue. */
async function takePlaced(count: number): Promise<SQSRecord[]> {
  const taken: QueueMessage[] = [];
  const consumer = ctx.queue.consume('orders.placed', async (message) => {
    taken.push(message);
  });
  await vi.waitFor(() => expect(taken).toHaveLength(count));
  await consumer.stop();
  return taken.map((message) =>
    sqsRecord({
      body: JSON.stringify(message.body),
      attributes: { ...message.headers, [idAttribute]: message.id },
    }),
  );
}

describe('the orders API function', () => {
  it('accepts a checkout with 202 and has delivered its work item and event before it returns', async () => {
    const answer = await checkout('tok_visa');
    expect(answer.statusCode).toBe(202);
    const body = JSON.parse(answer.body);
    expect(body).toMatchObject({ success: true, status: 'pending', orderId: expect.stringMatching(/^ord_/) });
    expect(await ctx.queue.depth('orders.placed')).toBe(1);
    await vi.waitFor(() => expect(ctx.published.map((e) => e.type)).toContain('order.placed'));
    // The buyer is the verified identity API Gateway passed on: someone else does not see the order.
    expect(await orderStatus(body.orderId)).toBe('pending');
    const stranger: Principal = {
      kind: 'iam',
      sub: '99999999-8888-7777-6666-555555555555',
      role: 'Concierge-customer',
    };
    const theirs = await call({
      method: 'GET',
      path: `/v1/orders/${body.orderId}`,
      resource: '/v1/orders/{orderId}',
      pathParameters: { orderId: body.orderId },
      principal: stranger,
    });
    expect(theirs.statusCode).toBe(404);
  });

  it('rejects an unknown body field with 400 naming it, in the error shape of every mode', async () => {
    const answer = await call({
      method: 'POST',
      path: '/v1/checkout',
      resource: '/v1/checkout',
      principal: buyer,
      body: { productId, deliveryAddress: '1 Main St', deliveryDate: inTwoDays, userId: 'someone-else' },
    });
    expect(answer.statusCode).toBe(400);
    const error = JSON.parse(answer.body);
    expect(error).toMatchObject({
      code: expect.any(String),
      message: expect.any(String),
      requestId: expect.any(String),
    });
    expect(JSON.stringify(error.details)).toContain('userId');
  });

  it('lets only the operator role read all orders, and anonymous callers nothing', async () => {
    const admin = (principal?: Principal) =>
      call({
        method: 'GET',
        path: '/v1/admin/orders',
        resource: '/v1/admin/orders',
        ...(principal ? { principal } : {}),
      });
    expect((await admin(buyer)).statusCode).toBe(403);
    expect((await admin(operator)).statusCode).toBe(200);
    expect(
      (
        await admin({
          kind: 'cognito',
          sub: operator.kind === 'iam' ? operator.sub : '',
          email: 'op@concierge.test',
          groups: 'operator',
        })
      ).statusCode,
    ).toBe(200);
    expect((await admin()).statusCode).toBe(401);
  });

  it('answers CORS for the web app origin only', async () => {
    const answer = await call({
      method: 'GET',
      path: '/v1/orders',
      resource: '/v1/orders',
      principal: buyer,
      headers: { Origin: 'https://d111111abcdef8.cloudfront.net' },
    });
    expect(answer.headers?.['access-control-allow-origin']).toBe('https://d111111abcdef8.cloudfront.net');
    const other = await call({
      method: 'GET',
      path: '/v1/orders',
      resource: '/v1/orders',
      principal: buyer,
      headers: { Origin: 'https://evil.example' },
    });
    expect(other.headers?.['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the outbox on AWS', () => {
  it('answers 202 when SQS cannot be reached, and the scheduled sweep delivers the work item later', async () => {
    const unreachable = createSqsQueue({
      client: ctx.sqs,
      queues: { 'orders.placed': { url: ctx.env.ordersQueueUrl, dlqUrl: ctx.env.ordersDlqUrl } },
    });
    const cut = await ordersFunctions({ ...ctx, queue: unreachable });
    const answer = await cut.http(
      restEvent({
        method: 'POST',
        path: '/v1/checkout',
        resource: '/v1/checkout',
        principal: buyer,
        body: { productId, deliveryAddress: '1 Main St, Springfield, IL 62701', deliveryDate: inTwoDays },
      }),
      lambdaContext('ordersHttp'),
    );
    expect(answer.statusCode).toBe(202);
    expect(await ctx.queue.depth('orders.placed')).toBe(0);
    await orders.relay();
    expect(await ctx.queue.depth('orders.placed')).toBe(1);
  });
});

describe('the payment worker function (SQS, ReportBatchItemFailures)', () => {
  it('confirms the good message and reports only the failing one, which a redelivery then confirms', async () => {
    const good = JSON.parse((await checkout('tok_visa')).body).orderId;
    const flaky = JSON.parse((await checkout('tok_retry')).body).orderId;
    const [first, second] = await takePlaced(2);
    const flakyRecord = [first, second].find((r) => r?.body.includes(flaky))!;
    const answer = await orders.worker({ Records: [first!, second!] });
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: flakyRecord.messageId }]);
    expect(await orderStatus(good)).toBe('confirmed');
    expect(await orderStatus(flaky)).toBe('pending');
    await vi.waitFor(() => expect(ctx.published.map((e) => e.type)).toContain('order.confirmed'));

    const again = await orders.worker({
      Records: [{ ...flakyRecord, attributes: { ...flakyRecord.attributes, ApproximateReceiveCount: '2' } }],
    });
    expect(again.batchItemFailures).toEqual([]);
    expect(await orderStatus(flaky)).toBe('confirmed');
  });

  it('processes a redelivered message once (at-least-once delivery, one charge)', async () => {
    const orderId = JSON.parse((await checkout('tok_visa')).body).orderId;
    const [record] = await takePlaced(1);
    expect((await orders.worker({ Records: [record!] })).batchItemFailures).toEqual([]);
    expect((await orders.worker({ Records: [record!] })).batchItemFailures).toEqual([]);
    expect(await orderStatus(orderId)).toBe('confirmed');
    const confirmed = ctx.published.filter((e) => e.type === 'order.confirmed');
    expect(confirmed).toHaveLength(1);
  });

  it('keeps a message that can never be processed for SQS to retry when its DLQ cannot be reached', async () => {
    const broken = sqsRecord({ body: 'not json' });
    const answer = await orders.worker({ Records: [broken] });
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: broken.messageId }]);
  });
});

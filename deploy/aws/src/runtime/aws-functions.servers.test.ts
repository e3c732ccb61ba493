// The functions over PostgreSQL and Redis, what Aurora and Valkey run on AWS: a chat turn with its dialog
// state in Redis, and a checkout paid by the worker, with the same event shapes as the unit tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedCatalog } from '@concierge/catalog';
import { createPostgresStore, createRedisCache, type QueueMessage } from '@concierge/platform';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allMigrations, chatFunctions, ordersFunctions } from './services.js';
import { idAttribute } from './sqs-queue.js';
import { lambdaContext, type Principal, restEvent, sqsRecord } from './testing/aws-events.js';
import { type LocalContext, localContext } from './testing/local-resources.js';

const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const buyer: Principal = {
  kind: 'iam',
  sub: '7d2c9a10-4f6e-4b1a-9c3d-0123456789ab',
  role: 'Concierge-customer',
};
const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!databaseUrl || !redisUrl)('the AWS functions on PostgreSQL and Redis', () => {
  const schema = `aws_fn_${process.pid}`;
  let local: LocalContext;
  let ctx: LocalContext;
  let modelDir: string;
  beforeAll(async () => {
    local = localContext();
    modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-chat-model-'));
    fs.copyFileSync(
      path.resolve('services/chat/bot/concierge.bot.yaml'),
      path.join(modelDir, 'concierge.bot.yaml'),
    );
    ctx = {
      ...local,
      store: createPostgresStore({ connectionString: databaseUrl!, schema, poolSize: 2 }),
      cache: createRedisCache({ url: redisUrl!, keyPrefix: `${schema}:` }),
      env: { ...local.env, codeDir: modelDir },
    };
    for (const set of allMigrations(ctx)) await ctx.store.migrate(set);
    await seedCatalog(ctx.store, { products: 5, restaurants: 50 });
  }, 120_000);
  afterAll(async () => {
    await ctx.store.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await ctx.store.close();
    await ctx.cache.close();
    await local.close();
    fs.rmSync(modelDir, { recursive: true, force: true });
  });

  it('answers chat turns and keeps the dialog in the cache between them', async () => {
    const chat = await chatFunctions(ctx);
    const turn = async (text: string, conversationId?: string) => {
      const answer = await chat.http(
        restEvent({
          method: 'POST',
          path: '/v1/nlu',
          resource: '/v1/nlu',
          principal: buyer,
          body: {
            ...(conversationId ? { conversationId } : {}),
            messages: [
              { type: 'unstructured', unstructured: { id: '1', text, timestamp: new Date().toISOString() } },
            ],
          },
        }),
        lambdaContext('chatHttp'),
      );
      expect(answer.statusCode).toBe(200);
      return JSON.parse(answer.body) as { conversationId: string; messages: unknown[] };
    };
    const first = await turn('find me an italian place in chelsea for 4 tomorrow at 8pm');
    expect(first.messages.length).toBeGreaterThan(0);
    const second = await turn('something cheaper', first.conversationId);
    expect(second.conversationId).toBe(first.conversationId);
    expect(await ctx.cache.get(`chat:dialog:${first.conversationId}`)).toMatchObject({
      touchedAt: expect.any(String),
    });
  }, 120_000);

  it('takes a checkout and confirms it from the SQS batch', async () => {
    const orders = await ordersFunctions(ctx);
    const products = (await ctx.store.db
      .selectFrom('catalog_product')
      .select('id')
      .orderBy('stock', 'desc')
      .limit(1)
      .execute()) as { id: string }[];
    const placed = await orders.http(
      restEvent({
        method: 'POST',
        path: '/v1/checkout',
        resource: '/v1/checkout',
        principal: buyer,
        body: {
          productId: products[0]?.id,
          deliveryAddress: '1 Main St, Springfield, IL 62701',
          deliveryDate: inTwoDays,
        },
      }),
      lambdaContext('ordersHttp'),
    );
    expect(placed.statusCode).toBe(202);
    const { orderId } = JSON.parse(placed.body);
    const taken: QueueMessage[] = [];
    const consumer = ctx.queue.consume('orders.placed', async (m) => {
      taken.push(m);
    });
    await vi.waitFor(() => expect(taken).toHaveLength(1), { timeout: 5_000 });
    await consumer.stop();
    const record = sqsRecord({
      body: JSON.stringify(taken[0]?.body),
      attributes: { ...taken[0]?.headers, [idAttribute]: taken[0]?.id ?? '' },
    });
    expect((await orders.worker({ Records: [record] })).batchItemFailures).toEqual([]);
    const order = await orders.http(
      restEvent({
        method: 'GET',
        path: `/v1/orders/${orderId}`,
        resource: '/v1/orders/{orderId}',
        pathParameters: { orderId },
        principal: buyer,
      }),
      lambdaContext('ordersHttp'),
    );
    expect(JSON.parse(order.body).status).toBe('confirmed');
  });
});

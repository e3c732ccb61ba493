// The chat function with AWS's event shapes reads the caller's orders in process over the shared database:
// an order placed through the orders function is answered, cancelled after a yes, and its order.cancelled
// event published before the function freezes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedCatalog } from '@concierge/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations, catalogFunctions, chatFunctions, ordersFunctions } from './services.js';
import { lambdaContext, type Principal, restEvent } from './testing/aws-events.js';
import { type LocalContext, localContext } from './testing/local-resources.js';

const buyer: Principal = {
  kind: 'iam',
  sub: '7d2c9a10-4f6e-4b1a-9c3d-0123456789ab',
  role: 'Concierge-customer',
};
const stranger: Principal = {
  kind: 'iam',
  sub: '99999999-8888-7777-6666-555555555555',
  role: 'Concierge-customer',
};
const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

let ctx: LocalContext;
let chat: Awaited<ReturnType<typeof chatFunctions>>;
let productName: string;
let orderId: string;

beforeAll(async () => {
  ctx = localContext();
  // The function loads the model shipped beside its code; the chat tests' trained copy saves training it again.
  fs.mkdirSync(path.join(ctx.env.codeDir, 'models'), { recursive: true });
  fs.copyFileSync(
    path.resolve('services/chat/bot/concierge.bot.yaml'),
    path.join(ctx.env.codeDir, 'concierge.bot.yaml'),
  );
  const trained = path.join(os.tmpdir(), 'concierge-chat-test', 'models', 'concierge.model.json');
  if (fs.existsSync(trained))
    fs.copyFileSync(trained, path.join(ctx.env.codeDir, 'models', 'concierge.model.json'));
  for (const set of allMigrations(ctx)) await ctx.store.migrate(set);
  await seedCatalog(ctx.store, { products: 3, restaurants: 0 });
  const catalog = await catalogFunctions(ctx);
  const list = await catalog.http(
    restEvent({ method: 'GET', path: '/v1/products', resource: '/v1/products' }),
    lambdaContext('catalogHttp'),
  );
  const product = (JSON.parse(list.body).items as { id: string; name: string; stock: number }[]).find(
    (p) => p.stock > 0,
  )!;
  productName = product.name;
  const orders = await ordersFunctions(ctx);
  const placed = await orders.http(
    restEvent({
      method: 'POST',
      path: '/v1/checkout',
      resource: '/v1/checkout',
      principal: buyer,
      body: {
        productId: product.id,
        deliveryAddress: '1 Main St, Springfield, IL 62701',
        deliveryDate: inTwoDays,
      },
    }),
    lambdaContext('ordersHttp'),
  );
  orderId = JSON.parse(placed.body).orderId;
  chat = await chatFunctions(ctx);
}, 120_000);
afterAll(() => ctx.close());

async function say(text: string, principal: Principal, conversationId?: string) {
  const answer = await chat.http(
    restEvent({
      method: 'POST',
      path: '/v1/nlu',
      resource: '/v1/nlu',
      principal,
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
  const body = JSON.parse(answer.body) as {
    conversationId: string;
    messages: { unstructured?: { text: string }; structured?: { text: string } }[];
  };
  return {
    id: body.conversationId,
    text: body.messages.map((m) => m.unstructured?.text ?? m.structured?.text)[0],
  };
}

describe('the chat function and the orders', () => {
  it("answers the caller's own order, and nobody else's", async () => {
    expect((await say('where is my order?', buyer)).text).toMatch(
      new RegExp(`^Your order of ${productName} \\(${orderId}\\) is being processed`),
    );
    expect((await say('where is my order?', stranger)).text).toMatch(/no orders yet/);
  });

  it('cancels a pending order after a yes and publishes order.cancelled before it returns', async () => {
    const asked = await say('cancel my order', buyer);
    expect(asked.text).toMatch(/Cancel it\?$/);
    const done = await say('yes', buyer, asked.id);
    expect(done.text).toBe(`Done: your order of ${productName} (${orderId}) is cancelled.`);
    expect(ctx.published.map((e) => e.type)).toContain('order.cancelled');
  });
});

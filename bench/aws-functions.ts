// `npm run bench:aws`: the Lambda handlers of deploy/aws invoked in process with real AWS event shapes, over
// PostgreSQL and Redis (what Aurora and Valkey run), to price the AWS deployment (docs/deploy-aws.md).
// Needs DATABASE_URL and REDIS_URL; SQS/SNS calls are replaced by the embedded queue and bus, so their network
// time is not in these figures (the doc adds it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedCatalog } from '@concierge/catalog';
import {
  createFileMailer,
  createMemoryEventBus,
  createPostgresStore,
  createRedisCache,
  createSqliteQueue,
  createSqliteStore,
  type EventEnvelope,
  type QueueMessage,
} from '@concierge/platform';
import awsLambdaFastify from '@fastify/aws-lambda';
import Fastify from 'fastify';
import { pino } from 'pino';
import {
  allMigrations,
  chatFunctions,
  notificationsFunctions,
  ordersFunctions,
} from '../deploy/aws/src/runtime/services.js';
import { idAttribute } from '../deploy/aws/src/runtime/sqs-queue.js';
import { lambdaContext, restEvent, sqsRecord } from '../deploy/aws/src/runtime/testing/aws-events.js';
import { loadDocument } from '../deploy/aws/src/runtime/testing/document.js';
import { localContext } from '../deploy/aws/src/runtime/testing/local-resources.js';

const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
if (!databaseUrl || !redisUrl)
  throw new Error('set DATABASE_URL and REDIS_URL (../shared/services/ensure.sh postgres redis)');
const turns = Number(process.argv[2] ?? 200);
const schema = `aws_bench_${process.pid}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-bench-'));
const store = createPostgresStore({ connectionString: databaseUrl, schema, poolSize: 2 });
const cache = createRedisCache({ url: redisUrl, keyPrefix: `${schema}:` });
const queueFile = createSqliteStore({ file: path.join(dir, 'queue.sqlite') });
const queue = createSqliteQueue({ database: queueFile });
const events = createMemoryEventBus({ onHandlerError: () => undefined });
const published: EventEnvelope[] = [];
events.subscribe('*', async (e) => {
  published.push(e);
});
const local = localContext();
const chatCode = path.resolve('deploy/aws/dist/lambda/chat');
const ctx = {
  ...local,
  store,
  cache,
  queue,
  events,
  logger: pino({ level: 'silent' }),
  document: loadDocument(),
  env: { ...local.env, codeDir: fs.existsSync(path.join(chatCode, 'models')) ? chatCode : dir },
};

const ms = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), mean: values.reduce((a, b) => a + b, 0) / values.length };
};
const rows: string[][] = [];
let baseline = 0;
const row = (name: string, values: number[], note = '') => {
  const s = stats(values);
  const ratio = baseline > 0 ? `${(s.median / baseline).toFixed(0)}×` : '1×';
  rows.push([name, String(values.length), s.median.toFixed(1), s.p95.toFixed(1), ratio, note]);
};
const principal = (i: number) => ({
  kind: 'iam' as const,
  sub: `00000000-0000-4000-8000-${String(i % 50).padStart(12, '0')}`,
  role: 'Concierge-customer',
});

async function take(name: string, count: number) {
  const taken: QueueMessage[] = [];
  const consumer = queue.consume(
    name,
    async (m) => {
      taken.push(m);
    },
    { concurrency: 16 },
  );
  while (taken.length < count) await new Promise((r) => setTimeout(r, 50));
  await consumer.stop();
  return taken.map((m) =>
    sqsRecord({ body: JSON.stringify(m.body), attributes: { ...m.headers, [idAttribute]: m.id } }),
  );
}

try {
  for (const set of allMigrations(ctx)) await store.migrate(set);
  await seedCatalog(store);
  const rssStart = process.memoryUsage().rss;

  // Baseline measured in the same run: a bare Fastify route behind the same proxy adapter.
  const bare = Fastify();
  bare.get('/hello', async () => ({ hello: 'world' }));
  const bareProxy = awsLambdaFastify(bare);
  await bare.ready();
  const bareTimes: number[] = [];
  for (let i = 0; i < turns; i++) {
    const event = restEvent({ method: 'GET', path: '/hello', resource: '/hello' });
    const t0 = process.hrtime.bigint();
    await bareProxy(event, lambdaContext('bare'));
    bareTimes.push(ms(t0));
  }
  baseline = stats(bareTimes.slice(1)).median;
  row('baseline: bare Fastify route through @fastify/aws-lambda', bareTimes.slice(1));

  let t = process.hrtime.bigint();
  const chat = await chatFunctions(ctx);
  const chatInit = ms(t);
  const texts = [
    'I need red roses delivered to my mom tomorrow',
    'find me a quiet italian place in chelsea for 4 at 8pm',
    'something cheaper please',
    'what about sushi in soho tonight',
    'hi there',
    'a birthday gift for my dad under 50 dollars',
  ];
  const chatTimes: number[] = [];
  for (let i = 0; i < turns; i++) {
    const event = restEvent({
      method: 'POST',
      path: '/v1/nlu',
      resource: '/v1/nlu',
      principal: principal(i),
      body: {
        messages: [
          {
            type: 'unstructured',
            unstructured: {
              id: String(i),
              text: texts[i % texts.length],
              timestamp: new Date().toISOString(),
            },
          },
        ],
      },
    });
    t = process.hrtime.bigint();
    const answer = await chat.http(event, lambdaContext('chatHttp'));
    chatTimes.push(ms(t));
    if (answer.statusCode !== 200) throw new Error(`chat answered ${answer.statusCode}: ${answer.body}`);
  }
  row(
    'chat: POST /v1/nlu (one turn)',
    chatTimes.slice(1),
    `first turn after init ${chatTimes[0]?.toFixed(0)} ms; init (model load) ${chatInit.toFixed(0)} ms`,
  );

  t = process.hrtime.bigint();
  const orders = await ordersFunctions(ctx);
  const ordersInit = ms(t);
  const products = (await store.db
    .selectFrom('catalog_product')
    .select('id')
    .orderBy('stock', 'desc')
    .limit(20)
    .execute()) as {
    id: string;
  }[];
  const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const checkoutTimes: number[] = [];
  for (let i = 0; i < turns; i++) {
    const event = restEvent({
      method: 'POST',
      path: '/v1/checkout',
      resource: '/v1/checkout',
      principal: principal(i),
      body: {
        productId: products[i % products.length]?.id,
        deliveryAddress: '1 Main St, Springfield, IL 62701',
        deliveryDate: inTwoDays,
        contact: { email: 'ann@example.com' },
      },
    });
    t = process.hrtime.bigint();
    const answer = await orders.http(event, lambdaContext('ordersHttp'));
    checkoutTimes.push(ms(t));
    if (answer.statusCode !== 202) throw new Error(`checkout answered ${answer.statusCode}: ${answer.body}`);
  }
  row(
    'orders: POST /v1/checkout (202, outbox flushed)',
    checkoutTimes.slice(1),
    `init ${ordersInit.toFixed(0)} ms`,
  );

  const placed = await take('orders.placed', turns);
  const workerTimes: number[] = [];
  for (let i = 0; i < placed.length; i += 10) {
    const batch = placed.slice(i, i + 10);
    t = process.hrtime.bigint();
    const answer = await orders.worker({ Records: batch });
    workerTimes.push(ms(t) / batch.length);
    if (answer.batchItemFailures.length > 0) throw new Error('worker failures');
  }
  row('orders worker: one order.placed message (batches of 10)', workerTimes, 'per message');

  const notifications = await notificationsFunctions(
    ctx,
    createFileMailer({ dir: path.join(dir, 'outbox'), from: 'x <x@example.com>' }),
    'k',
  );
  const orderEvents = published.filter((e) => e.type.startsWith('order.'));
  const eventTimes: number[] = [];
  for (let i = 0; i < orderEvents.length; i += 10) {
    const batch = orderEvents
      .slice(i, i + 10)
      .map((e) => sqsRecord({ body: JSON.stringify(e), attributes: { type: e.type } }));
    t = process.hrtime.bigint();
    await notifications.events({ Records: batch });
    eventTimes.push(ms(t) / batch.length);
  }
  row('notifications: one order event (batches of 10)', eventTimes, 'per event');
  const deliveries = await take('notifications.deliver', orderEvents.length);
  const deliveryTimes: number[] = [];
  for (let i = 0; i < deliveries.length; i += 10) {
    const batch = deliveries.slice(i, i + 10);
    t = process.hrtime.bigint();
    await notifications.deliveries({ Records: batch });
    deliveryTimes.push(ms(t) / batch.length);
  }
  row('notifications: one e-mail delivery (batches of 10; file mailer)', deliveryTimes, 'per delivery');

  const memory = process.memoryUsage();
  console.log(
    `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(1)}`,
  );
  console.log('');
  console.log('| handler | n | median ms | p95 ms | median / baseline | note |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('');
  console.log(
    `RSS: ${(rssStart / 2 ** 20).toFixed(0)} MB before the functions, ${(memory.rss / 2 ** 20).toFixed(0)} MB after all of them in one process (heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MB)`,
  );
} finally {
  await store.db.schema.dropSchema(schema).ifExists().cascade().execute();
  await queue.close();
  await queueFile.close();
  await cache.close();
  await store.close();
  await local.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

// Chat throughput in process: scripted multi-turn conversations through NLU, dialog, cache and SQL history.
// Run: npx tsx bench/chat.bench.ts [seconds] [concurrency]
import os from 'node:os';
import path from 'node:path';
import { createCatalogService } from '@concierge/catalog';
import {
  createChatService,
  inProcessCatalogClient,
  inProcessOrdersClient,
  loadChatModel,
} from '@concierge/chat';
import { createInProcessCatalogClient, createOrdersService, createSandboxProcessor } from '@concierge/orders';
import {
  type Caller,
  createMemoryCache,
  createMemoryEventBus,
  createSqliteQueue,
  createSqliteStore,
} from '@concierge/platform';

const seconds = Number(process.argv[2] ?? 5);
const concurrency = Number(process.argv[3] ?? 50);

const scripts = [
  [
    'hi',
    'find me a quiet Italian place in Chelsea for 4 tomorrow at 8pm',
    'a@b.com',
    'actually make it 6 of us',
    'yes',
  ],
  ['I need red roses delivered to my mom tomorrow', 'something cheaper', 'order the first one', 'thanks'],
  ['any good sushi on the UES?', 'tomorrow at 7', 'for 2', '+1 212 555 0199', 'no, Thai instead', 'yes'],
  ['same as last time', 'what can you do', 'tell me a joke', 'bye'],
];

const store = createSqliteStore({ file: path.join(os.tmpdir(), `concierge-chat-bench-${process.pid}.db`) });
const catalog = createCatalogService({ store });
const model = loadChatModel({ dataDir: path.join(os.tmpdir(), 'concierge-chat-bench') });
// The orders the chat reads "where is my order?" from; no script asks, so no worker runs.
const payments = createSandboxProcessor({ store });
const orders = createOrdersService({
  store,
  queue: createSqliteQueue({ database: store }),
  events: createMemoryEventBus({ onHandlerError: (error) => console.error(error) }),
  catalog: createInProcessCatalogClient(catalog.module),
  payments,
});
const chat = createChatService({
  store,
  cache: createMemoryCache(),
  catalog: inProcessCatalogClient(catalog.module),
  orders: inProcessOrdersClient(orders.module),
  model,
});
await store.migrate(catalog.migrations);
await store.migrate(payments.migrations);
await store.migrate(orders.migrations);
await store.migrate(chat.migrations);
await catalog.seed({ products: 60, restaurants: 600 });

const latencies: number[] = [];
const deadline = performance.now() + seconds * 1000;

async function user(index: number): Promise<void> {
  const caller: Caller = { userId: `usr_bench${index}`, roles: ['customer'], via: 'jwt' };
  for (let round = 0; performance.now() < deadline; round++) {
    const script = scripts[(index + round) % scripts.length]!;
    let conversationId: string | undefined;
    for (const text of script) {
      const started = performance.now();
      const answer = await chat.conversations.turn(caller, {
        texts: [text],
        ...(conversationId ? { conversationId } : {}),
      });
      latencies.push(performance.now() - started);
      conversationId = answer.conversationId;
    }
  }
}

const began = performance.now();
await Promise.all(Array.from({ length: concurrency }, (_, i) => user(i)));
const elapsed = (performance.now() - began) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(2);
const parseStarted = performance.now();
for (let i = 0; i < 5000; i++) model.parse(scripts[i % 4]![i % 4]!, { timeZone: 'America/New_York' });
const parseRate = 5000 / ((performance.now() - parseStarted) / 1000);
console.log(
  `chat turns: ${Math.round(latencies.length / elapsed)} turns/s (${latencies.length} turns, ${concurrency} conversations at a time, ` +
    `p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms; NLU parse alone ${Math.round(parseRate)}/s)`,
);
await store.close();

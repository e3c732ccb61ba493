// CPU per message of consuming the NATS queue with the order workers' settings and an empty handler:
// sends `n` messages (bodies and headers like the outbox relay's) to a fresh prefix at NATS_URL, then
// times and reads this process's CPU while one consumer takes and acks them all.
// npx tsx --tsconfig tsconfig.json bench/tools/queue-consume-cpu.ts [n]   (--cpu-prof for a profile)
import { connectNats, createNatsQueue } from '@concierge/platform';
import { tempNats } from '@concierge/platform/testing';
import { defaultWorkerOptions } from '../../services/orders/src/worker/order.worker.js';

const n = Number(process.argv[2] ?? 20000);
const url = process.env.NATS_URL;
if (!url) throw new Error('set NATS_URL');
const fixture = await tempNats(url);
const producer = createNatsQueue({ nc: fixture.nc, prefix: fixture.prefix });
const headers = {
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  'event-type': 'order.placed',
};
for (let i = 0; i < n; i += 500)
  await Promise.all(
    Array.from({ length: Math.min(500, n - i) }, (_, j) =>
      producer.send(
        'orders.placed',
        { orderId: `ord_${i + j}`, userId: 'usr_1' },
        { id: `msg_${i + j}`, headers },
      ),
    ),
  );
const nc = await connectNats({ url });
const queue = createNatsQueue({ nc, prefix: fixture.prefix });
let done = 0;
let finish: () => void = () => {};
const all = new Promise<void>((r) => {
  finish = r;
});
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const consumer = queue.consume(
  'orders.placed',
  async () => {
    if (++done === n) finish();
  },
  defaultWorkerOptions,
);
await all;
await consumer.stop();
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${n} messages consumed and acked in ${seconds.toFixed(2)} s = ${(n / seconds).toFixed(0)}/s; ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms CPU per message in this process\n`,
);
await queue.close();
await producer.close();
await nc.close();
await fixture.dispose();

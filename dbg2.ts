import { connectNats } from '@concierge/platform';

const nc = await connectNats({ url: 'nats://127.0.0.1:4222' });
const jsm = await nc.jetstreamManager();
for await (const c of jsm.consumers.list('cnmanual2_QUEUE'))
  console.log(c.name, c.config.filter_subject, c.num_pending, c.num_ack_pending, c.num_waiting, c.delivered);
const info = await jsm.streams.info('cnmanual2_QUEUE', { subjects_filter: '>' });
console.log(info.state.subjects);
await nc.close();

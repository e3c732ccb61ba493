// Throwaway NATS namespaces for tests: a random prefix per fixture, its streams deleted afterwards.
import { randomBytes } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { connectNats, natsNames } from '../nats/nats-names.js';

export interface NatsFixture {
  nc: NatsConnection;
  prefix: string;
  dispose(): Promise<void>;
}

/** A connection to `url` and a fresh `t_<random>` prefix whose streams `dispose` deletes. */
export async function tempNats(url: string): Promise<NatsFixture> {
  const prefix = `t_${randomBytes(6).toString('hex')}`;
  const nc = await connectNats({ url, name: `test ${prefix}` });
  return {
    nc,
    prefix,
    async dispose() {
      try {
        const jsm = await nc.jetstreamManager({ timeout: 5_000 });
        const names = natsNames(prefix);
        for (const stream of [names.queueStream, names.deadStream, names.eventStream])
          await jsm.streams.delete(stream).catch(() => false);
      } finally {
        await nc.close();
      }
    },
  };
}

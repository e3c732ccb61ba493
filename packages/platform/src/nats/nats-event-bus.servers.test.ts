// The NATS event bus against the shared contract, live and durable, plus what durability adds.
import { describe, expect, it } from 'vitest';
import { newId } from '../ids/ids.js';
import { eventBusContract, eventually, sleep, tempNats } from '../testing/index.js';
import { createNatsEventBus } from './nats-event-bus.js';

const url = process.env.NATS_URL;
const event = (type: string) => ({
  id: newId(),
  type,
  version: 1,
  occurredAt: new Date().toISOString(),
  data: {},
});

describe.skipIf(!url)('nats event bus', () => {
  eventBusContract('nats live', async (onHandlerError) => {
    const fixture = await tempNats(url!);
    return {
      bus: createNatsEventBus({ nc: fixture.nc, prefix: fixture.prefix, onHandlerError }),
      ...fixture,
    };
  });

  eventBusContract('nats durable', async (onHandlerError) => {
    const fixture = await tempNats(url!);
    const bus = createNatsEventBus({ nc: fixture.nc, prefix: fixture.prefix, onHandlerError, group: 'test' });
    return { bus, ...fixture };
  });

  it('fans out across processes: every live subscriber on every connection gets the event', async () => {
    const one = await tempNats(url!);
    const two = await tempNats(url!);
    const a = createNatsEventBus({ nc: one.nc, prefix: one.prefix, onHandlerError: () => {} });
    const b = createNatsEventBus({ nc: two.nc, prefix: one.prefix, onHandlerError: () => {} });
    try {
      const seen: string[] = [];
      a.subscribe('order.*', async () => void seen.push('a'));
      b.subscribe('order.*', async () => void seen.push('b'));
      await two.nc.flush();
      await a.publish(event('order.placed'));
      await eventually(() => expect(seen.sort()).toEqual(['a', 'b']));
    } finally {
      await a.close();
      await b.close();
      await two.nc.close();
      await one.dispose();
    }
  });

  it('delivers to a durable group once across replicas, and what was published while it was away', async () => {
    const fixture = await tempNats(url!);
    const prefix = fixture.prefix;
    const bus = (group: string) =>
      createNatsEventBus({ nc: fixture.nc, prefix, onHandlerError: () => {}, group });
    const publisher = bus('publisher');
    const replicaA = bus('mailer');
    const replicaB = bus('mailer');
    try {
      const seen: string[] = [];
      const subA = replicaA.subscribe('order.placed', async (e) => void seen.push(e.id));
      const subB = replicaB.subscribe('order.placed', async (e) => void seen.push(e.id));
      const first = event('order.placed');
      await publisher.publish(first);
      await eventually(() => expect(seen).toEqual([first.id]));
      await subA.unsubscribe();
      await subB.unsubscribe();
      const whileAway = event('order.placed');
      await publisher.publish(whileAway);
      await sleep(200);
      expect(seen).toEqual([first.id]);
      const back = bus('mailer');
      back.subscribe('order.placed', async (e) => void seen.push(e.id));
      await eventually(() => expect(seen).toEqual([first.id, whileAway.id]));
      await back.close();
    } finally {
      await publisher.close();
      await replicaA.close();
      await replicaB.close();
      await fixture.dispose();
    }
  });
});

// Contract every Queue adapter must pass, through the port only (SQLite today; NATS, SQS later).
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe } from 'vitest';
import type { Consumer, Queue } from '../ports/queue.js';
import { queueDeadLetterCases } from './queue-dead-letter-cases.js';
import { queueDeliveryCases } from './queue-delivery-cases.js';
import { queueFlowCases } from './queue-flow-cases.js';

export interface QueueFixture {
  queue: Queue;
  dispose(): Promise<void>;
}

/** What the case files share: the queue under test, a fresh queue name, and consumers stopped after each test. */
export interface QueueCaseContext {
  queue(): Queue;
  name(): string;
  track(consumer: Consumer): Consumer;
}

/** Registers the Queue contract; `makeQueue` gives a working queue per test (names are unique per test). */
export function queueContract(name: string, makeQueue: () => Promise<QueueFixture>): void {
  describe(`Queue contract: ${name}`, () => {
    let fixture: QueueFixture;
    let consumers: Consumer[] = [];
    beforeEach(async () => {
      fixture = await makeQueue();
    });
    afterEach(async () => {
      await Promise.all(consumers.map((c) => c.stop()));
      consumers = [];
      await fixture.queue.close();
      await fixture.dispose();
    });
    const context: QueueCaseContext = {
      queue: () => fixture.queue,
      name: () => `q_${randomBytes(5).toString('hex')}`,
      track(consumer) {
        consumers.push(consumer);
        return consumer;
      },
    };
    queueDeliveryCases(context);
    queueFlowCases(context);
    queueDeadLetterCases(context);
  });
}

// `concierge dlq`: the operator's view of dead letters of any queue: list, show, replay, discard.
import { discardDeadLetter, listDeadLetters, replayDeadLetter, showDeadLetter } from '@concierge/orders';
import { migrateAll } from '../roots/embedded.root.js';
import { say } from './console.js';
import { setup } from './setup.js';

export type DlqAction = 'list' | 'show' | 'replay' | 'discard';

export async function dlqCommand(action: DlqAction, queueName: string, messageId?: string): Promise<void> {
  const { system } = await setup();
  const queue = system.messaging.queue;
  try {
    await migrateAll(system);
    if (action === 'list') {
      const page = await listDeadLetters(queue, queueName, { limit: 100 });
      if (page.items.length === 0) say(`No dead letters in ${queueName}.`);
      for (const letter of page.items) {
        say(
          `${letter.messageId}  attempts ${letter.attempts}  failed ${letter.lastFailedAt}  ${letter.lastError}`,
        );
      }
      return;
    }
    if (!messageId) throw new Error(`dlq ${action} needs a message id`);
    if (action === 'show')
      process.stdout.write(`${JSON.stringify(await showDeadLetter(queue, queueName, messageId), null, 2)}\n`);
    if (action === 'replay') {
      await replayDeadLetter(queue, queueName, messageId);
      say(`Replayed ${messageId} onto ${queueName}; a running worker picks it up.`);
    }
    if (action === 'discard') {
      await discardDeadLetter(queue, queueName, messageId);
      say(`Discarded ${messageId} from the dead letters of ${queueName}.`);
    }
  } finally {
    await system.close();
  }
}

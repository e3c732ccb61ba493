// Moves committed outbox rows of one kind to their destination in batches: poll, or wake after a commit.
import type { Logger } from '@concierge/platform';
import type { OutboxTable } from '../orders.tables.js';
import type { OutboxRepository } from './outbox.repository.js';

export interface RelayOptions {
  kind: OutboxTable['kind'];
  /** Sends one row on; a throw leaves it (and the rest of the batch) for the next round. */
  deliver: (row: OutboxTable) => Promise<void>;
  /**
   * Deliver the rows of a batch all at once instead of one after another (for receivers that need no
   * order between rows): a throw then leaves only its own row for the next round.
   */
  concurrent?: boolean;
  pollMs?: number;
  batchSize?: number;
  now: () => Date;
  logger?: Pick<Logger, 'error'>;
}

/**
 * At least once: a row is marked sent only after its delivery, so a crash in between sends it again
 * (receivers deduplicate by id).
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private pending = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly options: RelayOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Delivers soon instead of at the next poll; a wake during a round triggers another round. */
  wake(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  /** One batch; returns how many rows were delivered. */
  async relayOnce(): Promise<number> {
    const batch = this.options.batchSize ?? 100;
    const rows = await this.outbox.unsent(this.options.kind, batch);
    const sent: string[] = [];
    try {
      if (this.options.concurrent) {
        const outcomes = await Promise.allSettled(rows.map((row) => this.options.deliver(row)));
        outcomes.forEach((outcome, i) => {
          if (outcome.status === 'fulfilled') sent.push(rows[i]!.id);
        });
        const failed = outcomes.find((o) => o.status === 'rejected');
        if (failed) throw failed.reason;
      } else
        for (const row of rows) {
          await this.options.deliver(row);
          sent.push(row.id);
        }
    } finally {
      await this.outbox.markSent(sent, this.options.now().toISOString());
    }
    return sent.length;
  }

  private async run(): Promise<void> {
    const batch = this.options.batchSize ?? 100;
    while (this.running) {
      this.pending = false;
      let delivered = 0;
      try {
        delivered = await this.relayOnce();
      } catch (error) {
        this.options.logger?.error(
          { err: error, kind: this.options.kind },
          'outbox relay round failed; retrying after poll',
        );
      }
      if (delivered < batch && !this.pending) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.pollMs ?? 200);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wakeUp = undefined;
        resolve();
      }
      this.wakeUp = done;
    });
  }
}

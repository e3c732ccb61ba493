// Moves committed outbox rows of one kind to their destination in batches: poll, or wake after a commit.
import type { Logger } from '@concierge/platform';
import type { OutboxTable } from '../orders.tables.js';
import type { OutboxRepository } from './outbox.repository.js';

export interface RelayOptions {
  kind: OutboxTable['kind'];
  /**
   * Sends one row on and resolves once the receiver has it (a JetStream publish resolves on the stream's
   * acknowledgement); a throw leaves the row for the next round. Give it a timeout of its own: a delivery
   * that never settles holds its place in flight.
   */
  deliver: (row: OutboxTable) => Promise<void>;
  /**
   * How many deliveries may await their acknowledgement at once. 1 (the default): one after another in
   * outbox order, and a throw ends the round, leaving that row and the rest of the batch. More: for
   * receivers that need no order between rows (each row deduplicated by its id): the batch's rows go out
   * concurrently, at most this many unacknowledged, a throw leaves only its own row for the next round,
   * and rows may reach the receiver out of outbox order (a row that failed follows later ones).
   */
  inFlight?: number;
  pollMs?: number;
  /** Rows read per round (default 100); the delivered ones are marked sent together at the round's end. */
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

  /**
   * One batch; returns how many rows were delivered. Throws (after marking the delivered ones) the first
   * failure of the round, so the loop logs it and waits a poll before the next round.
   */
  async relayOnce(): Promise<number> {
    const batch = this.options.batchSize ?? 100;
    const rows = await this.outbox.unsent(this.options.kind, batch);
    const sent: string[] = [];
    try {
      const inFlight = Math.max(1, this.options.inFlight ?? 1);
      if (inFlight > 1) await this.deliverConcurrently(rows, inFlight, sent);
      else
        for (const row of rows) {
          await this.options.deliver(row);
          sent.push(row.id);
        }
    } finally {
      await this.outbox.markSent(sent, this.options.now().toISOString());
    }
    return sent.length;
  }

  /** Delivers every row, at most `limit` awaiting at once; collects the delivered ids, then throws the first failure. */
  private async deliverConcurrently(rows: OutboxTable[], limit: number, sent: string[]): Promise<void> {
    let next = 0;
    let failure: { error: unknown } | undefined;
    const lane = async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        try {
          await this.options.deliver(row);
          sent.push(row.id);
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(limit, rows.length) }, lane));
    if (failure) throw failure.error;
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

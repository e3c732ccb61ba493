// Kysely driver for the embedded SQLite store with group commit. Units of work (a transaction, or one
// statement outside any) run one at a time on the one connection, as with Kysely's own SQLite driver,
// but the units of one event-loop turn share one physical transaction: each transaction is a savepoint
// inside it, and one COMMIT (one WAL write) ends them all. A unit's promise settles only after that
// COMMIT, so a caller never acts on (or answers about) data that is not committed yet.
import type Database from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SelectQueryNode,
} from 'kysely';
import type { WriteLock } from './shared-write-lock.js';
import { cachingStatements } from './statement-cache.js';

export interface GroupCommitOptions {
  /** Commit once a group has this many units, even if more are waiting. Default 1000. */
  maxUnits?: number;
  /** Commit once a group has been open this long (ms), even if more are waiting. Default 10. */
  maxOpenMs?: number;
  /**
   * Taken before each group's BEGIN and given back after its COMMIT or ROLLBACK, when other threads of
   * the process write the same file (see shared-write-lock.ts).
   */
  writeLock?: WriteLock;
}

/** Counters for tests and diagnostics. */
export interface GroupCommitStats {
  /** Physical commits of groups. */
  commits: number;
  /** Units (transactions and single writes) that were part of a committed group. */
  units: number;
  /** Groups rolled back as a whole (their units were rejected). */
  aborted: number;
}

interface Group {
  units: number;
  openedAt: number;
  done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

class UnitConnection implements DatabaseConnection {
  /** Set between its transaction's begin and commit/rollback: the unit holds the connection. */
  holding = false;
  /** The group its transaction belongs to (none inside a transaction someone else opened). */
  group: Group | undefined;

  constructor(private readonly driver: GroupCommitDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute(this, query) as Promise<QueryResult<R>>;
  }

  streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    return this.driver.stream(this, query) as AsyncIterableIterator<QueryResult<R>>;
  }
}

const unitSavepoint = 'concierge_unit';

/**
 * Read-only statements outside a transaction run at once when no group is open (autocommit); inside an
 * open group they wait for its commit like writes do. A transaction the caller opened on the raw
 * connection itself (migrations) is joined without grouping: see `exclusive`.
 */
export class GroupCommitDriver implements Driver {
  readonly stats: GroupCommitStats = { commits: 0, units: 0, aborted: 0 };
  private readonly statements;
  private readonly maxUnits: number;
  private readonly maxOpenMs: number;
  private readonly writeLock: WriteLock | undefined;
  private locked = false;
  private readonly waiters: (() => void)[] = [];
  private group: Group | undefined;
  private commitScheduled = false;
  /** The shared write lock was taken (or waited for) ahead of the group about to open. */
  private writeLockTaken = false;
  private readonly control;

  constructor(
    private readonly raw: Database.Database,
    options: GroupCommitOptions = {},
  ) {
    this.statements = cachingStatements(raw);
    this.maxUnits = options.maxUnits ?? 1000;
    this.maxOpenMs = options.maxOpenMs ?? 10;
    this.writeLock = options.writeLock;
    this.control = {
      begin: raw.prepare('BEGIN IMMEDIATE'),
      commit: raw.prepare('COMMIT'),
      rollback: raw.prepare('ROLLBACK'),
      savepoint: raw.prepare(`SAVEPOINT ${unitSavepoint}`),
      release: raw.prepare(`RELEASE ${unitSavepoint}`),
      rollbackTo: raw.prepare(`ROLLBACK TO ${unitSavepoint}`),
    };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new UnitConnection(this);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // Only a unit whose transaction neither committed nor rolled back still holds the connection.
    const unit = connection as UnitConnection;
    if (unit.holding) await this.rollbackTransaction(unit);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const unit = connection as UnitConnection;
    await this.lock();
    try {
      await this.takeWriteLock();
      if (!this.group && !this.raw.inTransaction) this.openGroup();
      this.control.savepoint.run();
    } catch (error) {
      this.unlock();
      throw error;
    }
    unit.holding = true;
    unit.group = this.group;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const unit = connection as UnitConnection;
    const group = unit.group;
    try {
      if (group && group !== this.group) throw rolledBack();
      this.control.release.run();
    } catch (error) {
      this.checkGroup(error);
      throw error;
    }
    unit.holding = false;
    unit.group = undefined;
    if (group) group.units++;
    this.unlock();
    if (group) await group.done;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const unit = connection as UnitConnection;
    // A unit whose commit failed holds nothing any more: its group is gone with its writes.
    if (!unit.holding) return;
    unit.holding = false;
    unit.group = undefined;
    try {
      if (this.raw.inTransaction) {
        this.control.rollbackTo.run();
        this.control.release.run();
      }
    } catch (error) {
      this.checkGroup(error);
    } finally {
      this.unlock();
    }
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quote(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${quote(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${quote(name)}`));
  }

  /**
   * Resolves once everything written so far is committed (at once when no group is open): for code that
   * writes on the raw connection (the durable queue), whose writes join an open group.
   */
  committed(): Promise<void> {
    return this.group?.done ?? Promise.resolve();
  }

  /**
   * Runs `write` on the raw connection as a unit of its own (between other units, never inside one's
   * transaction) in the open group, opening one if needed; resolves with its result once that group has
   * committed. For code that writes outside Kysely (the durable queue's sends).
   */
  async write<T>(write: () => T): Promise<T> {
    await this.lock();
    let group = this.group;
    let result: T;
    try {
      await this.takeWriteLock();
      if (!group && !this.raw.inTransaction) group = this.openGroup();
      result = write();
    } catch (error) {
      this.checkGroup(error);
      this.unlock();
      throw error;
    }
    if (group) group.units++;
    this.unlock();
    if (group) await group.done;
    return result;
  }

  /** Commits what is pending, then closes the database. */
  async destroy(): Promise<void> {
    await this.lock();
    try {
      if (this.group) this.commitGroup();
      this.statements.close();
    } finally {
      this.unlock();
    }
  }

  /**
   * Runs `fn` with the connection to itself and no group open (the pending one is committed first):
   * for callers that open or end a transaction on the raw connection (migrations). While such a
   * transaction is open, units join it without grouping.
   */
  async exclusive<T>(fn: () => T): Promise<T> {
    await this.lock();
    try {
      if (this.group) this.commitGroup();
      return fn();
    } finally {
      this.unlock();
    }
  }

  /** Kysely's statement of a unit: inside its transaction at once, else when the connection is free. */
  execute(unit: UnitConnection, query: CompiledQuery): Promise<QueryResult<unknown>> {
    if (unit.holding) {
      if (unit.group && unit.group !== this.group) return Promise.reject(rolledBack());
      try {
        return Promise.resolve(this.run(query));
      } catch (error) {
        this.checkGroup(error);
        return Promise.reject(error);
      }
    }
    if (!this.locked) {
      this.locked = true;
      return this.single(query);
    }
    return new Promise<void>((resolve) => this.waiters.push(resolve)).then(() => this.single(query));
  }

  async *stream(unit: UnitConnection, query: CompiledQuery): AsyncIterableIterator<QueryResult<unknown>> {
    if (!SelectQueryNode.is(query.query))
      throw new Error('Sqlite driver only supports streaming of select queries');
    const holding = unit.holding;
    if (!holding) {
      await this.lock();
      // Rows read while a group is open must not be handed out before it commits.
      if (this.group) this.commitGroup();
    }
    try {
      const statement = this.statements.prepare(query.sql) as Database.Statement;
      for (const row of statement.iterate(query.parameters as unknown[])) yield { rows: [row] };
    } finally {
      if (!holding) this.unlock();
    }
  }

  /** One statement outside any transaction, with the connection held; releases it before returning. */
  private single(query: CompiledQuery): Promise<QueryResult<unknown>> {
    let group = this.group;
    let result: QueryResult<unknown>;
    try {
      const statement = this.statements.prepare(query.sql) as Database.Statement;
      if (!group && !statement.readonly && !this.raw.inTransaction) {
        const waiting = this.takeWriteLock();
        if (waiting) return waiting.then(() => this.single(query));
        group = this.openGroup();
      }
      result = this.run(query, statement);
    } catch (error) {
      this.checkGroup(error);
      this.unlock();
      return Promise.reject(error);
    }
    if (group) group.units++;
    this.unlock();
    return group ? group.done.then(() => result) : Promise.resolve(result);
  }

  private run(query: CompiledQuery, prepared?: Database.Statement): QueryResult<unknown> {
    const statement = prepared ?? (this.statements.prepare(query.sql) as Database.Statement);
    const parameters = query.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(parameters) };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  private lock(): Promise<void> | undefined {
    if (!this.locked) {
      this.locked = true;
      return undefined;
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Hands the connection to the next waiter (FIFO), or frees it and commits the group soon. */
  private unlock(): void {
    const group = this.group;
    if (
      group &&
      (group.units >= this.maxUnits ||
        performance.now() - group.openedAt >= this.maxOpenMs ||
        this.writeLock?.contended())
    )
      this.commitGroup();
    const next = this.waiters.shift();
    if (next) next();
    else {
      this.locked = false;
      if (this.group) this.scheduleCommit();
    }
  }

  /**
   * Commits after the I/O callbacks of this turn of the event loop (its check phase), so the units that
   * arrived together share the commit. A unit that writes from the check phase itself (a continuation of
   * the last commit, a batch flushed there) would wait with `setImmediate` for the next turn's check phase,
   * behind all of that turn's I/O: a turn of a busy server costs milliseconds, and a request that writes
   * twice in a row paid it on every write. The timer runs before the next turn's I/O instead (timers come
   * first in a turn of the loop, once their millisecond has passed), whichever of the two runs first.
   */
  private scheduleCommit(): void {
    if (this.commitScheduled) return;
    this.commitScheduled = true;
    const timer = setTimeout(this.scheduledCommit, 0);
    timer.unref();
    setImmediate(() => {
      clearTimeout(timer);
      this.scheduledCommit();
    });
  }

  private readonly scheduledCommit = (): void => {
    if (!this.commitScheduled) return;
    this.commitScheduled = false;
    // A unit holding the connection schedules again when it lets go.
    if (this.group && !this.locked) this.commitGroup();
  };

  /**
   * Before a group opens, with the connection held: takes the shared write lock, and when another thread
   * holds it, waits without blocking this thread's event loop, whose other requests go on meanwhile (their
   * statements wait for the connection). Undefined when there was no need to wait.
   */
  private takeWriteLock(): Promise<void> | undefined {
    const lock = this.writeLock;
    if (!lock || this.writeLockTaken || this.group || this.raw.inTransaction) return undefined;
    const taken = lock.acquireAsync();
    // Also after a bounded wait that ended without the lock: SQLite's own lock then keeps writes apart.
    if (taken === true) this.writeLockTaken = true;
    else
      return taken.then(() => {
        this.writeLockTaken = true;
      });
    return undefined;
  }

  /** Every caller has taken the shared write lock first (`takeWriteLock`). */
  private openGroup(): Group {
    this.writeLockTaken = false;
    try {
      this.control.begin.run();
    } catch (error) {
      this.writeLock?.release();
      throw error;
    }
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Units await it; nobody may be waiting when it fails.
    done.catch(() => {});
    this.group = { units: 0, openedAt: performance.now(), done, resolve, reject };
    return this.group;
  }

  private commitGroup(): void {
    const group = this.group;
    if (!group) return;
    this.group = undefined;
    try {
      if (!this.raw.inTransaction) throw rolledBack();
      this.control.commit.run();
    } catch (error) {
      try {
        if (this.raw.inTransaction) this.control.rollback.run();
      } finally {
        this.writeLock?.release();
      }
      this.stats.aborted++;
      group.reject(error);
      return;
    }
    this.writeLock?.release();
    this.stats.commits++;
    this.stats.units += group.units;
    group.resolve();
  }

  /** After a failed statement: SQLite may have rolled the whole transaction back (I/O error, full disk). */
  private checkGroup(error: unknown): void {
    const group = this.group;
    if (!group || this.raw.inTransaction) return;
    this.group = undefined;
    this.writeLock?.release();
    this.stats.aborted++;
    group.reject(error);
  }
}

function rolledBack(): Error {
  return new Error('the grouped transaction was rolled back');
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

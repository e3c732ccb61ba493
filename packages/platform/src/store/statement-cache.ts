// Kysely's SQLite driver prepares every statement on every execution; preparing is a large share of a
// simple read. This hands Kysely a database whose `prepare` reuses statements by their SQL text.
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Wraps `raw` so identical SQL reuses one prepared statement (bounded; oldest dropped first). */
export function cachingStatements(raw: Database.Database, maxStatements = 500): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = raw.prepare(sql);
        if (statements.size >= maxStatements) statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      raw.close();
    },
  };
}

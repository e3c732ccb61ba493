// Picks the adapters named by the validated configuration.
import path from 'node:path';
import {
  type Cache,
  type ConciergeConfig,
  createFileMailer,
  createMemoryCache,
  createPostgresStore,
  createRedisCache,
  createSmtpMailer,
  createSqliteStore,
  type Logger,
  type Mailer,
  type SqliteStoreOptions,
  type SqlStore,
} from '@concierge/platform';

/** `groupCommit`: limits of the SQLite store's commit groups, and a write lock shared with other threads. */
export function createStore(
  config: ConciergeConfig,
  logger: Logger,
  groupCommit?: SqliteStoreOptions['groupCommit'],
): SqlStore {
  if (config.store.kind === 'postgres') {
    return createPostgresStore({ connectionString: config.store.databaseUrl!, logger });
  }
  return createSqliteStore({ file: config.store.sqliteFile, ...(groupCommit ? { groupCommit } : {}) });
}

export function createCache(config: ConciergeConfig, logger: Logger): Cache {
  if (config.cache.kind === 'redis')
    return createRedisCache({ url: config.cache.redisUrl!, keyPrefix: config.cache.keyPrefix, logger });
  return createMemoryCache();
}

/** SMTP when `CONCIERGE_SMTP_URL` is set; otherwise .eml files in `<data>/outbox` a newcomer can open. */
export function createMailer(config: ConciergeConfig, logger: Logger): Mailer {
  if (!config.mail.smtpUrl) {
    return createFileMailer({ dir: path.join(config.dataDir, 'outbox'), from: config.mail.from, logger });
  }
  const url = new URL(config.mail.smtpUrl);
  const secure = url.protocol === 'smtps:';
  return createSmtpMailer({
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 25)),
    secure,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    from: config.mail.from,
  });
}

// Public surface of the platform package.

export * from './cache/memory-cache.js';
export * from './cache/redis-cache.js';
export * from './config/config.js';
export * from './errors/app-error.js';
export * from './errors/http.js';
export * from './errors/parse-input.js';
export * from './events/memory-event-bus.js';
export * from './ids/ids.js';
export * from './logging/logger.js';
export * from './mail/file-mailer.js';
export * from './mail/smtp-mailer.js';
export * from './ports/cache.js';
export * from './ports/events.js';
export * from './ports/mailer.js';
export * from './ports/queue.js';
export * from './ports/service.js';
export * from './ports/sql-store.js';
export * from './queue/backoff.js';
export * from './queue/sqlite-queue.js';
export * from './runtime/shutdown.js';
export * from './store/migrate.js';
export * from './store/postgres-store.js';
export * from './store/sqlite-store.js';
export * from './time/local-moment.js';

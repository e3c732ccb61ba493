// Structured logging with pino; every service logs through a child of one root logger.
import { type Logger, pino } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  format: 'json' | 'pretty';
  name?: string;
}

/** Builds the root logger; pretty output is for people at a terminal, json for everything else. */
export function createLogger(options: LoggerOptions): Logger {
  const base = { level: options.level, name: options.name ?? 'concierge' };
  if (options.format === 'pretty') {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return pino(base);
}

// Shared start-up of every command: configuration (fails fast), logger, assembled system.
import { type ConciergeConfig, createLogger, type Logger, loadConfig } from '@concierge/platform';
import { assembleSystem, type System } from '../roots/embedded.root.js';

export interface Setup {
  config: ConciergeConfig;
  logger: Logger;
  system: System;
}

export async function setup(): Promise<Setup> {
  const defaults = { CONCIERGE_LOG_FORMAT: process.stdout.isTTY ? 'pretty' : 'json' };
  const config = loadConfig({ ...defaults, ...process.env });
  const logger = createLogger({ level: config.log.level, format: config.log.format });
  return { config, logger, system: await assembleSystem(config, logger) };
}

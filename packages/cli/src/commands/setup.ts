// Shared start-up of every command: configuration (fails fast), logger, assembled system.
import { type ConciergeConfig, createLogger, type Logger, loadConfig } from '@concierge/platform';
import { assembleSystem, type System } from '../roots/embedded.root.js';
import { createTelemetry } from '../roots/telemetry.root.js';

export interface Setup {
  config: ConciergeConfig;
  logger: Logger;
  system: System;
}

/**
 * `serving`: a long-running process (metrics and traces as configured); one-shot commands have neither.
 * `backgroundEntry`: the module a background thread starts from (see assembleSystem).
 */
export async function setup(options: { serving?: boolean; backgroundEntry?: URL } = {}): Promise<Setup> {
  const defaults = { CONCIERGE_LOG_FORMAT: process.stdout.isTTY ? 'pretty' : 'json' };
  const config = loadConfig({ ...defaults, ...process.env });
  const telemetry = options.serving ? await createTelemetry(config) : undefined;
  const logger = createLogger({
    level: config.log.level,
    format: config.log.format,
    ...(telemetry?.logMixin ? { mixin: telemetry.logMixin } : {}),
  });
  const background = options.backgroundEntry ? { backgroundEntry: options.backgroundEntry } : {};
  return { config, logger, system: await assembleSystem(config, logger, telemetry, background) };
}

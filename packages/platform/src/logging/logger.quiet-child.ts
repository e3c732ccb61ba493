// Child of logger.test.ts: logs one line, then idles.
import { createLogger } from './logger.js';

createLogger({ level: 'info', format: 'json' }).info('one quiet line');
setTimeout(() => {}, 30_000);

// Child of logger.test.ts: logs many lines of mixed sizes (some past the 4 KiB chunk, some not ASCII), then
// flushes and exits.
import { createLogger, flushLogger } from './logger.js';

const logger = createLogger({ level: 'info', format: 'json' }).child({ reqId: 'r1' });
for (let i = 0; i < 3000; i++) {
  const note = i % 500 === 7 ? 'x'.repeat(6000) : i % 3 === 0 ? 'é日🙂' : '';
  logger.info({ i, note }, 'request');
}
await flushLogger(logger);
process.exit(0);

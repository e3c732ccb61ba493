// Runs a command and turns a failure into one clear line on stderr and a non-zero exit code.
import { isAppError } from '@concierge/platform';

export async function runCommand(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    const message = isAppError(error) || error instanceof Error ? error.message : String(error);
    process.stderr.write(`concierge: ${message}\n`);
    if (!isAppError(error) && error instanceof Error && process.env.CONCIERGE_LOG_LEVEL === 'debug') {
      process.stderr.write(`${error.stack}\n`);
    }
    process.exit(1);
  }
}

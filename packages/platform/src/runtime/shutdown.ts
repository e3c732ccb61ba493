// Graceful shutdown: on SIGINT/SIGTERM run the registered steps in order (stop accepting, drain, close),
// each bounded by a deadline; a second signal or the deadline forces the exit.
import type { Logger } from 'pino';

export interface ShutdownStep {
  name: string;
  run(): Promise<void>;
}

export interface Shutdown {
  /** Adds a step; steps run in the order they were added. */
  add(name: string, run: () => Promise<void>): void;
  /** Runs every step once; later calls return the same promise. */
  run(reason: string): Promise<void>;
  /** Installs SIGINT/SIGTERM handlers that run the steps and exit the process. */
  installSignalHandlers(): void;
}

export interface ShutdownOptions {
  logger: Logger;
  timeoutMs: number;
  exit?: (code: number) => void;
}

export function createShutdown(options: ShutdownOptions): Shutdown {
  const steps: ShutdownStep[] = [];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let running: Promise<void> | undefined;

  async function runSteps(reason: string): Promise<void> {
    options.logger.info({ reason }, 'shutting down');
    for (const step of steps) {
      const started = Date.now();
      try {
        await step.run();
        options.logger.info({ step: step.name, ms: Date.now() - started }, 'shutdown step done');
      } catch (error) {
        options.logger.error({ step: step.name, err: error }, 'shutdown step failed');
      }
    }
  }

  const shutdown: Shutdown = {
    add(name, run) {
      steps.push({ name, run });
    },
    run(reason) {
      running ??= runSteps(reason);
      return running;
    },
    installSignalHandlers() {
      const onSignal = (signal: NodeJS.Signals) => {
        if (running) {
          options.logger.warn({ signal }, 'second signal: exiting now');
          exit(1);
          return;
        }
        const deadline = setTimeout(() => {
          options.logger.error({ timeoutMs: options.timeoutMs }, 'shutdown took too long: exiting');
          exit(1);
        }, options.timeoutMs);
        deadline.unref();
        shutdown.run(signal).then(() => {
          clearTimeout(deadline);
          exit(0);
        });
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    },
  };
  return shutdown;
}

// The gateway's own operations: liveness, readiness (every adapter checked, each with a time limit), the contract.
import type { ServiceModule } from '@concierge/platform';

/** A named check that throws when its adapter cannot serve (database, queue, cache...). */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

const checkTimeoutMs = 2000;

function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function gatewayModule(
  checks: ReadinessCheck[],
  isDraining: () => boolean,
  document: Record<string, unknown>,
): ServiceModule {
  return {
    name: 'gateway',
    operations: {
      health: async () => ({ status: 200, body: { status: 'ok' } }),
      getOpenApiDocument: async () => ({
        status: 200,
        body: document,
        headers: { 'cache-control': 'no-cache' },
      }),
      readiness: async () => {
        const results: Record<string, string> = {};
        await Promise.all(
          checks.map(async (c) => {
            try {
              await withTimeout(c.check(), checkTimeoutMs);
              results[c.name] = 'ok';
            } catch (error) {
              results[c.name] = error instanceof Error ? error.message : String(error);
            }
          }),
        );
        if (isDraining()) results.shutdown = 'draining';
        const ready = Object.values(results).every((v) => v === 'ok');
        return {
          status: ready ? 200 : 503,
          body: { status: ready ? 'ready' : 'unavailable', checks: results },
        };
      },
    },
  };
}

// Test projects: `unit` needs nothing installed; `servers` runs against real servers named by
// DATABASE_URL / REDIS_URL / NATS_URL (each suite skips itself when its variable is absent).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const alias = {
  '@concierge/platform/testing': here('./packages/platform/src/testing/index.ts'),
  '@concierge/platform': here('./packages/platform/src/index.ts'),
  '@concierge/nlu/cli/eval': here('./packages/nlu/src/cli/eval.ts'),
  '@concierge/nlu': here('./packages/nlu/src/index.ts'),
  '@concierge/gateway': here('./services/gateway/src/index.ts'),
  '@concierge/catalog': here('./services/catalog/src/index.ts'),
  '@concierge/identity': here('./services/identity/src/index.ts'),
  '@concierge/notifications': here('./services/notifications/src/index.ts'),
  '@concierge/chat': here('./services/chat/src/index.ts'),
  '@concierge/orders': here('./services/orders/src/index.ts'),
  '@concierge/sdk/phone': here('./packages/sdk/src/phone.ts'),
  '@concierge/sdk': here('./packages/sdk/src/index.ts'),
};

const shared = { resolve: { alias } };

export default defineConfig({
  ...shared,
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          include: ['{api,packages,services,bench,scripts,deploy}/**/*.test.ts'],
          exclude: [
            '**/node_modules/**',
            '**/cdk.out/**',
            '**/*.servers.test.ts',
            '**/*.chaos.test.ts',
            '**/*.browser.test.ts',
          ],
          testTimeout: 20_000,
          // Suites that assemble the whole system in beforeAll need more than 10 s on a busy 2-core machine.
          hookTimeout: 60_000,
        },
      },
      {
        ...shared,
        test: {
          name: 'servers',
          include: ['{packages,services,deploy}/**/*.servers.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...shared,
        test: {
          name: 'chaos',
          include: ['{packages,services}/**/*.chaos.test.ts'],
          testTimeout: 600_000,
          // One scenario at a time: they kill processes, restart servers and time recoveries, and the
          // topologies pick consecutive ports, so running them side by side on two cores only adds noise.
          fileParallelism: false,
        },
      },
      {
        ...shared,
        // The web app in Debian's chromium against the real system (needs `npm run build` and /usr/bin/chromium).
        test: {
          name: 'browser',
          include: ['web/**/*.browser.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

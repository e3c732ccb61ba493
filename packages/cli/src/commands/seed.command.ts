// `concierge seed`: loads the deterministic demo catalog, showing progress.
import { demoAccounts, demoPassword, seedDemoAccounts } from '../roots/demo-accounts.js';
import { migrateAll } from '../roots/embedded.root.js';
import { progress, say } from './console.js';
import { setup } from './setup.js';

export async function seedCommand(opts: { reset?: boolean }): Promise<void> {
  const { system } = await setup();
  try {
    await migrateAll(system);
    say(opts.reset ? 'Replacing the catalog with the demo data set...' : 'Loading the demo data set...');
    const result = await system.catalog.seed({
      reset: opts.reset ?? false,
      onProgress: progress('  catalog'),
    });
    say(
      result.seeded
        ? `Seeded ${result.products} products and ${result.restaurants} restaurants.`
        : 'The catalog already has data; nothing changed (use --reset to replace it).',
    );
    const accounts = await seedDemoAccounts(system.identity.identity);
    if (accounts > 0)
      say(
        `Created ${accounts} demo accounts: ${demoAccounts.map((a) => a.email).join(', ')} (password ${demoPassword}).`,
      );
  } finally {
    await system.close();
  }
}

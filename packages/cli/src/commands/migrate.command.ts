// `concierge migrate`: applies pending migrations of every service and says what changed.
import { migrateAll } from '../roots/embedded.root.js';
import { say } from './console.js';
import { setup } from './setup.js';

export async function migrateCommand(): Promise<void> {
  const { config, system } = await setup();
  say(
    `Migrating the ${config.store.kind} store${config.store.kind === 'sqlite' ? ` at ${config.store.sqliteFile}` : ''}...`,
  );
  try {
    const applied = await migrateAll(system);
    for (const [service, names] of Object.entries(applied)) {
      say(`  ${service}: ${names.length === 0 ? 'up to date' : `applied ${names.join(', ')}`}`);
    }
    say('Migrations done.');
  } finally {
    await system.close();
  }
}

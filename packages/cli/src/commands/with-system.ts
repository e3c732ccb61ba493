// Runs an administrative command against the data folder's system: migrated first, closed after.
import { migrateAll, type System } from '../roots/embedded.root.js';
import { setup } from './setup.js';

export async function withSystem(fn: (system: System) => Promise<void>): Promise<void> {
  const { system } = await setup();
  try {
    await migrateAll(system);
    await fn(system);
  } finally {
    await system.close();
  }
}

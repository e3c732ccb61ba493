// Lambda entry of the migration function, run by a CDK trigger after each deployment; `{"seed": true}`
// also loads the demo catalog.
import { seedCatalog } from '@concierge/catalog';
import { allMigrations } from '../functions/migrations.js';
import { coldStart } from './start.js';

const ctx = await coldStart('migrate');

export async function migrate(event: { seed?: boolean } = {}) {
  const applied: Record<string, string[]> = {};
  for (const set of allMigrations(ctx)) applied[set.service] = (await ctx.store.migrate(set)).applied;
  ctx.logger.info({ applied }, 'migrations applied');
  const seeded = event.seed ? await seedCatalog(ctx.store) : undefined;
  return { applied, ...(seeded ? { seeded } : {}) };
}

// Demo accounts for the embedded demo: a customer and an operator, confirmed, with a published password.
// Seeded only by `concierge seed` / `start --seed-if-empty`, never by a plain start.
import { createPasswordHasher, type Identity } from '@concierge/identity';

export const demoPassword = 'Concierge-demo-1';

export const demoAccounts = [
  { id: 'usr_demo', email: 'demo@concierge.local', name: 'Demo Customer', roles: ['customer'] },
  {
    id: 'usr_operator',
    email: 'operator@concierge.local',
    name: 'Demo Operator',
    roles: ['customer', 'operator'],
  },
] as const;

/** Creates the demo accounts that are missing; returns how many were created. */
export async function seedDemoAccounts(identity: Identity): Promise<number> {
  const hasher = createPasswordHasher();
  let created = 0;
  for (const account of demoAccounts) {
    if (await identity.repository.findByEmail(account.email)) continue;
    const inserted = await identity.repository.insert({
      ...account,
      roles: [...account.roles],
      emailVerified: true,
      passwordHash: await hasher.hash(demoPassword),
      phone: null,
      createdAt: new Date().toISOString(),
    });
    if (inserted) created++;
  }
  return created;
}

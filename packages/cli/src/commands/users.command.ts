// `concierge users ...`: list, show, create (confirmed, optionally operator) and confirm accounts in the data folder.
import { type Account, createPasswordHasher, passwordProblems } from '@concierge/identity';
import { AppError, prefixedId } from '@concierge/platform';
import type { System } from '../roots/embedded.root.js';
import { say } from './console.js';
import { generatePassword } from './generated-password.js';
import { withSystem } from './with-system.js';

const line = (a: Account) =>
  `${a.id}\t${a.email}\t${a.emailVerified ? 'confirmed' : 'unconfirmed'}${a.disabledAt ? ',disabled' : ''}\t${a.roles.join(',')}`;

async function account(system: System, email: string): Promise<Account> {
  const found = await system.identity.identity.repository.findByEmail(email);
  if (!found) throw AppError.notFound(`The account ${email}`);
  return found;
}

export const listUsers = (opts: { limit: string }) =>
  withSystem(async (system) => {
    const accounts = await system.identity.identity.repository.list(Number(opts.limit));
    say(`${accounts.length} account(s):`);
    for (const a of accounts) process.stdout.write(`${line(a)}\n`);
  });

export const showUser = (email: string) =>
  withSystem(async (system) => {
    const { passwordHash, ...visible } = await account(system, email);
    process.stdout.write(`${JSON.stringify({ ...visible, hasPassword: passwordHash !== null }, null, 2)}\n`);
  });

export const createUser = (email: string, opts: { operator?: boolean; password?: string; name?: string }) =>
  withSystem(async (system) => {
    const password = opts.password ?? generatePassword();
    const problems = passwordProblems(password, '--password');
    if (problems.length > 0)
      throw AppError.invalid(problems.map((p) => `${p.field} ${p.message}`).join('; '));
    const roles = opts.operator ? ['customer', 'operator'] : ['customer'];
    const created = await system.identity.identity.repository.insert({
      id: prefixedId('usr'),
      email,
      emailVerified: true,
      passwordHash: await createPasswordHasher().hash(password),
      name: opts.name ?? null,
      phone: null,
      roles,
      createdAt: new Date().toISOString(),
    });
    if (!created) throw new AppError('conflict', `An account with e-mail ${email} already exists`);
    say(`Created the confirmed account ${email} with roles ${roles.join(', ')}.`);
    if (!opts.password) say(`  Generated password (shown once): ${password}`);
  });

export const confirmUser = (email: string) =>
  withSystem(async (system) => {
    const found = await account(system, email);
    if (found.emailVerified) return say(`${email} was already confirmed; nothing changed.`);
    await system.identity.identity.repository.update(found.id, { emailVerified: true });
    say(`Confirmed ${email}: it can sign in now.`);
  });

export const disableUser = (email: string) =>
  withSystem(async (system) => {
    const found = await account(system, email);
    if (found.disabledAt)
      return say(`${email} was already disabled (since ${found.disabledAt}); nothing changed.`);
    await system.identity.accountAdmin.disable(email);
    say(`Disabled ${email}: it cannot sign in, refresh or get credentials; its refresh tokens and temporary`);
    say(
      '  credentials are revoked. Access tokens already issued work until they expire (CONCIERGE_TOKEN_TTL_SECONDS).',
    );
  });

export const enableUser = (email: string) =>
  withSystem(async (system) => {
    const found = await account(system, email);
    if (!found.disabledAt) return say(`${email} was not disabled; nothing changed.`);
    await system.identity.accountAdmin.enable(email);
    say(`Enabled ${email}: it can sign in again.`);
  });

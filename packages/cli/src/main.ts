// The `concierge` command line: start the system, migrate, seed, manage users and API keys; each command says what it does.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Command } from 'commander';
import { apiKeyUsage, createApiKey, listApiKeys, revokeApiKey } from './commands/api-keys.command.js';
import { type DlqAction, dlqCommand } from './commands/dlq.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { runCommand } from './commands/run-command.js';
import { seedCommand } from './commands/seed.command.js';
import { startCommand } from './commands/start.command.js';
import { type UpOptions, upCommand } from './commands/up.command.js';
import {
  confirmUser,
  createUser,
  disableUser,
  enableUser,
  listUsers,
  showUser,
} from './commands/users.command.js';

const program = new Command('concierge')
  .description(
    'Concierge: a conversational shopping and dining concierge. Configure with CONCIERGE_* variables.',
  )
  .version('0.1.0')
  .showHelpAfterError();

program
  .command('start')
  .description('Start the whole system in one process (embedded mode) and print the URL to open')
  .option('--seed-if-empty', 'load the demo catalog when the catalog is empty')
  .action((opts: { seedIfEmpty?: boolean }) =>
    // This module is also the background thread's entry (see roots/background.thread.ts).
    runCommand(() => startCommand({ ...opts, backgroundEntry: new URL(import.meta.url) })),
  );

program
  .command('up')
  .description(
    'Start the distributed topology on this machine (DATABASE_URL, REDIS_URL, NATS_URL): a process per service, gateways behind a balancer',
  )
  .option('--distributed', 'one process per service (the only topology up knows)')
  .option('--gateways <n>', 'gateway instances behind the balancer', '2')
  .option('--workers <n>', 'order worker processes', '2')
  .option('--seed-if-empty', 'migrate, then load the demo catalog and accounts when empty')
  .action((opts: UpOptions) => runCommand(() => upCommand(opts)));

program
  .command('migrate')
  .description('Apply pending database migrations of every service, then exit')
  .action(() => runCommand(migrateCommand));

program
  .command('seed')
  .description('Load the deterministic demo data set (catalog) if the catalog is empty')
  .option('--reset', 'replace the catalog even when it has data')
  .action((opts: { reset?: boolean }) => runCommand(() => seedCommand(opts)));

program
  .command('dlq')
  .description(
    'Dead letters of a queue (orders.placed, notifications.deliver): list, show, replay or discard',
  )
  .argument('<action>', 'list | show | replay | discard')
  .argument('<queue>', 'queue name, e.g. orders.placed')
  .argument('[messageId]', 'the dead letter, for show, replay and discard')
  .action((action: string, queue: string, messageId?: string) => {
    if (!['list', 'show', 'replay', 'discard'].includes(action)) {
      program.error(`unknown dlq action "${action}": use list, show, replay or discard`);
    }
    return runCommand(() => dlqCommand(action as DlqAction, queue, messageId));
  });

program
  .command('nlu')
  .description('The NLU engine on its own')
  .command('eval')
  .description(
    'Train on a JSONL, Rasa, SNIPS or bot YAML file and report intent/slot metrics, latency, size, memory',
  )
  .allowUnknownOption()
  .helpOption(false)
  .argument('[args...]', '--train FILE [--test FILE | --dev-split 0.2 | --folds 5] [--seed 1] [--json]')
  .action((args: string[]) =>
    runCommand(async () => {
      // Loaded on demand: the evaluator turns on V8's gc hooks, which no other command needs.
      const { runEval } = await import('@concierge/nlu/cli/eval');
      await runEval(args);
    }),
  );

const users = program.command('users').description('Manage accounts in the data folder (CONCIERGE_DATA_DIR)');
users
  .command('list')
  .description('List accounts: id, e-mail, confirmed or not, roles')
  .option('--limit <n>', 'at most this many', '1000')
  .action((opts: { limit: string }) => runCommand(() => listUsers(opts)));
users
  .command('show <email>')
  .description('Show one account as JSON (never its password hash)')
  .action((email: string) => runCommand(() => showUser(email)));
users
  .command('create <email>')
  .description('Create a confirmed account; prints a generated password when none is given')
  .option('--operator', 'give it the operator role too')
  .option('--password <password>', 'its password (at least 8 characters with upper, lower, digit and symbol)')
  .option('--name <name>', 'its display name')
  .action((email: string, opts: { operator?: boolean; password?: string; name?: string }) =>
    runCommand(() => createUser(email, opts)),
  );
users
  .command('confirm <email>')
  .description('Confirm an account whose owner never entered the mailed code')
  .action((email: string) => runCommand(() => confirmUser(email)));
users
  .command('disable <email>')
  .description(
    'Disable an account: no sign-in, refresh or credentials; revokes its refresh tokens and credentials',
  )
  .action((email: string) => runCommand(() => disableUser(email)));
users
  .command('enable <email>')
  .description('Enable a disabled account again')
  .action((email: string) => runCommand(() => enableUser(email)));

const apiKeys = program.command('api-keys').description('Manage API keys and read their usage');
apiKeys
  .command('create <email> <name>')
  .description('Create an API key for the account; prints its value once, on stdout')
  .option('--plan <plan>', 'usage plan: basic or standard', 'basic')
  .action((email: string, name: string, opts: { plan?: string }) =>
    runCommand(() => createApiKey(email, name, opts)),
  );
apiKeys
  .command('list <email>')
  .description("List the account's API keys (never their values)")
  .action((email: string) => runCommand(() => listApiKeys(email)));
apiKeys
  .command('revoke <keyId>')
  .description('Revoke an API key')
  .action((keyId: string) => runCommand(() => revokeApiKey(keyId)));
apiKeys
  .command('usage <keyId>')
  .description("Print a key's per-day requests and the quota left, as JSON")
  .option('--from <date>', 'first day, YYYY-MM-DD (default: 29 days before --to)')
  .option('--to <date>', 'last day, YYYY-MM-DD (default: today, UTC)')
  .action((keyId: string, opts: { from?: string; to?: string }) =>
    runCommand(() => apiKeyUsage(keyId, opts)),
  );

if (!isMainThread && workerData?.role === 'concierge-background') {
  const { runBackgroundThread } = await import('./roots/background.thread.js');
  await runBackgroundThread(parentPort!, workerData);
} else await program.parseAsync(process.argv);

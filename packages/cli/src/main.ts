// The `concierge` command line: start the system, migrate, seed; each command says what it does.
import { Command } from 'commander';
import { type DlqAction, dlqCommand } from './commands/dlq.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { runCommand } from './commands/run-command.js';
import { seedCommand } from './commands/seed.command.js';
import { startCommand } from './commands/start.command.js';

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
  .action((opts: { seedIfEmpty?: boolean }) => runCommand(() => startCommand(opts)));

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

await program.parseAsync(process.argv);

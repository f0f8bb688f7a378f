import { EXIT, UsageError, type CliCommand, type CliIo } from './command';
import { alertsCommand } from './commands/alerts';
import { auditCommand } from './commands/audit';
import { backupCommand } from './commands/backup';
import { callCommand } from './commands/call';
import { checkCommand } from './commands/check';
import { planPreviewCommand } from './commands/plan-preview';
import { prepayPreviewCommand } from './commands/prepay-preview';
import { seedCommand } from './commands/seed';
import { exportCommand, importCommand } from './commands/import';
import { statementCommand } from './commands/statement';
import { reportCommand } from './commands/report';
import { restoreCommand } from './commands/restore';
import { versionCommand } from './commands/version';
import { worklistCommand } from './commands/worklist';
import { classifyCommand } from './commands/classify';
import { ledgerCommand } from './commands/ledger';
import { officeCommand } from './commands/office';

const COMMANDS: CliCommand[] = [
  versionCommand,
  checkCommand,
  statementCommand,
  seedCommand,
  importCommand,
  exportCommand,
  alertsCommand,
  auditCommand,
  worklistCommand,
  classifyCommand,
  ledgerCommand,
  planPreviewCommand,
  prepayPreviewCommand,
  backupCommand,
  restoreCommand,
  reportCommand,
  callCommand,
  officeCommand,
];

export function usage(): string {
  return ['usage: npm run cli -- <command> [options]', '', ...COMMANDS.map((c) => `  ${c.usage}`)].join('\n');
}

/** Runs one CLI invocation; never exits the process itself so tests can call it directly. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(name ? `unknown command "${name}"; try: ${COMMANDS.map((c) => c.name).join(', ')}` : usage());
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${command.name}: ${error.message}`);
      return EXIT.usage;
    }
    io.err(`${command.name}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}

const isEntryPoint = process.argv[1] !== undefined && /cli[\\/]main\.[cm]?[jt]s$/.test(process.argv[1]);
if (isEntryPoint) {
  const io: CliIo = {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    env: process.env,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}

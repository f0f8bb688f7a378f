import { EXIT, UsageError, json, withApp, type CliCommand, type CliIo } from '../command';
import { parseCliArgs } from '../args';
import { systemClock } from '../../services/clock';
import { isServerBook } from '../../db/engine';
import { describeServerBook } from '../../db/postgres/open';
import { moveBook, type MoveReport } from '../../services/office/move-book';
import { grantAppRole } from '../../services/office/roles';

/** The daily-use role's password, for `office init --app-role`. */
const APP_PASSWORD_VAR = 'PLEDGEBOOK_APP_PASSWORD';

const USAGE =
  'office init --db postgres://OWNER@… [--app-role NAME] | office move --from PATH_OR_URL --to PATH_OR_URL [--json]';

/**
 * `office init --db URL` makes an empty PostgreSQL database a Pledgebook book (checks the server,
 * creates the schema), or brings an existing one up to this version; run as the book's owner.
 * `--app-role NAME` also creates the least-privilege role the PCs use every day, its password
 * taken from PLEDGEBOOK_APP_PASSWORD (never the command line, which other users can see). `office move --from --to` copies a whole book between engines, either
 * way, into a new empty book, and verifies the copy; the source is only read.
 */
export const officeCommand: CliCommand = {
  name: 'office',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'init') return init(rest, io);
    if (sub === 'move') return move(rest, io);
    throw new UsageError(`the office commands are "office init" and "office move"; usage: ${USAGE}`);
  },
};

async function init(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCliArgs(args, { db: { type: 'string' }, 'app-role': { type: 'string' } });
  if (!values.db || !isServerBook(values.db)) {
    throw new UsageError(
      "--db must be the server book's address, e.g. postgres://pledgebook@server/pledgebook",
    );
  }
  const appRole = values['app-role'];
  const password = process.env[APP_PASSWORD_VAR];
  if (appRole !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(appRole)) {
    throw new UsageError('--app-role must be lower-case letters, digits and "_", e.g. pledgebook_app');
  }
  const version = await withApp(values.db, io, async (app) => {
    if (appRole) await grantAppRole(app.ctx.db, { name: appRole, ...(password ? { password } : {}) });
    const result = await app.dispatch('system.info', {});
    return result.ok ? (result.value as { sqliteVersion: string; schemaVersion: string }) : null;
  });
  io.out(
    `${describeServerBook(values.db)} is a Pledgebook book (${version?.sqliteVersion}, schema ${version?.schemaVersion}).`,
  );
  if (appRole) {
    io.out(
      `The office's PCs connect as ${appRole}: it reads and writes rows, owns no table, and cannot change the audit log or saved contacts.` +
        (password
          ? ''
          : ` No password was set (${APP_PASSWORD_VAR} was empty); set one before the PCs connect.`),
    );
  }
  return EXIT.ok;
}

async function move(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCliArgs(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!values.from?.trim() || !values.to?.trim())
    throw new UsageError(`--from and --to are both required; usage: ${USAGE}`);
  const started = performance.now();
  const report = await moveBook(values.from, values.to, {
    clock: systemClock,
    onProgress: process.stderr.isTTY
      ? (p) => {
          const seconds = ((performance.now() - started) / 1000).toFixed(0);
          const what = p.table === 'verify' ? 'verifying' : `copying ${p.table}`;
          process.stderr.write(
            `\r${what}: ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} (${seconds} s)\x1b[K`,
          );
        }
      : undefined,
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  io.out(values.json ? json(report) : describe(report, values.from, values.to));
  return report.ok ? EXIT.ok : EXIT.failed;
}

const shown = (location: string) => (isServerBook(location) ? describeServerBook(location) : location);

function describe(report: MoveReport, from: string, to: string): string {
  const rows = report.tables.reduce((n, t) => n + t.rows, 0);
  const differing = report.tables.filter((t) => !t.same);
  return [
    `${report.ok ? 'moved' : 'COPIED BUT NOT VERIFIED'}: ${shown(from)} → ${shown(to)}`,
    `  ${rows.toLocaleString('en')} rows in ${report.tables.length} tables, ${report.seconds.toFixed(1)} s`,
    differing.length === 0
      ? '  every table has the same rows and checksum on both sides'
      : `  tables that differ: ${differing.map((t) => `${t.table} (${t.rows} → ${t.targetRows})`).join(', ')}`,
    `  attachments: ${report.attachments.copied} copied` +
      (report.attachments.missing.length > 0
        ? `, ${report.attachments.missing.length} missing in the source (not copied): ${report.attachments.missing.slice(0, 3).join(', ')}`
        : ''),
    report.audit.ok
      ? `  audit trail intact on the new book: ${report.audit.rows} row(s)`
      : `  audit trail BROKEN on the new book at row ${report.audit.firstBroken?.id}: ${report.audit.firstBroken?.problem}`,
    report.statements.differences.length === 0
      ? `  statements of ${report.statements.compared} random loans are the same, field by field`
      : `  statements differ: ${report.statements.differences.map((d) => `loan ${d.loanId} (${d.field})`).join(', ')}`,
  ].join('\n');
}

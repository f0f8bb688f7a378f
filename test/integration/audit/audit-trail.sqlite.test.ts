import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command';
import { runCli } from '../../../electron/cli/main';
import { verifyAuditChain } from '../../../electron/services/audit/verify';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';
import { sqliteShell } from '../../support/sqlite-shell';
import { sqliteOf } from '../../../electron/services/context';

const TERMS = {
  method: 'annuity',
  principal: 6_000_000,
  annualRatePercent: '12',
  months: 12,
  startDate: '2026-03-10',
} as const;

interface AuditRow {
  id: number;
  at: string;
  username: string;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

const auditRows = (app: TestApp) =>
  sqliteOf(app.ctx).prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];

/** Five audited changes: a borrower, an edit, a loan, a payment and its reversal. */
async function givenSomeHistory(app: TestApp) {
  const { id: borrowerId } = await app.call('borrowers.create', WANG_FANG);
  await app.call('borrowers.update', { id: borrowerId, ...WANG_FANG, phone: '13900139000' });
  const { id: loanId } = await app.call('loans.create', { borrowerId, product: 'car-title', terms: TERMS });
  const { id: paymentId } = await app.call('payments.record', {
    loanId,
    date: '2026-04-10',
    amount: 533_093,
    method: 'cash',
  });
  await app.call('payments.reverse', { paymentId, reason: 'bounced transfer' });
  return { borrowerId, loanId, paymentId };
}

/** What someone with the database file and the sqlite3 tool could do. */
const sqlite3 = (app: TestApp, script: string) => sqliteShell(app.ctx.databasePath, script);

async function cliVerify(app: TestApp) {
  const out: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), env: {} };
  const code = await runCli(['audit', 'verify', '--db', app.ctx.databasePath], io);
  return { code, text: out.join('\n') };
}

describe('the audit trail', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('records who, when, what, before and after for every change, with ID numbers masked', async () => {
    const { borrowerId, loanId, paymentId } = await givenSomeHistory(app);
    await app.call('loans.setStatus', { id: loanId, status: 'legal' });
    await app.call('settings.update', { companyName: '安信典当' });

    const rows = auditRows(app);
    expect(rows.map((r) => [r.entity, r.entity_id, r.action])).toEqual([
      ['borrower', String(borrowerId), 'create'],
      ['borrower', String(borrowerId), 'update'],
      ['loan', String(loanId), 'create'],
      ['payment', expect.any(String), 'record'],
      ['payment', String(paymentId), 'reverse'],
      ['loan', String(loanId), 'set-status'],
      ['settings', 'settings', 'update'],
    ]);
    expect(new Set(rows.map((r) => r.username))).toEqual(new Set(['system']));
    expect(rows[0]!.at).toBe('2026-06-15T09:00:00.000Z');

    const update = rows[1]!;
    expect(JSON.parse(update.before_json!)).toMatchObject({
      phone: '13800138000',
      id_number: '110***********1234',
    });
    expect(JSON.parse(update.after_json!)).toMatchObject({ phone: '13900139000' });
    const everything = rows.map((r) => `${r.before_json}${r.after_json}`).join('');
    expect(everything).not.toContain(WANG_FANG.idNumber);

    expect(JSON.parse(rows[5]!.before_json!)).toEqual({ status: 'active' });
    expect(JSON.parse(rows[5]!.after_json!)).toEqual({ status: 'legal' });
    expect(JSON.parse(rows[6]!.before_json!)).toEqual({ companyName: '' });
    expect(verifyAuditChain(sqliteOf(app.ctx))).toEqual({ ok: true, rows: 7 });
  });

  it('writes no audit row for a change that was refused and rolled back', async () => {
    await app.call('borrowers.create', WANG_FANG);
    const refused = await app.attempt('payments.reverse', { paymentId: 999, reason: 'typo' });
    expect(refused.ok).toBe(false);
    const missing = await app.attempt('borrowers.update', { id: 999, ...WANG_FANG });
    expect(missing.ok).toBe(false);
    expect(auditRows(app)).toHaveLength(1);
  });

  it('rolls back the change itself when its audit row cannot be written', async () => {
    const { id: borrowerId } = await app.call('borrowers.create', WANG_FANG);
    // Break the audit table so the append fails after the update has run inside the transaction.
    sqliteOf(app.ctx).exec(
      `CREATE TRIGGER fail_append BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk says no'); END`,
    );
    const result = await app.attempt('borrowers.update', {
      id: borrowerId,
      ...WANG_FANG,
      phone: '13900139000',
    });
    expect(result.ok).toBe(false);
    const phone = sqliteOf(app.ctx)
      .prepare('SELECT phone FROM borrowers WHERE id = ?')
      .pluck()
      .get(borrowerId);
    expect(phone).toBe(WANG_FANG.phone);
  });

  it('refuses UPDATE and DELETE on the log', async () => {
    await givenSomeHistory(app);
    expect(() => sqliteOf(app.ctx).exec(`UPDATE audit_log SET username = 'nobody' WHERE id = 2`)).toThrow(
      /append-only/,
    );
    expect(() => sqliteOf(app.ctx).exec('DELETE FROM audit_log WHERE id = 5')).toThrow(/append-only/);
    expect(verifyAuditChain(sqliteOf(app.ctx)).ok).toBe(true);
  });
});

describe('audit verify finds tampering done with the sqlite3 tool, triggers dropped first', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
    await givenSomeHistory(app);
  });
  afterEach(async () => app.dispose());

  const DROP = 'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;';

  it('passes an untouched log', async () => {
    expect(await cliVerify(app)).toEqual({ code: 0, text: 'audit trail intact: 5 row(s) verified' });
  });

  it('names an edited row', async () => {
    sqlite3(
      app,
      `${DROP} UPDATE audit_log SET after_json = replace(after_json, '13900139000', '13700137000') WHERE id = 2;`,
    );
    expect(verifyAuditChain(sqliteOf(app.ctx))).toMatchObject({ ok: false, rows: 1, firstBroken: { id: 2 } });
    const { code, text } = await cliVerify(app);
    expect(code).toBe(1);
    expect(text).toMatch(/^audit trail BROKEN at row 2: .*edited/);
  });

  it('names the row after one whose hash was recomputed to hide an edit', async () => {
    const row = auditRows(app)[2]!;
    const { rowHash } = await import('../../../electron/services/audit/canonical');
    const prev = sqliteOf(app.ctx).prepare('SELECT hash FROM audit_log WHERE id = 2').pluck().get() as string;
    const forged = rowHash(prev, {
      id: 3,
      at: row.at,
      userId: 0,
      username: 'system',
      entity: row.entity,
      entityId: row.entity_id,
      action: row.action,
      beforeJson: row.before_json,
      afterJson: '{}',
    });
    sqlite3(app, `${DROP} UPDATE audit_log SET after_json = '{}', hash = '${forged}' WHERE id = 3;`);
    expect(verifyAuditChain(sqliteOf(app.ctx))).toMatchObject({ ok: false, firstBroken: { id: 4 } });
  });

  it('names a deleted row in the middle', async () => {
    sqlite3(app, `${DROP} DELETE FROM audit_log WHERE id = 3;`);
    expect(verifyAuditChain(sqliteOf(app.ctx))).toMatchObject({ ok: false, rows: 2, firstBroken: { id: 3 } });
  });

  it('notices the last rows cut off the end', async () => {
    sqlite3(app, `${DROP} DELETE FROM audit_log WHERE id >= 4;`);
    expect(verifyAuditChain(sqliteOf(app.ctx))).toMatchObject({ ok: false, rows: 3, firstBroken: { id: 4 } });
  });

  it('cannot, alone, prove a clean cut when the head and the sequence are rewound too', async () => {
    const three = sqliteOf(app.ctx)
      .prepare('SELECT hash FROM audit_log WHERE id = 3')
      .pluck()
      .get() as string;
    sqlite3(
      app,
      `${DROP} DELETE FROM audit_log WHERE id >= 4; UPDATE audit_head SET last_id = 3, row_count = 3, last_hash = '${three}'; UPDATE sqlite_sequence SET seq = 3 WHERE name = 'audit_log';`,
    );
    // Nothing inside the file can prove a clean cut at the end: the chain itself is whole again.
    // What stops this is the last row's hash kept outside the file (backups, printed reports).
    expect(verifyAuditChain(sqliteOf(app.ctx))).toEqual({ ok: true, rows: 3 });
  });
});

import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/command';
import { exportBook } from '../../../electron/services/import/export-book';
import { decodeText, readImportFile } from '../../../electron/services/import/read-file';
import { formatAmount } from '../../../shared/money';
import { openTestApp, type TestApp } from '../../support/test-app';
import { FIXTURES, fixture, importInto } from './support';
import { aCar, appraisal } from '../collateral/support';

/** Everything an import writes, keyed by what the lender sees, without database ids. */
async function bookOf(app: TestApp) {
  const db = app.ctx.db;
  const borrowers = await db
    .selectFrom('borrowers')
    .select(['kind', 'name', 'id_number', 'id_type', 'phone', 'address'])
    .orderBy('id_number')
    .execute();
  const loans = await db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select([
      'l.number',
      'b.id_number',
      'l.product',
      'l.status',
      'l.principal',
      'l.annual_rate_percent',
      'l.months',
      'l.method',
      'l.start_date',
      'l.penalty_daily_rate_percent',
      'l.grace_days',
    ])
    .orderBy('l.number')
    .execute();
  const payments = await db
    .selectFrom('payments as p')
    .innerJoin('loans as l', 'l.id', 'p.loan_id')
    .select(['l.number', 'p.date', 'p.amount'])
    .orderBy('l.number')
    .orderBy('p.date')
    .orderBy('p.amount')
    .execute();
  const installments = await db
    .selectFrom('installments as i')
    .innerJoin('schedule_versions as v', 'v.id', 'i.version_id')
    .innerJoin('loans as l', 'l.id', 'v.loan_id')
    .select(['l.number', 'i.n', 'i.due_date', 'i.principal', 'i.interest'])
    .where('v.is_active', '=', 1)
    .orderBy('l.number')
    .orderBy('i.n')
    .execute();
  const status = await db
    .selectFrom('loan_status as s')
    .innerJoin('loans as l', 'l.id', 's.loan_id')
    .select(['l.number', 's.outstanding_principal', 's.oldest_unpaid_due_date'])
    .orderBy('l.number')
    .execute();
  const collateral = await db
    .selectFrom('collateral_items as i')
    .innerJoin('collateral_links as k', 'k.item_id', 'i.id')
    .innerJoin('loans as l', 'l.id', 'k.loan_id')
    .leftJoin('collateral_valuations as v', 'v.item_id', 'i.id')
    .select([
      'l.number',
      'i.kind',
      'i.plate',
      'i.vin',
      'i.make',
      'i.model',
      'i.year',
      'i.title_certificate_no',
      'i.address',
      'v.date',
      'v.value',
    ])
    .orderBy('l.number')
    .execute();
  return { borrowers, loans, payments, installments, status, collateral };
}

const SOURCES = ['book-zh.xlsx', 'book-en.xlsx', 'loans-gbk.csv', 'payments-utf8-bom.csv'];

describe('export, then import into a fresh database', () => {
  let first: TestApp;
  let second: TestApp;
  beforeEach(async () => {
    first = await openTestApp('2026-06-15');
    second = await openTestApp('2026-06-15');
    const imported = await importInto(first, SOURCES.map(fixture));
    expect(imported.errors).toEqual([]);
    // A loan with penalty terms: its late payment settles penalty too, and must re-import as such.
    const penalty = [
      [
        '合同编号',
        '借款人',
        '身份证号',
        '贷款金额',
        '年利率',
        '期限',
        '放款日期',
        '还款方式',
        '罚息日利率(%)',
        '宽限期(天)',
      ],
      [
        'PEN-1',
        '周芳',
        '110101199204041234',
        '10000',
        '12',
        '1',
        '2026-01-05',
        '到期一次还本付息',
        '0.05',
        '3',
      ],
    ];
    // Its payoff on 2026-03-05: 10,000.00 + 100.00 interest + 10,100.00 × 0.05% × 28 days of
    // penalty (141.40) = 10,241.40; a payment of exactly that settles it.
    const late = [
      ['合同编号', '还款日期', '还款金额'],
      ['PEN-1', '2026-03-05', '10241.40'],
    ];
    const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\r\n'));
    const withPenalty = await importInto(first, [
      { name: 'penalty.csv', bytes: csv(penalty) },
      { name: 'late.csv', bytes: csv(late) },
    ]);
    expect(withPenalty.errors).toEqual([]);
    // A company with an old 15-digit registration number: a business licence, not a short resident ID.
    await first.call('borrowers.create', {
      kind: 'company',
      name: '北京恒通商贸有限公司',
      idType: 'business-licence',
      idNumber: '110105012345678',
    });
  });
  afterEach(async () => {
    await first.dispose();
    await second.dispose();
  });

  it.each(['en', 'zh-CN', 'zh-TW'] as const)(
    'gives the same book through one XLSX workbook (%s headers)',
    async (language) => {
      const [file] = await exportBook(first.ctx, { what: 'all', format: 'xlsx', language });
      const again = await importInto(second, [{ name: file!.name, bytes: file!.bytes }]);
      expect(again.errors).toEqual([]);
      // Schedules and later valuations are exported for reading; the import leaves them alone.
      expect(again.sheets.map((s) => s.kind)).toEqual([
        'loans',
        'payments',
        'borrowers',
        'unknown',
        'collateral',
        'unknown',
      ]);
      expect(again.collateral).toBe(4);
      const before = await bookOf(first);
      expect(before.loans).toHaveLength(9);
      expect(before.payments).toHaveLength(7);
      expect(before.loans.find((l) => l.number === 'PEN-1')).toMatchObject({
        penalty_daily_rate_percent: '0.05',
        grace_days: 3,
        status: 'closed',
      });
      expect(before.collateral).toHaveLength(4);
      expect(before.borrowers.find((b) => b.kind === 'company')?.id_type).toBe('business-licence');
      expect(await bookOf(second)).toEqual(before);
    },
  );

  it('gives the same book through CSV files', async () => {
    const files = await exportBook(first.ctx, { what: 'all', format: 'csv', language: 'zh-CN' });
    expect(files.map((f) => f.name.replace(/^pledgebook-book-2026-06-15-/, ''))).toEqual([
      'loans.csv',
      'payments.csv',
      'borrowers.csv',
      'schedules.csv',
      'collateral.csv',
      'valuations.csv',
    ]);
    const again = await importInto(second, files);
    expect(again.errors).toEqual([]);
    expect(await bookOf(second)).toEqual(await bookOf(first));
  });

  it('exports loans with outstanding principal and days past due as of today', async () => {
    const [file] = await exportBook(first.ctx, { what: 'loans', format: 'csv', language: 'en' });
    const lines = decodeText(file!.bytes, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      'Loan number,Borrower,Borrower type,ID type,ID number,Phone,Address,Product,Principal,Annual rate (%),Months,Repayment method,Start date,Penalty rate (% a day),Grace days,Status,Outstanding principal,Days past due',
    );
    const loans = await first.call('loans.list', { limit: 100 });
    const pb001 = loans.rows.find((r) => r.number === 'PB-001')!;
    const row = lines.find((l) => l.startsWith('PB-001,'))!.split(',');
    expect(row.slice(0, 4)).toEqual(['PB-001', '王芳', 'person', 'resident-id']);
    expect(row.slice(7, 13)).toEqual(['car-title', '60000.00', '12', '12', 'annuity', '2026-01-05']);
    // Two of twelve installments paid; the third fell due 2026-04-05 and is unpaid on 2026-06-15.
    expect(pb001.daysPastDue).toBe(71);
    expect(row.slice(13, 15)).toEqual(['0', '0']);
    expect(row.slice(15)).toEqual(['active', formatAmount(pb001.outstandingPrincipal), '71']);
  });

  it('exports collateral with the loans it secures, and its valuations', async () => {
    const loan = (await first.call('loans.list', { query: 'EN-1' })).rows[0]!;
    const { id } = await first.call('collateral.create', {
      loanIds: [loan.id],
      details: aCar(),
      valuation: appraisal('2026-01-04', 7_500_000),
    });
    const [items] = await exportBook(first.ctx, { what: 'collateral', format: 'csv', language: 'zh-CN' });
    expect(decodeText(items!.bytes, 'utf8').trim().split('\r\n')).toEqual([
      '抵押物编号,抵押物类型,合同编号,车牌号,车架号,品牌,型号,车辆年份,不动产权证号,抵押物地址,评估价值,评估日期,抵押物状态',
      expect.stringMatching(
        // The sheet gives no model year, and the import invents none.
        /^\d+,vehicle,PB-001,京A12345,LSVAU2180N2184847,大众,帕萨特,,,,120000.00,2025-12-28,active$/,
      ),
      expect.stringMatching(/^\d+,property,PB-002,/),
      expect.stringMatching(/^\d+,vehicle,PB-003,/),
      expect.stringMatching(/^\d+,vehicle,PB-005,/),
      `${id},vehicle,EN-1,${aCar().plate},${aCar().vin},Volkswagen,Lavida,${aCar().year},,,75000.00,2026-01-04,active`,
    ]);
    const [valuations] = await exportBook(first.ctx, { what: 'valuations', format: 'csv', language: 'en' });
    expect(decodeText(valuations!.bytes, 'utf8').trim().split('\r\n')).toEqual([
      'Collateral no.,Valuation date,Valuation,Valued by (source),Valuer',
      expect.stringMatching(/,2025-12-28,120000.00,appraiser,import$/),
      expect.stringMatching(/,2025-12-20,2600000.00,appraiser,import$/),
      expect.stringMatching(/,2026-02-01,210000.00,appraiser,import$/),
      `${id},2026-01-04,75000.00,appraiser,李评估`,
    ]);
  });

  it('gives a template in the UI language with one example row that imports', async () => {
    const bytes = (await first.call('import.template', { language: 'zh-CN' })).base64;
    const read = await readImportFile('template.xlsx', Buffer.from(bytes, 'base64'));
    expect(read.sheets.map((s) => s.name)).toEqual(['贷款', '还款']);
    expect(read.sheets[0]!.rows[0]).toEqual([
      '合同编号',
      '借款人',
      '身份证号',
      '手机',
      '地址',
      '产品',
      '贷款金额',
      '年利率(%)',
      '期限(月)',
      '还款方式',
      '放款日期',
    ]);
    expect(read.sheets[0]!.rows).toHaveLength(2);
    const result = await importInto(second, [{ name: 'template.xlsx', bytes: Buffer.from(bytes, 'base64') }]);
    expect(result).toMatchObject({ errors: [], loans: 1, payments: 1, borrowers: 1 });
  });
});

describe('saved column mappings', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('maps a column the dictionary does not know once saved', async () => {
    const csv =
      '编号,借款人,身份证号,放款额(元),年利率,期限,放款日期,还款方式\r\nM-1,王芳,110101199003071234,"50,000",12,12,2026/1/5,等额本息\r\n';
    const file = { name: 'own.csv', base64: Buffer.from(csv).toString('base64') };
    const before = await app.call('import.preview', { files: [file] });
    expect(before.sheets[0]!.fields).toEqual([
      null,
      'borrowerName',
      'idNumber',
      null,
      'annualRate',
      'months',
      'startDate',
      'method',
    ]);
    expect(before.sheets[0]!.kind).toBe('borrowers');
    await app.call('import.saveMapping', { mapping: { '放款额(元)': 'principal', 编号: 'loanNumber' } });
    expect(await app.call('import.savedMapping', {})).toEqual({
      '放款额(元)': 'principal',
      编号: 'loanNumber',
    });
    const saved = await app.call('import.savedMapping', {});
    const after = await app.call('import.commit', { files: [file], mapping: saved, acceptWarnings: true });
    expect(after).toMatchObject({ committed: true, loans: 1, errors: [] });
  });

  it('refuses a file that is not base64 or too big, naming the field', async () => {
    const bad = await app.attempt('import.preview', { files: [{ name: 'x.csv', base64: '***' }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const tooBig = await app.attempt('import.preview', {
      files: [{ name: 'x.csv', base64: 'A'.repeat(70_000_001) }],
    });
    expect(tooBig).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        details: [{ field: 'files.0.base64', message: 'the file is larger than 50 MB' }],
      },
    });
    // Excel saves a password-protected workbook as an encrypted OLE compound file, not a zip.
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const locked = await app.attempt('import.preview', {
      files: [{ name: 'book.xlsx', base64: ole.toString('base64') }],
    });
    expect(locked).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(locked)).toContain('book.xlsx is password-protected');
  });
});

describe('cli import and export', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pledgebook-import-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
    const code = await runCli(argv, io);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }
  const fixturePath = (name: string) => join(FIXTURES, name);

  it('prints a JSON summary, writes nothing on --dry-run, then imports and exports', async () => {
    const db = join(dir, 'book.db');
    const dry = await cli([
      'import',
      fixturePath('loans-gbk.csv'),
      '--db',
      db,
      '--dry-run',
      '--encoding',
      'gbk',
    ]);
    // The sheet's made-up ID numbers are warned of; unread warnings fail the run.
    expect(dry.code).toBe(1);
    expect(JSON.parse(dry.stdout).warnings.map((w: { code: string }) => w.code)).toContain('warn.idNumber');
    const accepted = await cli([
      'import',
      fixturePath('loans-gbk.csv'),
      '--db',
      db,
      '--dry-run',
      '--encoding',
      'gbk',
      '--accept-warnings',
    ]);
    expect(accepted.stderr).toBe('');
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.stdout)).toMatchObject({
      borrowers: 2,
      loans: 2,
      collateral: 0,
      payments: 0,
      errors: [],
      committed: false,
    });
    const run = await cli([
      'import',
      fixturePath('loans-gbk.csv'),
      fixturePath('payments-utf8-bom.csv'),
      '--db',
      db,
      '--accept-warnings',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ borrowers: 2, loans: 2, payments: 1, committed: true });

    const out = join(dir, 'loans.xlsx');
    const exported = await cli(['export', '--what', 'loans', '--format', 'xlsx', '--out', out, '--db', db]);
    expect(exported.code).toBe(0);
    const read = await readImportFile('loans.xlsx', readFileSync(out));
    expect(read.sheets[0]!.rows.slice(1).map((r) => r[0])).toEqual(['G-1', 'G-2']);

    const all = await cli([
      'export',
      '--what',
      'all',
      '--format',
      'csv',
      '--out',
      join(dir, 'book.csv'),
      '--db',
      db,
    ]);
    expect(all.code).toBe(0);
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.csv'))
        .sort(),
    ).toEqual([
      'book-borrowers.csv',
      'book-collateral.csv',
      'book-loans.csv',
      'book-payments.csv',
      'book-schedules.csv',
      'book-valuations.csv',
    ]);
  });

  it('exits 1 with the rejected rows and leaves the database empty', async () => {
    const db = join(dir, 'book.db');
    const run = await cli(['import', fixturePath('book-errors.xlsx'), '--db', db]);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout) as {
      errors: { sheet: string; row: number; column: string }[];
      committed: boolean;
    };
    expect(summary.committed).toBe(false);
    expect(summary.errors[0]).toMatchObject({ sheet: '贷款', row: 2, column: '放款日期' });
    const after = await cli([
      'export',
      '--what',
      'loans',
      '--format',
      'csv',
      '--out',
      join(dir, 'l.csv'),
      '--db',
      db,
    ]);
    expect(after.code).toBe(0);
    expect(
      decodeText(readFileSync(join(dir, 'l.csv')), 'utf8')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
  });

  it('reads a mapping file and refuses bad usage with exit 2', async () => {
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ 编号: 'loanNumber' }));
    const csv = join(dir, 'own.csv');
    writeFileSync(
      csv,
      '编号,借款人,身份证号,本金,年利率,期限,放款日期,还款方式\r\nM-1,王芳,110101199003071234,5000,12,12,2026/1/5,等额本息\r\n',
    );
    const run = await cli(['import', csv, '--mapping', mapping, '--db', join(dir, 'b.db'), '--dry-run']);
    expect(JSON.parse(run.stdout)).toMatchObject({ loans: 1, errors: [] });
    writeFileSync(mapping, JSON.stringify({ 编号: 'loan-no' }));
    expect((await cli(['import', csv, '--mapping', mapping])).code).toBe(2);
    expect((await cli(['import', csv, '--encoding', 'latin1'])).stderr).toMatch(/--encoding must be/);
    expect((await cli(['export', '--what', 'everything', '--format', 'csv', '--out', 'x'])).code).toBe(2);
  });
});

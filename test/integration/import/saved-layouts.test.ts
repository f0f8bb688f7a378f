import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/test-app';
import { importInto } from './support';

const HEADERS = '合同编号,借款人,身份证号,手机,放出去的钱,年利率,期限,放款日期,还款方式';
const csv = (headers: string, row: string) => ({
  name: 'book.csv',
  bytes: new TextEncoder().encode([headers, row].join('\n')),
});
const month1 = csv(HEADERS, 'M-1,王芳,11010519491231002X,13800138000,60000,12,12,2026-01-05,等额本息');
const month2 = csv(HEADERS, 'M-2,李雷,11010519491231002X,13800138000,30000,12,12,2026-02-05,等额本息');

describe('a mapping saved for a sheet layout', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('maps the same layout by itself on the next import, and only that layout', async () => {
    // "放出去的钱" is no header the import knows: unmapped, the sheet holds no loans.
    const unmapped = await importInto(app, [month1], { dryRun: true });
    expect(unmapped.sheets[0]!.kind).not.toBe('loans');

    const mapping = { 放出去的钱: 'principal' as const };
    const first = await importInto(app, [month1], { mapping });
    expect(first).toMatchObject({ committed: true, loans: 1 });
    await app.call('import.saveMapping', { mapping, layouts: [HEADERS.split(',')] });

    // Next month: the same workbook, no mapping in the request.
    const second = await importInto(app, [month2]);
    expect(second.errors).toEqual([]);
    expect(second).toMatchObject({ committed: true, loans: 1 });
    expect(second.sheets[0]!.fields[4]).toBe('principal');
    const loans = await app.call('loans.list', {});
    expect(loans.rows.map((l) => l.number).sort()).toEqual(['M-1', 'M-2']);

    // Another layout (a column added) is not guessed from it.
    const other = csv(
      `${HEADERS},备注2`,
      'M-3,韩梅梅,11010519491231002X,13800138000,1000,12,12,2026-02-05,等额本息,x',
    );
    expect((await importInto(app, [other], { dryRun: true })).sheets[0]!.kind).not.toBe('loans');
  });

  it('lets the request’s mapping override the saved one', async () => {
    await app.call('import.saveMapping', {
      mapping: { 放出去的钱: 'principal' },
      layouts: [HEADERS.split(',')],
    });
    const result = await importInto(app, [month1], { mapping: { 放出去的钱: null }, dryRun: true });
    expect(result.sheets[0]!.fields[4]).toBeNull();
  });
});

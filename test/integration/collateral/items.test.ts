import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentOf } from '../../../electron/services/collateral/attachment-store';
import { openTestApp, type TestApp } from '../../support/test-app';
import { aCar, aHouse, appraisal, countRows, givenACarTitleLoan, GOOD_VIN, OTHER_VIN } from './support';

// A 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('collateral items', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('takes the latest valuation, and on the same date the one entered last, ignoring voided ones', async () => {
    const { loanId } = await givenACarTitleLoan(app);
    const { id } = await app.call('collateral.create', {
      loanIds: [loanId],
      details: aCar(),
      valuation: appraisal('2026-03-01', 9_000_000),
    });
    await app.call('collateral.addValuation', { itemId: id, ...appraisal('2026-05-01', 8_000_000) });
    await app.call('collateral.addValuation', { itemId: id, ...appraisal('2026-05-01', 8_200_000) });
    expect((await app.call('collateral.get', { id })).currentValue).toBe(8_200_000);
    const { id: last } = await app.call('collateral.addValuation', {
      itemId: id,
      ...appraisal('2026-05-01', 7_000_000),
    });
    await app.call('collateral.voidValuation', { id: last, reason: 'typed the wrong figure' });
    expect((await app.call('collateral.get', { id })).currentValue).toBe(8_200_000);
    expect((await app.call('collateral.list', {})).rows.find((r) => r.id === id)?.currentValue).toBe(
      8_200_000,
    );
  });

  it('records a car against a loan and shows its value, LTV and depreciated estimate', async () => {
    const { loanId } = await givenACarTitleLoan(app);
    const { id, warnings } = await app.call('collateral.create', {
      loanIds: [loanId],
      details: aCar(),
      valuation: appraisal('2025-06-15', 10_000_000),
    });
    expect(warnings).toEqual([]);
    const item = await app.call('collateral.get', { id });
    expect(item.label).toBe('京A·12345 · Volkswagen Lavida 2022');
    expect(item.currentValue).toBe(10_000_000);
    // One year after the appraisal at 15% declining balance: 85,000.00. An estimate only.
    expect(item.estimate).toEqual({
      value: 8_500_000,
      fromDate: '2025-06-15',
      fromValue: 10_000_000,
      ratePercent: '15',
    });
    const loan = await app.call('loans.get', { id: loanId });
    const exposure =
      loan.statement.outstandingPrincipal + loan.statement.overdue.interest + loan.statement.overdue.penalty;
    expect(item.loans).toEqual([
      expect.objectContaining({
        loanId,
        share: 10_000_000,
        exposure,
        value: 10_000_000,
        ltvBasisPoints: Math.round((exposure * 10_000) / 10_000_000),
      }),
    ]);
  });

  it('warns, without refusing, when the VIN check digit does not match', async () => {
    const { loanId } = await givenACarTitleLoan(app);
    const { warnings } = await app.call('collateral.create', {
      loanIds: [loanId],
      details: aCar({ vin: 'LSVAU2185N2183294' }),
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^vin: the check digit \(9th character\) is 5 but ISO 3779 gives X/);
  });

  describe('refuses bad input, naming the field, and writes nothing', () => {
    const refusals: [string, (loanId: number) => unknown, string][] = [
      [
        'a VIN of the wrong length',
        (loanId) => ({ loanIds: [loanId], details: aCar({ vin: 'LSVAU218XN218329' }) }),
        'details.vin',
      ],
      [
        'a VIN with an O',
        (loanId) => ({ loanIds: [loanId], details: aCar({ vin: 'LSVAU218XN21832O4'.slice(0, 17) }) }),
        'details.vin',
      ],
      [
        'a zero value',
        (loanId) => ({ loanIds: [loanId], details: aCar(), valuation: appraisal('2026-06-01', 0) }),
        'valuation.value',
      ],
      [
        'a negative value',
        (loanId) => ({ loanIds: [loanId], details: aCar(), valuation: appraisal('2026-06-01', -5) }),
        'valuation.value',
      ],
      [
        'a valuation dated tomorrow',
        (loanId) => ({ loanIds: [loanId], details: aCar(), valuation: appraisal('2026-06-16', 100) }),
        'valuation.date',
      ],
    ];
    it.each(refusals)('%s', async (_, input, field) => {
      const { loanId } = await givenACarTitleLoan(app);
      const result = await app.attempt('collateral.create', input(loanId));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.details).toEqual([expect.objectContaining({ field })]);
      expect(await countRows(app, 'collateral_items')).toBe(0);
      expect(await countRows(app, 'collateral_valuations')).toBe(0);
    });

    it('a VIN already on another active item', async () => {
      const { loanId, borrowerId } = await givenACarTitleLoan(app);
      await app.call('collateral.create', { loanIds: [loanId], details: aCar() });
      const second = await givenACarTitleLoan(app, borrowerId);
      const result = await app.attempt('collateral.create', {
        loanIds: [second.loanId],
        details: aCar({ vin: GOOD_VIN.toLowerCase() }),
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.details).toEqual([
        expect.objectContaining({
          field: 'details.vin',
          reason: 'vin.taken',
          message: expect.stringContaining('already recorded on another active item'),
        }),
      ]);
      expect(await countRows(app, 'collateral_items')).toBe(1);
      expect(await countRows(app, 'collateral_links')).toBe(1);
    });

    it('a later valuation of zero or in the future', async () => {
      const { loanId } = await givenACarTitleLoan(app);
      const { id } = await app.call('collateral.create', { loanIds: [loanId], details: aCar() });
      const zero = await app.attempt('collateral.addValuation', {
        itemId: id,
        ...appraisal('2026-06-01', 0),
      });
      const future = await app.attempt('collateral.addValuation', {
        itemId: id,
        ...appraisal('2026-07-01', 100),
      });
      expect(!zero.ok && zero.error.details).toEqual([expect.objectContaining({ field: 'value' })]);
      expect(!future.ok && future.error.details).toEqual([expect.objectContaining({ field: 'date' })]);
      expect(await countRows(app, 'collateral_valuations')).toBe(0);
    });
  });

  it('splits a house securing two loans of one borrower by outstanding principal', async () => {
    const first = await givenACarTitleLoan(app, undefined, 3_000_000);
    const second = await givenACarTitleLoan(app, first.borrowerId, 1_000_000);
    const { id } = await app.call('collateral.create', {
      loanIds: [first.loanId],
      details: aHouse(),
      valuation: appraisal('2026-05-01', 40_000_000),
    });
    await app.call('collateral.link', { itemId: id, loanId: second.loanId });
    const a = await app.call('collateral.forLoan', { loanId: first.loanId });
    const b = await app.call('collateral.forLoan', { loanId: second.loanId });
    expect(a.value + b.value).toBe(40_000_000);
    expect(a.value).toBeGreaterThan(b.value * 2);
    const item = await app.call('collateral.get', { id });
    expect(item.loans.map((l) => l.share)).toEqual([a.value, b.value]);
  });

  it('refuses to link an item to another borrower’s loan', async () => {
    const mine = await givenACarTitleLoan(app);
    const { id } = await app.call('collateral.create', { loanIds: [mine.loanId], details: aCar() });
    const other = await app.call('borrowers.create', {
      kind: 'person',
      name: '张伟',
      idType: 'passport',
      idNumber: 'E12345678',
    });
    const theirs = await givenACarTitleLoan(app, other.id);
    const result = await app.attempt('collateral.link', { itemId: id, loanId: theirs.loanId });
    expect(!result.ok && result.error.details).toEqual([expect.objectContaining({ field: 'loanId' })]);
  });

  it('raises an LTV alert once a lower valuation comes in, and lists it in the register', async () => {
    const { loanId, number } = await givenACarTitleLoan(app);
    const { id } = await app.call('collateral.create', {
      loanIds: [loanId],
      details: aCar(),
      valuation: appraisal('2026-06-01', 12_000_000),
    });
    expect((await app.call('collateral.alerts', {})).filter((a) => a.kind === 'ltv')).toEqual([]);
    await app.call('collateral.addValuation', { itemId: id, ...appraisal('2026-06-10', 6_000_000) });
    const alerts = await app.call('collateral.alerts', { kind: 'ltv' });
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'ltv',
        loanNumber: number,
        itemId: id,
        item: '京A·12345 · Volkswagen Lavida 2022',
      }),
    ]);
    expect(alerts[0]!.reason).toMatch(/^LTV \d+\.\d\d% is above the 80\.00% threshold$/);
    const register = await app.call('collateral.list', { alert: 'ltv' });
    expect(register.rows.map((r) => r.id)).toEqual([id]);
    expect(register.rows[0]!.alertKinds).toEqual(['ltv']);
  });

  it('follows the thresholds in Settings, and refuses a threshold that is not a percentage', async () => {
    const { loanId } = await givenACarTitleLoan(app);
    await app.call('collateral.create', {
      loanIds: [loanId],
      details: aCar(),
      valuation: appraisal('2026-06-01', 10_000_000),
    });
    expect(await app.call('collateral.alerts', { kind: 'ltv' })).toEqual([]);
    await app.call('settings.update', { ltvThresholdVehiclePercent: '55.5' });
    expect((await app.call('collateral.alerts', { kind: 'ltv' }))[0]?.reason).toMatch(
      /above the 55\.50% threshold$/,
    );
    const bad = await app.attempt('settings.update', { ltvThresholdVehiclePercent: '0' });
    expect(!bad.ok && bad.error.details).toEqual([
      expect.objectContaining({ field: 'ltvThresholdVehiclePercent' }),
    ]);
    const months = await app.attempt('settings.update', { staleValuationMonthsVehicle: 0 });
    expect(!months.ok && months.error.details).toEqual([
      expect.objectContaining({ field: 'staleValuationMonthsVehicle' }),
    ]);
  });

  it('flags lapsed insurance, stale valuations and missing documents', async () => {
    const { loanId } = await givenACarTitleLoan(app);
    await app.call('collateral.create', {
      loanIds: [loanId],
      details: aCar({ insuranceExpiry: '2026-06-01', holdsRegistrationCertificate: false }),
      valuation: appraisal('2025-12-14', 20_000_000),
    });
    const codes = (await app.call('collateral.alerts', {})).map((a) => a.code).sort();
    expect(codes).toEqual(['insurance-lapsed', 'registration-certificate-not-held', 'valuation-stale']);
  });

  it('finds an item from the register search by plate, VIN, certificate number or address', async () => {
    const car = await givenACarTitleLoan(app);
    const house = await givenACarTitleLoan(app, car.borrowerId);
    const carId = (
      await app.call('collateral.create', { loanIds: [car.loanId], details: aCar({ vin: OTHER_VIN }) })
    ).id;
    const houseId = (await app.call('collateral.create', { loanIds: [house.loanId], details: aHouse() })).id;
    for (const [query, id] of [
      ['a·123', carId],
      ['3000001', carId],
      ['不动产权第0012345', houseId],
      ['建国路', houseId],
    ] as const) {
      expect((await app.call('collateral.list', { query })).rows.map((r) => r.id)).toEqual([id]);
    }
    const hits = await app.call('search.global', { query: 'lfv2a21k0' });
    expect(hits).toEqual([
      {
        kind: 'collateral',
        id: carId,
        title: '京A·12345 · Volkswagen Lavida 2022',
        subtitle: '王芳',
        matched: 'vin',
      },
    ]);
    expect((await app.call('search.global', { query: '建国路88' })).map((h) => [h.kind, h.matched])).toEqual([
      ['collateral', 'address'],
    ]);
  });

  it('stores attachments by SHA-256 in the data folder, previews images, and never deletes files', async () => {
    const { loanId } = await givenACarTitleLoan(app);
    const { id } = await app.call('collateral.create', { loanIds: [loanId], details: aCar() });
    const upload = {
      itemId: id,
      category: 'photo',
      fileName: 'front.png',
      mime: 'image/png',
      dataBase64: PNG.toString('base64'),
    } as const;
    const first = await app.call('attachments.upload', upload);
    const again = await app.call('attachments.upload', { ...upload, fileName: 'same.png' });
    expect(again).toMatchObject({ attachmentId: first.attachmentId, alreadyStored: true });
    // Kept once under its hash: a file beside a file book, a row in a server book.
    expect((await contentOf(app.ctx.db, app.ctx.databasePath, first.sha256))?.equals(PNG)).toBe(true);
    const preview = await app.call('attachments.preview', { linkId: first.linkId });
    expect(preview.dataUrl).toBe(`data:image/png;base64,${PNG.toString('base64')}`);

    await app.call('attachments.unlink', { linkId: first.linkId, reason: 'duplicate photo' });
    expect((await app.call('collateral.get', { id })).attachments.map((a) => a.fileName)).toEqual([
      'same.png',
    ]);
    expect((await contentOf(app.ctx.db, app.ctx.databasePath, first.sha256))?.equals(PNG)).toBe(true);

    const fake = await app.attempt('attachments.upload', {
      ...upload,
      dataBase64: Buffer.from('not a png').toString('base64'),
    });
    expect(!fake.ok && fake.error.details).toEqual([expect.objectContaining({ field: 'dataBase64' })]);
  });
});

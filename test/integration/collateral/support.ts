import type { CreateItemInput } from '../../../shared/contract';
import { WANG_FANG, type TestApp } from '../../support/test-app';

/** Check digit correct (ISO 3779), so no warning. */
export const GOOD_VIN = 'LSVAU218XN2183294';
export const OTHER_VIN = 'LFV2A21K0N3000001';

/**
 * A car-title loan of 60,000.00 at 12% over 12 months, disbursed 2026-03-10, penalty 0.05% a
 * day with 3 grace days. With no payments, on 2026-06-15 it is 66 days past due.
 */
export async function givenACarTitleLoan(app: TestApp, borrowerId?: number, principal = 6_000_000) {
  const owner = borrowerId ?? (await app.call('borrowers.create', WANG_FANG)).id;
  const loan = await app.call('loans.create', {
    borrowerId: owner,
    product: 'car-title',
    terms: { method: 'annuity', principal, annualRatePercent: '12', months: 12, startDate: '2026-03-10' },
    penaltyDailyRatePercent: '0.05',
    graceDays: 3,
  });
  return { borrowerId: owner, loanId: loan.id, number: loan.number };
}

export function aCar(overrides: Partial<Extract<CreateItemInput['details'], { kind: 'vehicle' }>> = {}) {
  return {
    kind: 'vehicle' as const,
    vin: GOOD_VIN,
    plate: '京A·12345',
    make: 'Volkswagen',
    model: 'Lavida',
    year: 2022,
    colour: 'white',
    mileageKm: 42_000,
    holdsRegistrationCertificate: true,
    holdsSpareKey: true,
    gpsInstalled: true,
    gpsDeviceId: 'GT06-7781',
    insurer: 'PICC',
    insurancePolicyNo: 'PDAA202611000001',
    insuranceExpiry: '2027-01-31',
    parkingLocation: 'Chaoyang, Beijing',
    ...overrides,
  };
}

export function aHouse(overrides: Partial<Extract<CreateItemInput['details'], { kind: 'property' }>> = {}) {
  return {
    kind: 'property' as const,
    address: '北京市朝阳区建国路88号 3-1201',
    propertyType: 'residential' as const,
    floorAreaM2: '89.50',
    titleCertificateNo: '京(2021)朝阳区不动产权第0012345号',
    holdsTitleCertificate: true,
    mortgageRegistrationNo: '京(2026)朝阳区不动产证明第0067890号',
    mortgageRegistrationDate: '2026-03-12',
    holdsMortgageRegistration: true,
    lienPosition: 1 as const,
    priorLienAmount: 0,
    ownerKind: 'borrower' as const,
    ownerName: '',
    occupancy: 'owner-occupied' as const,
    ...overrides,
  };
}

export const appraisal = (date: string, value: number) => ({
  date,
  source: 'appraiser' as const,
  value,
  valuedBy: '李评估',
  note: '',
});

export async function countRows(
  app: TestApp,
  table: 'collateral_items' | 'collateral_valuations' | 'collateral_links',
) {
  const row = await app.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

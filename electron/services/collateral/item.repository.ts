import type { Engine } from '../../db/engine';
import type { Insertable } from 'kysely';
import type { CollateralItemView, ItemDetails } from '../../../shared/contract';
import { vinCheckDigitMatches } from '../../../shared/collateral/vin';
import type { Db } from '../../db/db';
import type { DB } from '../../db/schema';
import type { CollateralItemRecord, CollateralItemsTable } from './tables';
import type { CollateralKind, LoanStatus } from '../../../shared/contract';
import type { Actor } from '../auth/actor';
import { borrowerAssignedTo, isScoped } from '../auth/scope';
import { textMatches } from '../../db/search-terms';
import { engineOf } from '../../db/engine';

const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);

/** The kind-specific columns for an item; the other kind's columns are written as null. */
export function detailColumns(d: ItemDetails): Partial<Insertable<CollateralItemsTable>> {
  const none = {
    address: null,
    property_type: null,
    floor_area_m2: null,
    title_certificate_no: null,
    holds_title_certificate: null,
    mortgage_registration_no: null,
    mortgage_registration_date: null,
    holds_mortgage_registration: null,
    lien_position: null,
    prior_lien_amount: null,
    owner_kind: null,
    owner_name: null,
    occupancy: null,
    vin: null,
    plate: null,
    make: null,
    model: null,
    year: null,
    colour: null,
    mileage_km: null,
    holds_registration_certificate: null,
    holds_spare_key: null,
    gps_installed: null,
    gps_device_id: null,
    insurer: null,
    insurance_policy_no: null,
    insurance_expiry: null,
    parking_location: null,
  } as const;
  if (d.kind === 'property') {
    return {
      ...none,
      address: d.address || null,
      property_type: d.propertyType,
      floor_area_m2: d.floorAreaM2 || null,
      title_certificate_no: d.titleCertificateNo || null,
      holds_title_certificate: bit(d.holdsTitleCertificate),
      mortgage_registration_no: d.mortgageRegistrationNo || null,
      mortgage_registration_date: d.mortgageRegistrationDate,
      holds_mortgage_registration: bit(d.holdsMortgageRegistration),
      lien_position: d.lienPosition,
      prior_lien_amount: d.priorLienAmount,
      owner_kind: d.ownerKind,
      owner_name: d.ownerName || null,
      occupancy: d.occupancy,
    };
  }
  return {
    ...none,
    // Blank only on an imported item still to complete (the screen requires them).
    vin: d.vin || null,
    plate: d.plate || null,
    make: d.make || null,
    model: d.model || null,
    year: d.year || null,
    colour: d.colour || null,
    mileage_km: d.mileageKm,
    holds_registration_certificate: bit(d.holdsRegistrationCertificate),
    holds_spare_key: bit(d.holdsSpareKey),
    gps_installed: bit(d.gpsInstalled),
    gps_device_id: d.gpsDeviceId || null,
    insurer: d.insurer || null,
    insurance_policy_no: d.insurancePolicyNo || null,
    insurance_expiry: d.insuranceExpiry,
    parking_location: d.parkingLocation || null,
  };
}

export function detailsOf(r: CollateralItemRecord): ItemDetails {
  if (r.kind === 'property') {
    return {
      kind: 'property',
      address: r.address ?? '',
      propertyType: r.property_type ?? 'residential',
      floorAreaM2: r.floor_area_m2 ?? '',
      titleCertificateNo: r.title_certificate_no ?? '',
      holdsTitleCertificate: r.holds_title_certificate === 1,
      mortgageRegistrationNo: r.mortgage_registration_no ?? '',
      mortgageRegistrationDate: r.mortgage_registration_date,
      holdsMortgageRegistration: r.holds_mortgage_registration === 1,
      lienPosition: r.lien_position ?? 1,
      priorLienAmount: r.prior_lien_amount ?? 0,
      ownerKind: r.owner_kind ?? 'borrower',
      ownerName: r.owner_name ?? '',
      occupancy: r.occupancy ?? 'owner-occupied',
    };
  }
  return {
    kind: 'vehicle',
    vin: r.vin ?? '',
    plate: r.plate ?? '',
    make: r.make ?? '',
    model: r.model ?? '',
    year: r.year ?? 0,
    colour: r.colour ?? '',
    mileageKm: r.mileage_km ?? 0,
    holdsRegistrationCertificate: r.holds_registration_certificate === 1,
    holdsSpareKey: r.holds_spare_key === 1,
    gpsInstalled: r.gps_installed === 1,
    gpsDeviceId: r.gps_device_id ?? '',
    insurer: r.insurer ?? '',
    insurancePolicyNo: r.insurance_policy_no ?? '',
    insuranceExpiry: r.insurance_expiry,
    parkingLocation: r.parking_location ?? '',
  };
}

/** How staff name an item in a list: the plate and car, or the address. */
export function labelOf(
  r: Pick<CollateralItemRecord, 'kind' | 'address' | 'plate' | 'make' | 'model' | 'year'> &
    Partial<Pick<CollateralItemRecord, 'vin' | 'title_certificate_no'>>,
): string {
  // An imported item may have only its plate or VIN, or only its title-deed number: it is
  // named by what it has, never by "null".
  if (r.kind === 'property') return r.address ?? r.title_certificate_no ?? '';
  const car = [r.make, r.model, r.year].filter((p) => p !== null && p !== '').join(' ');
  return [r.plate ?? r.vin ?? '', car].filter((p) => p !== '').join(' · ');
}

export function itemViewOf(r: CollateralItemRecord, borrowerName: string): CollateralItemView {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    label: labelOf(r),
    borrowerId: r.borrower_id,
    borrowerName,
    description: r.description,
    notes: r.notes,
    details: detailsOf(r),
    vinCheckDigitOk: r.vin ? vinCheckDigitMatches(r.vin) : null,
  };
}

export async function findItem(db: Db, id: number) {
  return db
    .selectFrom('collateral_items as i')
    .innerJoin('borrowers as b', 'b.id', 'i.borrower_id')
    .selectAll('i')
    .select('b.name as borrower_name')
    .where('i.id', '=', id)
    .executeTakeFirst();
}

/** Another active item already carrying this VIN, if any. */
export async function activeItemWithVin(db: Db, vin: string, exceptId?: number) {
  let q = db
    .selectFrom('collateral_items')
    .select(['id', 'plate'])
    .where('vin', '=', vin)
    .where('status', '=', 'active');
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

/** `activeItemWithVin` for many VINs at once (an import), by VIN. */
export async function activeItemsWithVins(db: Db, vins: readonly string[]) {
  const byVin = new Map<string, { id: number; plate: string | null }>();
  for (let i = 0; i < vins.length; i += 500) {
    const rows = await db
      .selectFrom('collateral_items')
      .select(['id', 'plate', 'vin'])
      .where('vin', 'in', vins.slice(i, i + 500))
      .where('status', '=', 'active')
      .execute();
    for (const r of rows) byVin.set(r.vin!, { id: r.id, plate: r.plate });
  }
  return byVin;
}

export async function linksOfItem(db: Db, itemId: number) {
  return db
    .selectFrom('collateral_links as k')
    .innerJoin('loans as l', 'l.id', 'k.loan_id')
    .select(['l.id', 'l.number', 'l.status', 'l.borrower_id'])
    .where('k.item_id', '=', itemId)
    .orderBy('l.number')
    .execute();
}

export async function valuationsOf(db: Db, itemId: number) {
  return db
    .selectFrom('collateral_valuations')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

/** A loan as linking an item to it needs it: whose it is, and whether it is open. */
export interface LinkableLoan {
  id: number;
  number: string;
  status: LoanStatus;
  borrower_id: number;
}

export async function linkableLoans(db: Db, loanIds: readonly number[]): Promise<LinkableLoan[]> {
  return db
    .selectFrom('loans')
    .select(['id', 'number', 'status', 'borrower_id'])
    .where('id', 'in', [...loanIds])
    .execute();
}

/** The loans each of `itemIds` secures, in loan-number order. */
export function loansLinkedToItems(db: Db, itemIds: readonly number[]) {
  return db
    .selectFrom('collateral_links as k')
    .innerJoin('loans as l', 'l.id', 'k.loan_id')
    .select(['k.item_id', 'l.id', 'l.number', 'l.status'])
    .where('k.item_id', 'in', [...itemIds])
    .orderBy('l.number')
    .execute();
}

export async function insertItem(db: Db, row: Insertable<CollateralItemsTable>): Promise<number> {
  return (await db.insertInto('collateral_items').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateItem(
  db: Db,
  id: number,
  set: Partial<Insertable<CollateralItemsTable>>,
): Promise<void> {
  await db.updateTable('collateral_items').set(set).where('id', '=', id).execute();
}

export async function insertLinks(
  db: Db,
  rows: readonly { item_id: number; loan_id: number; linked_by: string; linked_at: string }[],
): Promise<void> {
  await db
    .insertInto('collateral_links')
    .values([...rows])
    .execute();
}

export async function isLinked(db: Db, itemId: number, loanId: number): Promise<boolean> {
  const link = await db
    .selectFrom('collateral_links')
    .select('loan_id')
    .where('item_id', '=', itemId)
    .where('loan_id', '=', loanId)
    .executeTakeFirst();
  return link !== undefined;
}

/** Removes the link; false when there was none. */
export async function deleteLink(db: Db, itemId: number, loanId: number): Promise<boolean> {
  const gone = await db
    .deleteFrom('collateral_links')
    .where('item_id', '=', itemId)
    .where('loan_id', '=', loanId)
    .executeTakeFirst();
  return Number(gone.numDeletedRows) > 0;
}

/**
 * The register's items matching a filter, newest first, as ids only (the page is read in full
 * afterwards). A collector's register holds only the collateral of borrowers assigned to them.
 */
export function registerItemIds(
  db: Db,
  actor: Actor | null,
  filter: { kind?: CollateralKind; query?: string; loanStatus?: LoanStatus },
) {
  let q = db
    .selectFrom('collateral_items as i')
    .innerJoin('borrowers as b', 'b.id', 'i.borrower_id')
    .select('i.id');
  if (isScoped(actor)) q = q.where(({ ref }) => borrowerAssignedTo(actor, ref('i.borrower_id')));
  if (filter.kind) q = q.where('i.kind', '=', filter.kind);
  if (filter.query) {
    const query = filter.query;
    q = q.where((eb) =>
      eb.or([itemMatches(engineOf(db), query), textMatches(engineOf(db), 'borrowers', 'b', ['name'], query)]),
    );
  }
  if (filter.loanStatus) {
    const status = filter.loanStatus;
    q = q.where('i.id', 'in', (eb) =>
      eb
        .selectFrom('collateral_links as k')
        .innerJoin('loans as l', 'l.id', 'k.loan_id')
        .select('k.item_id')
        .where('l.status', '=', status),
    );
  }
  return q.orderBy('i.id', 'desc').execute();
}

/** Items by id with their owner's name, newest first. */
export function itemsWithBorrower(db: Db, ids: readonly number[]) {
  return db
    .selectFrom('collateral_items as i')
    .innerJoin('borrowers as b', 'b.id', 'i.borrower_id')
    .selectAll('i')
    .select('b.name as borrower_name')
    .where('i.id', 'in', [...ids])
    .orderBy('i.id', 'desc')
    .execute();
}

/** The items securing a loan, with their owner's name. */
export function itemsSecuringLoan(db: Db, loanId: number) {
  return db
    .selectFrom('collateral_items as i')
    .innerJoin('borrowers as b', 'b.id', 'i.borrower_id')
    .innerJoin('collateral_links as k', 'k.item_id', 'i.id')
    .selectAll('i')
    .select('b.name as borrower_name')
    .where('k.loan_id', '=', loanId)
    .orderBy('i.id')
    .execute();
}

/**
 * What "find an item" matches, in the register and in the global search alike: plate and VIN in
 * any case, title and mortgage certificate numbers, and the address.
 */
export function itemMatches(engine: Engine, q: string) {
  return textMatches(
    engine,
    'collateral_items',
    'i',
    ['plate', 'vin', 'title_certificate_no', 'mortgage_registration_no', 'address'],
    q,
  );
}

export async function insertValuationRow(
  db: Db,
  row: Insertable<DB['collateral_valuations']>,
): Promise<number> {
  return (await db.insertInto('collateral_valuations').values(row).returning('id').executeTakeFirstOrThrow())
    .id;
}

export function findValuation(db: Db, id: number) {
  return db.selectFrom('collateral_valuations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A wrong valuation is voided, never deleted: the history keeps what was believed and when. */
export async function markValuationVoided(
  db: Db,
  id: number,
  voiding: { at: string; by: string; reason: string },
): Promise<void> {
  await db
    .updateTable('collateral_valuations')
    .set({ voided_at: voiding.at, voided_by: voiding.by, void_reason: voiding.reason })
    .where('id', '=', id)
    .execute();
}

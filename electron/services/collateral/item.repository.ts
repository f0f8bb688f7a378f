import type { Insertable } from 'kysely';
import type { CollateralItemView, ItemDetails } from '../../../shared/contract';
import { vinCheckDigitMatches } from '../../../shared/collateral/vin';
import type { Db } from '../../db/db';
import type { CollateralItemRecord, CollateralItemsTable } from './tables';

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

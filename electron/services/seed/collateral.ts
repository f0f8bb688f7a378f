/**
 * Collateral for the seeded book: a car for every car-title loan and a home or shop for every
 * mortgage, each with a valuation history. Some of it is meant to raise alerts — valuations not
 * renewed in time, insurance lapsed or about to, documents not held, and prices that fell far
 * enough to breach the LTV threshold — so the alerts list and the register have work to show.
 *
 * It draws from its own PRNG stream, so adding collateral did not change a single borrower,
 * loan or payment the seed already produced for a given seed number.
 */
import type Database from 'better-sqlite3';
import { addDays, addMonthsClamped, type IsoDate } from '../../../shared/dates';
import { vinCheckDigit } from '../../../shared/collateral/vin';
import type { Statement } from '../../../shared/engine';
import { Rng } from './prng';
import type { SeedParty } from './people';
import type { SeedProduct } from './terms';

/** A stream number far from the ones the loan book uses (0 and the count of loans appended to). */
const COLLATERAL_STREAM = 0x0c0_11a7;

// prettier-ignore
const PLATE_PREFIX: Record<string, string> = {
  北京市: '京', 上海市: '沪', 天津市: '津', 重庆市: '渝', 广东省: '粤', 浙江省: '浙', 江苏省: '苏',
  四川省: '川', 湖北省: '鄂', 陕西省: '陕', 湖南省: '湘', 河南省: '豫', 山东省: '鲁', 福建省: '闽',
  安徽省: '皖', 辽宁省: '辽', 黑龙江省: '黑', 云南省: '云', 江西省: '赣', 广西壮族自治区: '桂',
  贵州省: '贵', 河北省: '冀', 山西省: '晋', 吉林省: '吉',
};

const CARS: readonly (readonly [string, string, string])[] = [
  ['LSV', 'Volkswagen', 'Lavida'],
  ['LSV', 'Volkswagen', 'Passat'],
  ['LFV', 'Audi', 'A4L'],
  ['LHG', 'Honda', 'Accord'],
  ['LVG', 'Toyota', 'Camry'],
  ['LGB', 'Nissan', 'Sylphy'],
  ['LBV', 'BMW', '325Li'],
  ['LGX', 'BYD', 'Qin PLUS'],
  ['LRW', 'Tesla', 'Model 3'],
  ['LDC', 'Buick', 'GL8'],
];
const COLOURS = ['白色', '黑色', '银色', '灰色', '蓝色', '红色'];
const INSURERS = ['中国人保', '平安产险', '太平洋产险', '国寿财险', '大地保险'];
const APPRAISERS = ['中联评估 李工', '华信评估 王工', '同致诚评估 陈工', '世联评估 刘工'];
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
/** Model-year codes (position 10) for 2015–2026. */
// prettier-ignore
const YEAR_CODE: Record<number, string> = {
  2015: 'F', 2016: 'G', 2017: 'H', 2018: 'J', 2019: 'K', 2020: 'L',
  2021: 'M', 2022: 'N', 2023: 'P', 2024: 'R', 2025: 'S', 2026: 'T',
};

export interface LoanForCollateral {
  loanId: number;
  product: SeedProduct;
  borrowerId: number;
  borrower: SeedParty;
  startDate: IsoDate;
  principal: number;
  status: 'active' | 'legal' | 'closed';
  statement: Statement;
  createdAt: string;
}

export interface CollateralSummary {
  items: number;
  valuations: number;
  /** Loans secured by an item that also secures another of the borrower's loans. */
  crossCollateralized: number;
}

export class CollateralSeeder {
  private readonly rng: Rng;
  private readonly sql;
  /** Active property items per borrower, so a returning borrower may pledge the same home again. */
  private readonly homes = new Map<number, number[]>();
  readonly summary: CollateralSummary = { items: 0, valuations: 0, crossCollateralized: 0 };

  constructor(
    sqlite: Database.Database,
    seed: number,
    private readonly asOf: IsoDate,
    existing: number,
  ) {
    this.rng = new Rng(seed, COLLATERAL_STREAM + existing);
    this.sql = {
      vehicle: sqlite.prepare(
        `INSERT INTO collateral_items (kind, borrower_id, status, description, vin, plate, make, model, year, colour,
           mileage_km, holds_registration_certificate, holds_spare_key, gps_installed, gps_device_id, insurer,
           insurance_policy_no, insurance_expiry, parking_location, created_by, created_at, updated_at)
         VALUES ('vehicle', ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'seed', ?, ?)`,
      ),
      property: sqlite.prepare(
        `INSERT INTO collateral_items (kind, borrower_id, status, description, address, property_type, floor_area_m2,
           title_certificate_no, holds_title_certificate, mortgage_registration_no, mortgage_registration_date,
           holds_mortgage_registration, lien_position, prior_lien_amount, owner_kind, owner_name, occupancy,
           created_by, created_at, updated_at)
         VALUES ('property', ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'seed', ?, ?)`,
      ),
      link: sqlite.prepare(
        `INSERT INTO collateral_links (item_id, loan_id, linked_by, linked_at) VALUES (?, ?, 'seed', ?)`,
      ),
      valuation: sqlite.prepare(
        `INSERT INTO collateral_valuations (item_id, date, source, value, valued_by, note, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, '', 'seed', ?)`,
      ),
    };
  }

  forLoan(loan: LoanForCollateral): void {
    const { rng } = this;
    const open = loan.status !== 'closed';
    // A returning mortgage borrower sometimes pledges the same home for the new loan.
    const homes = this.homes.get(loan.borrowerId) ?? [];
    if (loan.product === 'mortgage' && open && homes.length > 0 && rng.chance(0.5)) {
      this.sql.link.run(homes[0], loan.loanId, loan.createdAt);
      this.summary.crossCollateralized++;
      return;
    }
    const itemId = loan.product === 'car-title' ? this.vehicle(loan) : this.property(loan);
    this.sql.link.run(itemId, loan.loanId, loan.createdAt);
    this.summary.items++;
    if (loan.product === 'mortgage' && open) this.homes.set(loan.borrowerId, [...homes, itemId]);
    this.history(itemId, loan);
  }

  private vehicle(loan: LoanForCollateral): number {
    const { rng } = this;
    const [wmi, make, model] = rng.pick(CARS);
    const startYear = Number(loan.startDate.slice(0, 4));
    const year = Math.max(2015, startYear - rng.int(0, 6));
    // Positions 12–17 carry the loan id, so no two seeded cars share a VIN.
    let vin = `${wmi}${Array.from({ length: 5 }, () => rng.pick([...VIN_CHARS])).join('')}0${YEAR_CODE[year] ?? 'N'}${rng.pick([...VIN_CHARS])}${String(loan.loanId).padStart(6, '0')}`;
    vin = `${vin.slice(0, 8)}${vinCheckDigit(vin)}${vin.slice(9)}`;
    const province = loan.borrower.city.province || loan.borrower.city.city;
    const plate =
      `${PLATE_PREFIX[province] ?? '京'}${rng.pick([...'ABCDEFG'])}${rng.pick(['', 'D', 'F'])}${rng.digits(5)}`.slice(
        0,
        9,
      );
    // Insurance renews yearly from the loan date; some borrowers stop renewing.
    let expiry = addMonthsClamped(loan.startDate, 12);
    const renews = rng.chance(0.82);
    while (renews && expiry < this.asOf) expiry = addMonthsClamped(expiry, 12);
    if (rng.chance(0.05)) expiry = addDays(this.asOf, rng.int(0, 29)); // renewal due within the month
    const gps = rng.chance(0.7);
    return Number(
      this.sql.vehicle.run(
        loan.borrowerId,
        loan.status === 'closed' ? 'released' : 'active',
        vin,
        plate,
        make,
        model,
        year,
        rng.pick(COLOURS),
        rng.int(5, 160) * 1000,
        rng.chance(0.93) ? 1 : 0,
        rng.chance(0.6) ? 1 : 0,
        gps ? 1 : 0,
        gps ? `GT06-${rng.digits(8)}` : null,
        rng.pick(INSURERS),
        `PDAA${startYear}${rng.digits(12)}`,
        expiry,
        rng.chance(0.5)
          ? '小区地下车库'
          : `${loan.borrower.city.city}${rng.pick(loan.borrower.city.districts).name}停车场`,
        loan.createdAt,
        loan.createdAt,
      ).lastInsertRowid,
    );
  }

  private property(loan: LoanForCollateral): number {
    const { rng } = this;
    const b = loan.borrower;
    const company = b.kind === 'company';
    const year = loan.startDate.slice(0, 4);
    const city = b.city.short;
    const district = rng.pick(b.city.districts).name;
    const second = rng.chance(0.15);
    const registered = rng.chance(0.94);
    const thirdParty = rng.chance(0.1);
    return Number(
      this.sql.property.run(
        loan.borrowerId,
        loan.status === 'closed' ? 'released' : 'active',
        company ? b.address : b.address || `${b.city.city}${district}`,
        company
          ? rng.pick(['commercial', 'commercial', 'land'])
          : rng.chance(0.9)
            ? 'residential'
            : 'commercial',
        `${rng.int(45, 260)}.${rng.digits(2)}`,
        `${city}(${Number(year) - rng.int(1, 12)})${district}不动产权第${rng.digits(7)}号`,
        rng.chance(0.95) ? 1 : 0,
        registered ? `${city}(${year})${district}不动产证明第${rng.digits(7)}号` : null,
        registered ? addDays(loan.startDate, rng.int(1, 10)) : null,
        registered ? 1 : 0,
        second ? 2 : 1,
        second ? Math.round((loan.principal * rng.int(40, 120)) / 100) : 0,
        thirdParty ? 'third-party' : 'borrower',
        thirdParty ? `${b.name.slice(0, 1)}${rng.pick(['建国', '秀英', '志强', '丽华'])}` : null,
        rng.weighted([
          ['owner-occupied', 70],
          ['tenanted', 22],
          ['vacant', 8],
        ] as const),
        loan.createdAt,
        loan.createdAt,
      ).lastInsertRowid,
    );
  }

  /**
   * An appraisal at origination worth comfortably more than the loan, then revaluations: cars
   * every ~6 months, property every ~12, each drifting. About one in five items stops being
   * revalued (stale), and about one in ten open loans gets a last valuation low enough to
   * breach the LTV threshold.
   */
  private history(itemId: number, loan: LoanForCollateral): void {
    const { rng } = this;
    const car = loan.product === 'car-title';
    const firstLtv = car ? rng.int(45, 72) : rng.int(40, 65);
    let value = Math.round((loan.principal * 100) / firstLtv / 100) * 100;
    let date = addDays(loan.startDate, -rng.int(1, 10));
    const add = (on: IsoDate, source: 'appraiser' | 'internal' | 'market-quote', amount: number) => {
      this.sql.valuation.run(
        itemId,
        on,
        source,
        amount,
        source === 'appraiser' ? rng.pick(APPRAISERS) : '信贷部',
        `${on}T02:00:00.000Z`,
      );
      this.summary.valuations++;
    };
    add(date, 'appraiser', value);

    const every = car ? 6 : 12;
    const stale = rng.chance(0.2);
    const stopBy = stale ? addMonthsClamped(this.asOf, -(every + rng.int(1, 6))) : this.asOf;
    for (;;) {
      const next = addDays(addMonthsClamped(date, every), rng.int(-20, 10));
      if (next > stopBy || next > this.asOf) break;
      date = next;
      // Cars lose 8–18% a year; property moves between −6% and +5% a year.
      const change = car ? -rng.int(4, 9) : rng.int(-6, 5);
      value = Math.max(100_00, Math.round((value * (100 + change)) / 100 / 100) * 100);
      add(
        date,
        car
          ? rng.pick(['market-quote', 'internal', 'appraiser'])
          : rng.chance(0.7)
            ? 'appraiser'
            : 'internal',
        value,
      );
    }

    const { statement } = loan;
    const exposure = statement.outstandingPrincipal + statement.overdue.interest + statement.overdue.penalty;
    if (loan.status !== 'closed' && exposure > 0 && !stale && rng.chance(0.1)) {
      // A fall in price: LTV lands between 85% and 140%.
      const breach = Math.max(100_00, Math.round((exposure * 100) / rng.int(85, 140) / 100) * 100);
      const on = addDays(this.asOf, -rng.int(5, 60));
      if (on > date) add(on, rng.chance(0.5) ? 'market-quote' : 'appraiser', breach);
    }
  }
}

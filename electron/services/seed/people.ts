/**
 * Borrowers, guarantors and references for the seeder: Chinese persons with valid resident IDs
 * and companies with valid unified social credit codes (or old 15-digit registration numbers).
 */
import { addDays, type IsoDate } from '../../../shared/dates';
import { registrationNumber, residentId, socialCreditCode } from './ids';
import type { Rng } from './prng';
import {
  CITIES,
  COMPOUNDS,
  FEMALE_GIVEN_NAMES,
  INDUSTRIES,
  INSTITUTIONS,
  JOB_TITLES,
  MALE_GIVEN_NAMES,
  MOBILE_PREFIXES,
  OFFICE_BUILDINGS,
  ORIGIN_REGIONS,
  SELF_EMPLOYED,
  STREETS,
  SURNAMES,
  TRADE_NAMES,
  type City,
  type District,
} from './words';

export interface SeedParty {
  kind: 'person' | 'company';
  name: string;
  idType: 'resident-id' | 'business-licence';
  idNumber: string;
  phone: string;
  altPhone: string;
  address: string;
  employer: string;
  notes: string;
  createdAt: string;
  /** Generation-only facts, not stored as such. */
  city: City;
  male: boolean;
  birthDate: IsoDate | null;
}

const SURNAME_WEIGHTS = SURNAMES.map((s, rank) => [s, 1 / (rank + 4)] as const);
const CITY_WEIGHTS = CITIES.map((c) => [c, c.weight] as const);
/** Characters for two-character trade names beyond the curated list. */
const TRADE_CHARS = [...new Set(TRADE_NAMES.join(''))];

const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

export class PartyFactory {
  private readonly idNumbers: Set<string>;
  private readonly phones: Set<string>;
  private readonly companyNames: Set<string>;

  /** `taken` holds ID numbers, phones and names already in the database (for --append). */
  constructor(
    private readonly rng: Rng,
    taken: { idNumbers: Iterable<string>; phones: Iterable<string>; names: Iterable<string> },
  ) {
    this.idNumbers = new Set(taken.idNumbers);
    this.phones = new Set(taken.phones);
    this.companyNames = new Set(taken.names);
  }

  city(): City {
    return this.rng.weighted(CITY_WEIGHTS);
  }

  mobile(): string {
    for (;;) {
      const phone = this.rng.pick(MOBILE_PREFIXES) + this.rng.digits(8);
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  private landline(city: City): string {
    return `${city.areaCode}-${this.rng.int(2, 8)}${this.rng.digits(7)}`;
  }

  private homeAddress(city: City): string {
    const r = this.rng;
    const district = r.pick(city.districts);
    const floor = r.int(1, 32);
    return (
      `${city.province}${city.city}${district.name}${r.pick(STREETS)}${r.int(1, 999)}号` +
      `${r.pick(COMPOUNDS)}${r.int(1, 30)}栋${r.int(1, 4)}单元${floor}${String(r.int(1, 8)).padStart(2, '0')}室`
    );
  }

  private officeAddress(city: City, district: District): string {
    const r = this.rng;
    const base = `${city.province}${city.city}${district.name}${r.pick(STREETS)}${r.int(1, 888)}号`;
    return r.chance(0.7)
      ? `${base}${r.pick(OFFICE_BUILDINGS)}${r.int(2, 28)}层${r.int(1, 28)}${String(r.int(1, 20)).padStart(2, '0')}室`
      : `${base}${r.int(1, 12)}号厂房`;
  }

  /** A company name; borrowers' names are unique, employers' may repeat (colleagues share one). */
  private companyName(city: City, unique: boolean): { name: string; business: string } {
    const r = this.rng;
    for (;;) {
      const trade = r.chance(0.5) ? r.pick(TRADE_NAMES) : r.pick(TRADE_CHARS) + r.pick(TRADE_CHARS);
      const industry = r.pick(INDUSTRIES);
      const style = r.int(0, 9);
      const name =
        style < 6
          ? `${city.city}${trade}${industry.word}有限公司`
          : style < 9
            ? `${city.short}${trade}${industry.word}有限公司`
            : `${trade}（${city.short}）${industry.word}有限公司`;
      if (!unique) return { name, business: industry.business };
      if (!this.companyNames.has(name)) {
        this.companyNames.add(name);
        return { name, business: industry.business };
      }
    }
  }

  private employerOf(city: City): string {
    const r = this.rng;
    const x = r.float();
    if (x < 0.45) return `${this.companyName(city, false).name}（${r.pick(JOB_TITLES)}）`;
    if (x < 0.8) return r.pick(SELF_EMPLOYED);
    if (x < 0.9) return `${city.city}${r.pick(INSTITUTIONS)}`;
    return '';
  }

  /** A person aged 22–62 on `onDate`, living in `city`. */
  person(opts: {
    onDate: IsoDate;
    createdAt: string;
    city?: City;
    male?: boolean;
    spouseOf?: SeedParty;
  }): SeedParty {
    const r = this.rng;
    const spouse = opts.spouseOf;
    const city = spouse?.city ?? opts.city ?? this.city();
    const male = spouse ? !spouse.male : (opts.male ?? r.chance(0.64));
    const surname = r.weighted(SURNAME_WEIGHTS);
    const name = surname + r.pick(male ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
    const adultBy = addDays(opts.onDate, -(20 * 365 + 5));
    const birthDate =
      spouse && spouse.birthDate !== null
        ? minDate(addDays(spouse.birthDate, r.int(-6 * 365, 6 * 365)), adultBy)
        : addDays(opts.onDate, -r.int(22 * 365 + 10, 62 * 365));
    let idNumber: string;
    do {
      const region = r.chance(0.65) ? r.pick(city.districts).code : r.pick(ORIGIN_REGIONS);
      const sequence = 2 * r.int(0, 498) + (male ? 1 : 2); // odd for men, even for women
      idNumber = residentId(region, birthDate, sequence);
    } while (this.idNumbers.has(idNumber));
    this.idNumbers.add(idNumber);
    return {
      kind: 'person',
      name,
      idType: 'resident-id',
      idNumber,
      phone: this.mobile(),
      altPhone: r.chance(0.3) ? this.mobile() : '',
      address: spouse ? spouse.address : this.homeAddress(city),
      employer: this.employerOf(city),
      notes: '',
      createdAt: opts.createdAt,
      city,
      male,
      birthDate,
    };
  }

  company(opts: { createdAt: string; city?: City }): SeedParty {
    const r = this.rng;
    const city = opts.city ?? this.city();
    const { name, business } = this.companyName(city, true);
    const district = r.pick(city.districts);
    let idNumber: string;
    do {
      const region = district.code;
      idNumber = r.chance(0.88)
        ? socialCreditCode(region, r.digits(8))
        : registrationNumber(region, r.digits(8));
    } while (this.idNumbers.has(idNumber));
    this.idNumbers.add(idNumber);
    return {
      kind: 'company',
      name,
      idType: 'business-licence',
      idNumber,
      phone: r.chance(0.5) ? this.landline(city) : this.mobile(),
      altPhone: r.chance(0.6) ? this.mobile() : '',
      address: this.officeAddress(city, district),
      employer: business,
      notes: r.chance(0.5) ? `注册资本${r.pick([50, 100, 200, 300, 500, 1000, 2000])}万元` : '',
      createdAt: opts.createdAt,
      city,
      male: false,
      birthDate: null,
    };
  }
}

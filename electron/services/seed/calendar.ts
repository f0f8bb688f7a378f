/**
 * Dates and sums the seeded year's stories share: days drawn from the seeded PRNG inside the
 * year before as-of, and the loan facts the seeder hands over.
 */
import { addDays, addMonthsClamped, daysBetween, startOfMonth, type IsoDate } from '../../../shared/dates';
import type { PaymentMethod } from '../../../shared/contract';
import type { SeedProduct } from './terms';
import type { Rng } from './prng';

/** What the seeder knows of an overdue loan when it hands it to the office. */
export interface ActivityCandidate {
  loanId: number;
  product: SeedProduct;
  address: string;
  daysPastDue: number;
  oldestUnpaidDueDate: IsoDate;
  /** The loan's seeded payments, oldest first. */
  payments: readonly { date: IsoDate; amount: number }[];
  /** Long enough overdue that the lender goes to court, from this day on. */
  legalFrom: IsoDate | null;
}

/** The seeded year: actions are dated from as-of less this many days to as-of. */
export const YEAR_DAYS = 364;

/** Helpers the stories share: dates drawn from the PRNG, and the year's bounds. */
export class Calendar {
  readonly yearStart: IsoDate;
  /** The last four weeks, never before as-of's month: where a showcase story is told. */
  readonly recentStart: IsoDate;

  constructor(
    readonly rng: Rng,
    readonly asOf: IsoDate,
  ) {
    this.yearStart = addDays(asOf, -YEAR_DAYS);
    const fourWeeks = addDays(asOf, -27);
    const month = startOfMonth(asOf);
    this.recentStart = fourWeeks > month ? fourWeeks : month;
  }

  /** A day from `from` to `to`, both included (`from` when the range is empty). */
  between(from: IsoDate, to: IsoDate): IsoDate {
    const span = daysBetween(from, to);
    return span <= 0 ? from : addDays(from, this.rng.int(0, span));
  }

  /** The day `share` (0 … 1) of the way through the recent weeks. */
  recent(share: number): IsoDate {
    return addDays(this.recentStart, Math.round(share * daysBetween(this.recentStart, this.asOf)));
  }

  /** A local time of day in office hours, in minutes after midnight. */
  officeHours(fromHour = 9, toHour = 18): number {
    return this.rng.int(fromHour * 60, toHour * 60 - 1);
  }

  later(a: IsoDate, b: IsoDate): IsoDate {
    return a > b ? a : b;
  }

  earlier(a: IsoDate, b: IsoDate): IsoDate {
    return a < b ? a : b;
  }

  addMonths(date: IsoDate, months: number): IsoDate {
    return addMonthsClamped(date, months);
  }
}

/** Whole hundreds of yuan, in minor units. */
export const hundredsOfYuan = (n: number) => n * 100_00;

export const PAYMENT_CHANNELS: readonly (readonly [PaymentMethod, number])[] = [
  ['bank-transfer', 60],
  ['cash', 25],
  ['other', 15],
];

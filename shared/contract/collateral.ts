import { z } from 'zod';
import { method, changes, names, reads } from './define';
import { id, isoDate, minorAmount, nonEmptyText, optionalText, pageRequest, positiveMinor } from './common';
import { LOAN_STATUSES, type LoanStatus } from './loans';
import {
  ALERT_KINDS,
  ATTACHMENT_CATEGORIES,
  COLLATERAL_KINDS,
  OCCUPANCIES,
  OWNER_KINDS,
  PROPERTY_TYPES,
  REPOSSESSION_KINDS,
  SALE_CHANNELS,
  VALUATION_SOURCES,
  type AlertKind,
  type AttachmentCategory,
  type CollateralKind,
  type ItemStatus,
  type RepossessionKind,
  type RepossessionStep,
  type SaleChannel,
  type ValuationSource,
} from '../collateral/kinds';
import type { AlertCode } from '../collateral/alerts';
import { normalizeVin, vinProblemCode } from '../collateral/vin';
import { coded, codedIssue } from './error-codes';

export * from '../collateral/kinds';
export { ALERT_CODES, type AlertCode } from '../collateral/alerts';

const nonNegativeMinor = minorAmount.refine((v) => v >= 0, coded('input.notNegative'));
const flag = z.boolean().default(false);
const optionalDate = isoDate.nullable().default(null);

const propertyFields = z
  .object({
    kind: z.literal('property'),
    address: nonEmptyText(300),
    propertyType: z.enum(PROPERTY_TYPES),
    floorAreaM2: z
      .string()
      .trim()
      .regex(/^(\d{1,7}(\.\d{1,2})?)?$/, 'must be square metres such as 89.5')
      .default(''),
    titleCertificateNo: optionalText(60),
    holdsTitleCertificate: flag,
    mortgageRegistrationNo: optionalText(60),
    mortgageRegistrationDate: optionalDate,
    holdsMortgageRegistration: flag,
    lienPosition: z.union([z.literal(1), z.literal(2)]),
    /** What ranks ahead of us on a second lien; 0 on a first lien. */
    priorLienAmount: nonNegativeMinor.default(0),
    ownerKind: z.enum(OWNER_KINDS),
    ownerName: optionalText(120),
    occupancy: z.enum(OCCUPANCIES),
  })
  .strict();

export const propertyDetailsSchema = propertyFields.superRefine((v, ctx) => {
  if (v.lienPosition === 2 && v.priorLienAmount <= 0)
    ctx.addIssue({
      code: 'custom',
      path: ['priorLienAmount'],
      message: 'a second lien needs the prior lien amount',
    });
  if (v.lienPosition === 1 && v.priorLienAmount !== 0)
    ctx.addIssue({ code: 'custom', path: ['priorLienAmount'], message: 'a first lien has no prior lien' });
  if (v.ownerKind === 'third-party' && !v.ownerName)
    ctx.addIssue({ ...codedIssue('owner.nameMissing'), path: ['ownerName'] });
});

export const vinSchema = z
  .string()
  .transform(normalizeVin)
  .superRefine((vin, ctx) => {
    const problem = vinProblemCode(vin);
    if (problem) ctx.addIssue(problem);
  });

const vehicleFields = z
  .object({
    kind: z.literal('vehicle'),
    vin: vinSchema,
    plate: nonEmptyText(20).transform((p) => p.toUpperCase()),
    make: nonEmptyText(40),
    model: nonEmptyText(60),
    year: z.number().int().min(1950, 'must be 1950 or later').max(2100, 'must be 2100 or earlier'),
    colour: optionalText(30),
    mileageKm: z.number().int().min(0, 'cannot be negative').max(5_000_000).default(0),
    holdsRegistrationCertificate: flag,
    holdsSpareKey: flag,
    gpsInstalled: flag,
    gpsDeviceId: optionalText(60),
    insurer: optionalText(80),
    insurancePolicyNo: optionalText(60),
    insuranceExpiry: optionalDate,
    parkingLocation: optionalText(200),
  })
  .strict();

export const vehicleDetailsSchema = vehicleFields.superRefine((v, ctx) => {
  if (v.gpsInstalled && !v.gpsDeviceId)
    ctx.addIssue({ code: 'custom', path: ['gpsDeviceId'], message: 'give the tracker device id' });
});

/**
 * Items as a lender's spreadsheet has them: only what identifies the item is required (a plate
 * or a VIN; an address or a title-deed number). What is missing stays blank (year 0), never
 * made up, and the item's "details to complete" alert names it until the screen fills it in.
 */
export const importedVehicleSchema = vehicleFields
  .extend({
    vin: z.union([z.literal(''), vinSchema]),
    plate: optionalText(20).transform((p) => p.toUpperCase()),
    make: optionalText(40),
    model: optionalText(60),
    year: z.union([z.literal(0), vehicleFields.shape.year]).default(0),
  })
  .superRefine((v, ctx) => {
    if (!v.vin && !v.plate)
      ctx.addIssue({ code: 'custom', path: ['plate'], message: 'a vehicle needs its plate or VIN' });
  });

export const importedPropertySchema = propertyFields
  .extend({ address: optionalText(300) })
  .superRefine((v, ctx) => {
    if (!v.address && !v.titleCertificateNo)
      ctx.addIssue({
        code: 'custom',
        path: ['address'],
        message: 'a property needs its address or title-deed number',
      });
  });

export const itemDetailsSchema = z.discriminatedUnion('kind', [propertyDetailsSchema, vehicleDetailsSchema]);
export type ItemDetailsInput = z.input<typeof itemDetailsSchema>;
export type ItemDetails = z.output<typeof itemDetailsSchema>;
export type PropertyDetails = z.output<typeof propertyDetailsSchema>;
export type VehicleDetails = z.output<typeof vehicleDetailsSchema>;

export const valuationInputSchema = z
  .object({
    date: isoDate,
    source: z.enum(VALUATION_SOURCES),
    value: positiveMinor,
    valuedBy: nonEmptyText(80),
    note: optionalText(500),
  })
  .strict();

export const createItemSchema = z
  .object({
    /** The loans it secures; they must all belong to one borrower, who owns the item. */
    loanIds: z.array(id).min(1, 'link the item to at least one loan').max(20),
    description: optionalText(200),
    notes: optionalText(2000),
    details: itemDetailsSchema,
    /** The first valuation, usually taken when the loan is made. */
    valuation: valuationInputSchema.optional(),
  })
  .strict();
export type CreateItemInput = z.input<typeof createItemSchema>;

export const updateItemSchema = z
  .object({ id, description: optionalText(200), notes: optionalText(2000), details: itemDetailsSchema })
  .strict();

export const collateralListSchema = z
  .object({
    query: z.string().trim().max(100).default(''),
    kind: z.enum(COLLATERAL_KINDS).optional(),
    alert: z.enum([...ALERT_KINDS, 'any']).optional(),
    loanStatus: z.enum(LOAN_STATUSES).optional(),
    ...pageRequest,
  })
  .strict();

/** Files travel as base64 inside the request: the screen never hands main a path to read. */
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

export const uploadSchema = z
  .object({
    itemId: id.optional(),
    loanId: id.optional(),
    valuationId: id.optional(),
    category: z.enum(ATTACHMENT_CATEGORIES),
    fileName: nonEmptyText(200),
    mime: z
      .string()
      .trim()
      .regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'must be a media type such as image/jpeg'),
    dataBase64: z
      .string()
      .min(1, 'the file is empty')
      .max(MAX_BASE64, `the file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
    note: optionalText(300),
  })
  .strict()
  .refine((v) => v.itemId !== undefined || v.loanId !== undefined, {
    path: ['itemId'],
    message: 'attach the file to an item or a loan',
  });

const reason = z.string().trim().min(3, 'give the reason (at least 3 characters)').max(300);
const stepNote = optionalText(500);

export const repossessionStepSchema = z.discriminatedUnion('step', [
  z
    .object({
      step: z.literal('possessed'),
      date: isoDate,
      location: nonEmptyText(200),
      storageCost: nonNegativeMinor.default(0),
      towingCost: nonNegativeMinor.default(0),
      note: stepNote,
    })
    .strict(),
  z
    .object({
      step: z.literal('listed'),
      date: isoDate,
      channel: z.enum(SALE_CHANNELS),
      askingPrice: nonNegativeMinor.default(0),
      note: stepNote,
    })
    .strict(),
  z
    .object({
      step: z.literal('sold'),
      date: isoDate,
      buyer: nonEmptyText(120),
      grossPrice: nonNegativeMinor,
      sellingCosts: nonNegativeMinor.default(0),
      note: stepNote,
    })
    .strict(),
  z.object({ step: z.literal('applied'), date: isoDate, note: stepNote }).strict(),
  z.object({ step: z.literal('settled'), date: isoDate, note: stepNote }).strict(),
]);
export type RepossessionStepInput = z.input<typeof repossessionStepSchema>;

// ——— results ———

export interface CollateralAlert {
  kind: AlertKind;
  code: AlertCode;
  params: Record<string, string | number>;
  /** The reason in English, for the CLI and logs; the screens translate `code` with `params`. */
  reason: string;
  loanId: number;
  loanNumber: string;
  itemId: number;
  item: string;
  borrowerId: number;
  borrowerName: string;
}

/** LTV for display; the exact ratio stays in the service. */
export interface Coverage {
  exposure: number;
  value: number;
  /** LTV in basis points (7000 = 70.00%), or null when the collateral has no current value. */
  ltvBasisPoints: number | null;
}

export interface ItemLoan extends Coverage {
  loanId: number;
  number: string;
  status: LoanStatus;
  /** This item's share of its value allocated to the loan (by outstanding principal). */
  share: number;
}

export interface CollateralItemView {
  id: number;
  kind: CollateralKind;
  status: ItemStatus;
  label: string;
  borrowerId: number;
  borrowerName: string;
  description: string;
  notes: string;
  details: ItemDetails;
  /** For vehicles: false when position 9 is not the ISO 3779 check digit (a warning, not an error). */
  vinCheckDigitOk: boolean | null;
}

export interface ValuationRow {
  id: number;
  date: string;
  source: ValuationSource;
  value: number;
  valuedBy: string;
  note: string;
  createdBy: string;
  createdAt: string;
  voided: { at: string; by: string; reason: string } | null;
  documents: AttachmentRow[];
}

export interface AttachmentRow {
  linkId: number;
  attachmentId: number;
  sha256: string;
  size: number;
  mime: string;
  fileName: string;
  category: AttachmentCategory;
  note: string;
  itemId: number | null;
  loanId: number | null;
  valuationId: number | null;
  linkedBy: string;
  linkedAt: string;
  isImage: boolean;
}

export interface RepossessionStepRow {
  id: number;
  step: RepossessionStep;
  date: string;
  note: string;
  location: string | null;
  storageCost: number | null;
  towingCost: number | null;
  channel: SaleChannel | null;
  askingPrice: number | null;
  buyer: string | null;
  grossPrice: number | null;
  sellingCosts: number | null;
  paymentId: number | null;
  netProceeds: number | null;
  appliedAmount: number | null;
  surplus: number | null;
  deficiency: number | null;
  recordedBy: string;
  recordedAt: string;
  reversed: { at: string; by: string; reason: string } | null;
}

export interface RepossessionView {
  id: number;
  itemId: number;
  loanId: number;
  loanNumber: string;
  kind: RepossessionKind;
  /** The latest step not reversed, or null when every step was reversed. */
  stage: RepossessionStep | null;
  /** What the next step is, or null once settled or cancelled. */
  next: RepossessionStep | null;
  steps: RepossessionStepRow[];
  /** Storage, towing and selling costs recorded so far. */
  costs: number;
}

export interface CollateralDetail extends CollateralItemView {
  currentValue: number;
  currentValuationDate: string | null;
  /** Vehicles: the latest appraisal depreciated to today. An estimate only; never used for LTV. */
  estimate: { value: number; fromDate: string; fromValue: number; ratePercent: string } | null;
  loans: ItemLoan[];
  worstLtvBasisPoints: number | null;
  valuations: ValuationRow[];
  alerts: CollateralAlert[];
  attachments: AttachmentRow[];
  repossessions: RepossessionView[];
}

export interface CollateralRow {
  id: number;
  kind: CollateralKind;
  status: ItemStatus;
  label: string;
  borrowerId: number;
  borrowerName: string;
  plate: string | null;
  vin: string | null;
  titleCertificateNo: string | null;
  address: string | null;
  currentValue: number;
  currentValuationDate: string | null;
  loans: { loanId: number; number: string; status: LoanStatus }[];
  worstLtvBasisPoints: number | null;
  alertKinds: AlertKind[];
}

export interface LoanCollateral extends Coverage {
  items: (CollateralRow & { share: number })[];
  alerts: CollateralAlert[];
  repossessions: RepossessionView[];
}

export const collateralContract = {
  'collateral.create': method<{ id: number; warnings: string[] }>()(
    createItemSchema,
    changes('book.write', names('loan', 'loanIds')),
  ),
  'collateral.update': method<{ id: number; warnings: string[] }>()(
    updateItemSchema,
    changes('book.write', names('collateral-item', 'id')),
  ),
  'collateral.get': method<CollateralDetail>()(
    z.object({ id }).strict(),
    reads('book.read', names('collateral-item', 'id')),
  ),
  'collateral.list': method<{ rows: CollateralRow[]; total: number }>()(
    collateralListSchema,
    reads('book.read'),
  ),
  'collateral.link': method<{ itemId: number; loanId: number }>()(
    z.object({ itemId: id, loanId: id }).strict(),
    changes('book.write', names('collateral-item', 'itemId'), names('loan', 'loanId')),
  ),
  'collateral.unlink': method<{ itemId: number; loanId: number }>()(
    z.object({ itemId: id, loanId: id, reason }).strict(),
    changes('book.write', names('collateral-item', 'itemId'), names('loan', 'loanId')),
  ),
  'collateral.release': method<{ id: number }>()(
    z.object({ id, reason }).strict(),
    changes('book.write', names('collateral-item', 'id')),
  ),
  'collateral.addValuation': method<{ id: number }>()(
    valuationInputSchema.extend({ itemId: id }).strict(),
    changes('book.write', names('collateral-item', 'itemId')),
  ),
  'collateral.voidValuation': method<{ id: number }>()(
    z.object({ id, reason }).strict(),
    changes('book.write', names('valuation', 'id')),
  ),
  /** The book's alert count and its first few: for a card, without shipping thousands of alerts. */
  'collateral.alertSummary': method<{ total: number; first: CollateralAlert[] }>()(
    z.object({ limit: z.number().int().min(1).max(100) }).strict(),
    reads('book.read'),
  ),
  'collateral.forLoan': method<LoanCollateral>()(
    z.object({ loanId: id }).strict(),
    reads('book.read', names('loan', 'loanId')),
  ),
  'collateral.forBorrower': method<Coverage & { items: number }>()(
    z.object({ borrowerId: id }).strict(),
    reads('book.read', names('borrower', 'borrowerId')),
  ),
  'collateral.alerts': method<CollateralAlert[]>()(
    z.object({ asOf: isoDate.optional(), kind: z.enum(ALERT_KINDS).optional() }).strict(),
    reads('book.read'),
  ),
  'attachments.upload': method<{
    linkId: number;
    attachmentId: number;
    sha256: string;
    alreadyStored: boolean;
  }>()(
    uploadSchema,
    changes(
      'book.write',
      names('collateral-item', 'itemId'),
      names('loan', 'loanId'),
      names('valuation', 'valuationId'),
    ),
  ),
  'attachments.preview': method<{ dataUrl: string; mime: string; fileName: string }>()(
    z.object({ linkId: id }).strict(),
    reads('book.read', names('attachment-link', 'linkId')),
  ),
  'attachments.unlink': method<{ linkId: number }>()(
    z.object({ linkId: id, reason }).strict(),
    changes('book.write', names('attachment-link', 'linkId')),
  ),
  'repossession.start': method<{ id: number }>()(
    z
      .object({ itemId: id, loanId: id, kind: z.enum(REPOSSESSION_KINDS), date: isoDate, note: stepNote })
      .strict(),
    changes('book.write', names('collateral-item', 'itemId'), names('loan', 'loanId')),
  ),
  'repossession.record': method<RepossessionView>()(
    z.object({ repossessionId: id, step: repossessionStepSchema }).strict(),
    changes('book.write', names('repossession', 'repossessionId')),
  ),
  'repossession.reverse': method<RepossessionView>()(
    z.object({ repossessionId: id, reason }).strict(),
    changes('book.write', names('repossession', 'repossessionId')),
  ),
};

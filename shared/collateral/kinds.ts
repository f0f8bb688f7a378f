/** The vocabulary of collateral, shared by the database, the contract and the screens. */
export const COLLATERAL_KINDS = ['property', 'vehicle'] as const;
export type CollateralKind = (typeof COLLATERAL_KINDS)[number];

export const ITEM_STATUSES = ['active', 'sold', 'released'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const PROPERTY_TYPES = ['residential', 'commercial', 'land'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export const OWNER_KINDS = ['borrower', 'third-party'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

export const OCCUPANCIES = ['owner-occupied', 'tenanted', 'vacant'] as const;
export type Occupancy = (typeof OCCUPANCIES)[number];

export const LIEN_POSITIONS = [1, 2] as const;
export type LienPosition = (typeof LIEN_POSITIONS)[number];

export const VALUATION_SOURCES = ['appraiser', 'internal', 'market-quote'] as const;
export type ValuationSource = (typeof VALUATION_SOURCES)[number];

export const ATTACHMENT_CATEGORIES = ['photo', 'contract', 'certificate', 'appraisal', 'other'] as const;
export type AttachmentCategory = (typeof ATTACHMENT_CATEGORIES)[number];

export const REPOSSESSION_KINDS = ['repossession', 'foreclosure', 'judicial-auction'] as const;
export type RepossessionKind = (typeof REPOSSESSION_KINDS)[number];

/** The steps of a repossession through sale, in the only order they can happen. */
export const REPOSSESSION_STEPS = ['ordered', 'possessed', 'listed', 'sold', 'applied', 'settled'] as const;
export type RepossessionStep = (typeof REPOSSESSION_STEPS)[number];

export const SALE_CHANNELS = ['sale', 'auction'] as const;
export type SaleChannel = (typeof SALE_CHANNELS)[number];

export const ALERT_KINDS = ['ltv', 'stale-valuation', 'insurance', 'document', 'details'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

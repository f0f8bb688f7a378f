import type { Generated, Selectable } from 'kysely';
import type {
  AttachmentCategory,
  CollateralKind,
  ItemStatus,
  Occupancy,
  OwnerKind,
  PropertyType,
  RepossessionKind,
  RepossessionStep,
  SaleChannel,
  ValuationSource,
} from '../../../shared/collateral/kinds';

/** Flags are stored as 0/1 (SQLite has no boolean); null where the field is not for that kind. */
type Flag = 0 | 1;

export interface CollateralItemsTable {
  id: Generated<number>;
  kind: CollateralKind;
  borrower_id: number;
  status: ItemStatus;
  description: string;
  notes: string;

  address: string | null;
  property_type: PropertyType | null;
  floor_area_m2: string | null;
  title_certificate_no: string | null;
  holds_title_certificate: Flag | null;
  mortgage_registration_no: string | null;
  mortgage_registration_date: string | null;
  holds_mortgage_registration: Flag | null;
  lien_position: 1 | 2 | null;
  prior_lien_amount: number | null;
  owner_kind: OwnerKind | null;
  owner_name: string | null;
  occupancy: Occupancy | null;

  vin: string | null;
  plate: string | null;
  make: string | null;
  model: string | null;
  year: number | null;
  colour: string | null;
  mileage_km: number | null;
  holds_registration_certificate: Flag | null;
  holds_spare_key: Flag | null;
  gps_installed: Flag | null;
  gps_device_id: string | null;
  insurer: string | null;
  insurance_policy_no: string | null;
  insurance_expiry: string | null;
  parking_location: string | null;

  created_by: string;
  created_at: string;
  updated_at: string;
}
export type CollateralItemRecord = Selectable<CollateralItemsTable>;

export interface CollateralLinksTable {
  item_id: number;
  loan_id: number;
  linked_by: string;
  linked_at: string;
}

export interface CollateralValuationsTable {
  id: Generated<number>;
  item_id: number;
  date: string;
  source: ValuationSource;
  value: number;
  valued_by: string;
  note: string;
  created_by: string;
  created_at: string;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}
export type ValuationRecord = Selectable<CollateralValuationsTable>;

export interface AttachmentsTable {
  id: Generated<number>;
  sha256: string;
  size: number;
  mime: string;
  created_at: string;
}

export interface AttachmentLinksTable {
  id: Generated<number>;
  attachment_id: number;
  item_id: number | null;
  loan_id: number | null;
  valuation_id: number | null;
  category: AttachmentCategory;
  file_name: string;
  note: string;
  linked_by: string;
  linked_at: string;
  unlinked_at: string | null;
  unlinked_by: string | null;
  unlink_reason: string | null;
}

export interface RepossessionsTable {
  id: Generated<number>;
  item_id: number;
  loan_id: number;
  kind: RepossessionKind;
  created_at: string;
}

export interface RepossessionStepsTable {
  id: Generated<number>;
  repossession_id: number;
  step: RepossessionStep;
  date: string;
  note: string;
  location: string | null;
  storage_cost: number | null;
  towing_cost: number | null;
  channel: SaleChannel | null;
  asking_price: number | null;
  buyer: string | null;
  gross_price: number | null;
  selling_costs: number | null;
  payment_id: number | null;
  net_proceeds: number | null;
  applied_amount: number | null;
  surplus: number | null;
  deficiency: number | null;
  prior_loan_status: string | null;
  recorded_by: string;
  recorded_at: string;
  reversed_at: string | null;
  reversed_by: string | null;
  reversal_reason: string | null;
}
export type RepossessionStepRecord = Selectable<RepossessionStepsTable>;

export interface CollateralTables {
  collateral_items: CollateralItemsTable;
  collateral_links: CollateralLinksTable;
  collateral_valuations: CollateralValuationsTable;
  attachments: AttachmentsTable;
  attachment_links: AttachmentLinksTable;
  repossessions: RepossessionsTable;
  repossession_steps: RepossessionStepsTable;
}

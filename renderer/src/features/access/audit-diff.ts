/**
 * What an audit entry changed, field by field, from the JSON the service keeps before and after:
 * nested objects become dotted paths (terms.principal), and only fields whose value differs are
 * listed, so a reader sees "status: active → closed" rather than two blobs of JSON.
 */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function parse(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // An entry that is not JSON (old rows, plain notes) is shown as its text.
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, path: string, into: Map<string, unknown>): void {
  if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, path ? `${path}.${key}` : key, into);
  } else if (value !== undefined) {
    into.set(path, value);
  }
}

export function auditChanges(before: string | null, after: string | null): FieldChange[] {
  const was = new Map<string, unknown>();
  const now = new Map<string, unknown>();
  flatten(parse(before), '', was);
  flatten(parse(after), '', now);
  const fields = [...new Set([...was.keys(), ...now.keys()])];
  return fields
    .filter((field) => JSON.stringify(was.get(field)) !== JSON.stringify(now.get(field)))
    .map((field) => ({ field, before: was.get(field), after: now.get(field) }));
}

/** Money fields are integer minor units; their names say so in every table the audit covers. */
const MONEY_FIELD =
  /(amount|principal|interest|penalty|fee|charges?|value|total|cost|balance|price|estimate|surplus|deficiency|waived|recovered|outstanding)$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

export interface AuditFormats {
  money(minor: number): string;
  date(iso: string): string;
  dateTime(stamp: string): string;
}

/** One before or after value as the screen writes it: amounts and dates by the reader's locale. */
export function auditValue(field: string, value: unknown, f: AuditFormats): string {
  if (value === undefined || value === null || value === '') return '—';
  const last = field.split('.').at(-1) ?? field;
  if (typeof value === 'number' && Number.isInteger(value) && MONEY_FIELD.test(last)) return f.money(value);
  if (typeof value === 'string' && ISO_DATE.test(value)) return f.date(value);
  if (typeof value === 'string' && ISO_MOMENT.test(value)) return f.dateTime(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

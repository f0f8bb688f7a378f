import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOUCHER_FIELDS, type VoucherField } from '../../../../shared/contract';

interface Column {
  field: VoucherField;
  header: string;
}

const KEY = 'pledgebook.ledger.customColumns';

/** The accountant's own voucher layout, kept on this PC between exports. */
export function useCustomColumns(): [Column[], (columns: Column[]) => void] {
  const { t } = useTranslation();
  const [columns, setColumns] = useState<Column[]>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Column[] | null;
      if (Array.isArray(saved) && saved.length > 0) return saved;
    } catch {
      // A damaged preference falls back to the plain layout.
    }
    return VOUCHER_FIELDS.filter((f) => f !== 'loan').map((field) => ({
      field,
      header: t(`ledger.fields.${field}`),
    }));
  });
  const save = (next: Column[]) => {
    setColumns(next);
    localStorage.setItem(KEY, JSON.stringify(next));
  };
  return [columns, save];
}

/**
 * Each voucher field with the header the accountant's package wants (empty leaves it out), in
 * the order given by each field's position number.
 */
export function CustomColumns({ columns, onChange }: { columns: Column[]; onChange: (c: Column[]) => void }) {
  const { t } = useTranslation();
  const headerOf = (f: VoucherField) => columns.find((c) => c.field === f)?.header ?? '';
  const positionOf = (f: VoucherField) => {
    const i = columns.findIndex((c) => c.field === f);
    return i < 0 ? '' : String(i + 1);
  };
  const set = (field: VoucherField, header: string, position: number) => {
    const others = columns.filter((c) => c.field !== field);
    if (header.trim() === '') return onChange(others);
    const at = Math.max(0, Math.min(others.length, position - 1));
    onChange([...others.slice(0, at), { field, header }, ...others.slice(at)]);
  };
  return (
    <div data-testid="custom-columns">
      <p className="muted">{t('ledger.export.columnsHint')}</p>
      <table className="grid compact">
        <thead>
          <tr>
            <th>{t('ledger.export.field')}</th>
            <th>{t('ledger.export.header')}</th>
            <th className="num">{t('ledger.export.position')}</th>
          </tr>
        </thead>
        <tbody>
          {VOUCHER_FIELDS.map((f) => (
            <tr key={f}>
              <th>{t(`ledger.fields.${f}`)}</th>
              <td>
                <input
                  aria-label={t('ledger.export.headerOf', { field: t(`ledger.fields.${f}`) })}
                  value={headerOf(f)}
                  maxLength={40}
                  onChange={(e) => set(f, e.target.value, Number(positionOf(f) || columns.length + 1))}
                />
              </td>
              <td className="num">
                <input
                  type="number"
                  min={1}
                  max={VOUCHER_FIELDS.length}
                  aria-label={t('ledger.export.positionOf', { field: t(`ledger.fields.${f}`) })}
                  value={positionOf(f)}
                  disabled={headerOf(f) === ''}
                  onChange={(e) => set(f, headerOf(f), Number(e.target.value))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

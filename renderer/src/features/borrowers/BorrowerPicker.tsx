import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { useDebounced } from '../../components/useDebounced';
import { usePrefs } from '../../app/prefs';

/** Type to find a borrower; the list shows masked IDs so the right person can be told apart. */
export function BorrowerPicker({
  id,
  value,
  onChange,
  exclude = [],
}: {
  id: string;
  value: { id: number; name: string } | null;
  onChange: (picked: { id: number; name: string } | null) => void;
  exclude?: number[];
}) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query, 150);
  const found = useApi(
    'borrowers.list',
    { query: debounced, offset: 0, limit: 8, locale: prefs.locale },
    { enabled: debounced.length > 0 },
  );
  if (value) {
    return (
      <div className="picked">
        <strong>{value.name}</strong>{' '}
        <button type="button" className="btn btn-small" onClick={() => onChange(null)}>
          {t('common.cancel')}
        </button>
      </div>
    );
  }
  const rows = (found.data?.rows ?? []).filter((r) => !exclude.includes(r.id));
  return (
    <div className="picker">
      <input
        id={id}
        type="search"
        placeholder={t('loans.pickBorrower')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
      />
      {debounced && rows.length > 0 && (
        <ul className="palette-list" role="listbox" aria-label={t('loans.pickBorrower')}>
          {rows.map((r) => (
            <li key={r.id} role="option" aria-selected={false}>
              <button
                type="button"
                className="pick-option"
                onClick={() => onChange({ id: r.id, name: r.name })}
              >
                {r.name}
              </button>
              <code>{r.idNumberMasked}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

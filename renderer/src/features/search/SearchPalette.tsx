import { useEffect, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { useDebounced } from '../../components/useDebounced';

/** Ctrl+K from anywhere: find a borrower or loan by name, phone, ID tail or loan number. */
export function SearchPalette() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const debounced = useDebounced(query.trim(), 150);
  const hits = useApi('search.global', { query: debounced }, { enabled: open && debounced.length > 0 });
  const rows = debounced ? (hits.data ?? []) : [];

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const go = (index: number) => {
    const hit = rows[index];
    if (!hit) return;
    setOpen(false);
    setQuery('');
    navigate(`/${{ loan: 'loans', borrower: 'borrowers', collateral: 'collateral' }[hit.kind]}/${hit.id}`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(rows.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(active);
    }
  };

  return (
    <>
      <button type="button" className="btn search-trigger" onClick={() => setOpen(true)}>
        {t('search.open')}
      </button>
      <Dialog open={open} title={t('common.search')} onClose={() => setOpen(false)}>
        <input
          type="search"
          aria-label={t('common.search')}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          autoFocus
          style={{ width: '100%' }}
        />
        <ul className="palette-list" role="listbox" aria-label={t('common.search')}>
          {rows.map((h, i) => (
            <li
              key={`${h.kind}-${h.id}`}
              role="option"
              aria-selected={i === active}
              onMouseEnter={() => setActive(i)}
              onClick={() => go(i)}
            >
              <span>
                <strong>{h.title}</strong> <span className="muted">{h.subtitle}</span>
              </span>
              <span className="badge">
                {h.kind === 'collateral'
                  ? t(`collateral.search.${h.matched}`)
                  : t(`search.matched.${h.matched}`)}
              </span>
            </li>
          ))}
          {debounced && hits.data && rows.length === 0 && <li className="muted">{t('search.noHits')}</li>}
        </ul>
      </Dialog>
    </>
  );
}

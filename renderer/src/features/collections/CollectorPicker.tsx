import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';

/**
 * Collectors are the active users with the collector role, assigned by display name (what a
 * collector's scope matches). A book kept without user accounts has none, so names are typed.
 */
function useCollectorUsers() {
  return useApi('collections.collectors', {}).data ?? [];
}

/** One collector, for assigning an account by hand. */
export function CollectorSelect({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  const { t } = useTranslation();
  const users = useCollectorUsers();
  if (users.length === 0) {
    return (
      <input
        aria-label={t('collections.collector')}
        placeholder={t('collections.collector')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <select aria-label={t('collections.collector')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('collections.chooseCollector')}</option>
      {users.map((u) => (
        <option key={u.username} value={u.displayName}>
          {u.displayName === u.username ? u.displayName : `${u.displayName} (${u.username})`}
        </option>
      ))}
    </select>
  );
}

/** Several collectors, in rotation order, for round-robin assignment. */
export function CollectorsChoice({
  value,
  onChange,
}: {
  value: string[];
  onChange: (names: string[]) => void;
}) {
  const { t } = useTranslation();
  const users = useCollectorUsers();
  if (users.length === 0) {
    return (
      <input
        aria-label={t('collections.roundRobinCollectors')}
        placeholder={t('collections.roundRobinCollectors')}
        defaultValue={value.join(', ')}
        onChange={(e) =>
          onChange(
            e.target.value
              .split(/[,，、]/)
              .map((n) => n.trim())
              .filter((n) => n !== ''),
          )
        }
        style={{ minWidth: 320 }}
      />
    );
  }
  return (
    <fieldset className="inline-choices">
      <legend>{t('collections.roundRobinChoose')}</legend>
      {users.map((u) => (
        <label key={u.username} className="check">
          <input
            type="checkbox"
            checked={value.includes(u.displayName)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? users.map((x) => x.displayName).filter((n) => n === u.displayName || value.includes(n))
                  : value.filter((n) => n !== u.displayName),
              )
            }
          />
          {u.displayName}
        </label>
      ))}
    </fieldset>
  );
}

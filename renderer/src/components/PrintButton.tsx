import { useTranslation } from 'react-i18next';
import { call, ApiCallError } from '../api/client';

/**
 * Prints the current screen through the app's print service (a save dialog owned by main picks
 * the file; the page never names a path). Outside the desktop app — the browser demo — the
 * browser's own print dialog takes over.
 */
export function PrintButton({
  suggestedName,
  label,
  beforePrint,
}: {
  suggestedName: string;
  label?: string;
  /** Runs first (e.g. logging a letter as sent); if it throws, nothing is printed. */
  beforePrint?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const print = async () => {
    await beforePrint?.();
    try {
      await call('print.savePdf', { suggestedName });
    } catch (error) {
      if (error instanceof ApiCallError && error.error.code === 'unavailable') window.print();
      else throw error;
    }
  };
  return (
    <button type="button" className="btn" onClick={() => void print()}>
      {label ?? t('common.print')}
    </button>
  );
}

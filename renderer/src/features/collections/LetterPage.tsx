import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  LETTER_KINDS,
  LETTER_LOCALES,
  type LetterKind,
  type LetterLocale,
} from '../../../../shared/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { FRESH } from './fresh';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Page } from '../../components/Page';
import { PrintButton } from '../../components/PrintButton';
import './collections.css';
import { Letterhead, Signature } from '../../components/Letterhead';

/** A collections letter for one loan; printing it logs it as a contact on the loan. */
export function LetterPage() {
  const { t, i18n } = useTranslation();
  const prefs = usePrefs();
  const loanId = Number(useParams().loanId);
  const [kind, setKind] = useState<LetterKind>('reminder');
  const [locale, setLocale] = useState<LetterLocale>(
    (LETTER_LOCALES as readonly string[]).includes(i18n.language) ? (i18n.language as LetterLocale) : 'en',
  );
  const letter = useApi('collections.letter', { loanId, kind, locale }, FRESH);
  const log = useApiMutation('collections.logLetter', ['collections.']);
  if (letter.error) throw letter.error;
  const l = letter.data;
  return (
    <Page
      title={l ? t('collections.letters.heading', { number: l.loanNumber }) : t('collections.letters.title')}
      printTitle={false}
      actions={
        <>
          <Link to={`/collections/loans/${loanId}`}>{t('collections.letters.back')}</Link>
          {l && (
            <PrintButton
              suggestedName={`${l.loanNumber}-${kind}`}
              label={t('collections.letters.print')}
              beforePrint={async () => {
                await log.mutateAsync({ loanId, kind, locale });
              }}
            />
          )}
        </>
      }
    >
      <div className="toolbar no-print">
        <select
          aria-label={t('collections.letters.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as LetterKind)}
        >
          {LETTER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`collections.letters.kinds.${k}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('collections.letters.language')}
          value={locale}
          onChange={(e) => setLocale(e.target.value as LetterLocale)}
        >
          {LETTER_LOCALES.map((x) => (
            <option key={x} value={x}>
              {t(`app.languages.${x}`)}
            </option>
          ))}
        </select>
      </div>
      {log.error && <ErrorPanel error={log.error} />}
      {l && (
        <article className="letter" aria-label={t('collections.letters.title')} lang={l.locale}>
          <Letterhead />
          <p className="letter-to">
            {l.borrower}
            <br />
            {l.address}
          </p>
          <p className="letter-date">{prefs.date(l.date)}</p>
          <h1>{l.subject}</h1>
          <div className="prewrap" data-testid="letter-body">
            {l.body}
          </div>
          <Signature />
        </article>
      )}
    </Page>
  );
}

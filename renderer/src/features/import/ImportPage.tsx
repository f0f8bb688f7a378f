import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXPORT_FORMATS,
  EXPORT_WHATS,
  IMPORT_ENCODING_CHOICES,
  type ExportFormat,
  type ExportWhat,
  type FileBytes,
  type ImportProgress,
  type ImportResult,
} from '../../../../shared/contract';
import { detailCodeOf, rejectionKey } from '../../../../shared/import/reasons';
import { wordRefusal } from '../../../../shared/i18n/error-words';
import { usePrefs } from '../../app/prefs';
import { groupProblems, rowsWith } from '../../../../shared/import/problems';
import {
  IMPORT_FIELDS,
  problemInLanguage,
  type ColumnMapping,
  type ImportField,
} from '../../../../shared/import/fields';
import { call, isCancelled } from '../../api/client';
import { useLongWork } from '../../api/hooks';
import { WorkProgressBar } from '../../components/WorkProgress';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card, Page } from '../../components/Page';
import { FilePicker } from '../../components/FilePicker';

const MAX_BYTES = 50 * 1024 * 1024;
type Encoding = (typeof IMPORT_ENCODING_CHOICES)[number];
type Existing = 'skip' | 'update';
type Language = 'en' | 'zh-CN' | 'zh-TW';

/** The file's bytes as base64, the way they travel through the contract. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** Saves a file the service produced through a download; Electron asks where to save it. */
function download(file: FileBytes) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes]));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const countsOf = (r: ImportResult) => ({
  borrowers: r.borrowers,
  loans: r.loans,
  collateral: r.collateral,
  payments: r.payments,
  updated: r.updated,
  skipped: r.skipped,
});

const languageOf = (lng: string): Language => (lng === 'zh-CN' || lng === 'zh-TW' ? lng : 'en');

export function ImportPage() {
  const { t, i18n } = useTranslation();
  const prefs = usePrefs();
  const [files, setFiles] = useState<FileBytes[]>([]);
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [existing, setExisting] = useState<Existing>('skip');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [previewed, setPreviewed] = useState<{ request: object; result: ImportResult } | null>(null);
  // Everything cached may change when an import lands: every read is refreshed after it.
  const commit = useLongWork('import.commit', ['']);
  const committing = commit.isPending;
  const [summary, setSummary] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  /** The lender has read this preview's plausibility warnings and imports anyway. */
  const [acceptWarnings, setAcceptWarnings] = useState(false);

  useEffect(() => {
    call('import.savedMapping', {}).then(setMapping, setProblem);
  }, []);

  // Every change of file, encoding, mapping or choice re-checks the whole file; nothing is written.
  const request = useMemo(
    () => ({ files, encoding, mapping, existing }),
    [files, encoding, mapping, existing],
  );
  useEffect(() => {
    if (request.files.length === 0) return;
    let current = true;
    call('import.preview', request).then(
      (result) => current && setPreviewed({ request, result }),
      (e: unknown) => current && setProblem(e),
    );
    return () => {
      current = false;
    };
  }, [request]);
  const preview = previewed?.result ?? null;
  const checking = files.length > 0 && previewed?.request !== request && problem === null;

  const choose = async (list: FileList | null) => {
    setProblem(null);
    setSummary(null);
    setPreviewed(null);
    const chosen = Array.from(list ?? []);
    const tooBig = chosen.find((f) => f.size > MAX_BYTES);
    if (tooBig) {
      setProblem(new Error(t('import.tooBig', { name: tooBig.name })));
      return;
    }
    setFiles(await Promise.all(chosen.map(async (f) => ({ name: f.name, base64: await readAsBase64(f) }))));
  };

  const mapColumn = (header: string, field: ImportField | null) =>
    setMapping((m) => ({ ...m, [header]: field }));

  const commitImport = async () => {
    setProblem(null);
    setNotice('');
    try {
      const result = await commit.mutateAsync({ ...request, acceptWarnings });
      if (result.committed) {
        setSummary(result);
        setFiles([]);
        setPreviewed(null);
      } else {
        setPreviewed({ request, result });
      }
    } catch (error) {
      if (isCancelled(error)) setNotice(t('import.cancelled'));
      else setProblem(error);
    }
  };

  // Saved under each sheet's layout too, so the same workbook next month maps itself.
  const saveMapping = () =>
    call('import.saveMapping', { mapping, layouts: preview?.sheets.map((s) => s.headers) ?? [] }).then(
      () => setNotice(t('import.mappingSaved')),
      setProblem,
    );

  const canConfirm =
    preview !== null &&
    !checking &&
    preview.errors.length === 0 &&
    (preview.warnings.length === 0 || acceptWarnings) &&
    preview.loans + preview.payments + preview.updated > 0;

  return (
    <Page title={t('import.title')}>
      {problem !== null && <ErrorPanel error={problem} />}
      <Card title={t('import.importTitle')}>
        <p className="muted">{t('import.intro')}</p>
        <div className="toolbar">
          <div className="field">
            <label htmlFor="import-files">{t('import.files')}</label>
            <FilePicker
              id="import-files"
              multiple
              accept=".xlsx,.csv,.txt"
              onFiles={(files) => void choose(files)}
            />
          </div>
          <div className="field">
            <label htmlFor="import-encoding">{t('import.encoding')}</label>
            <select
              id="import-encoding"
              value={encoding}
              onChange={(e) => setEncoding(e.target.value as Encoding)}
            >
              {IMPORT_ENCODING_CHOICES.map((c) => (
                <option key={c} value={c}>
                  {t(`import.encodings.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-existing">{t('import.existing')}</label>
            <select
              id="import-existing"
              value={existing}
              onChange={(e) => setExisting(e.target.value as Existing)}
            >
              <option value="skip">{t('import.existingChoices.skip')}</option>
              <option value="update">{t('import.existingChoices.update')}</option>
            </select>
          </div>
        </div>
        {checking && <p role="status">{t('import.checking')}</p>}
        {summary && (
          <div role="status" data-testid="import-summary">
            <progress className="import-progress" aria-label={t('import.progress')} max={1} value={1} />
            <p>{t('import.done', countsOf(summary))}</p>
          </div>
        )}
      </Card>

      {preview && (
        <>
          <Card title={t('import.previewTitle')}>
            <ul data-testid="import-files">
              {preview.files.map((f) => (
                <li key={f.name}>
                  {f.name}: {t('import.detected')}{' '}
                  {f.encoding ? t(`import.encodings.${f.encoding}`) : t('import.workbook')}
                </li>
              ))}
            </ul>
            {preview.sheets.map((sheet) => (
              <div key={sheet.name} className="import-sheet">
                <h3>
                  {t('import.sheet')} {sheet.name}: {t(`import.kinds.${sheet.kind}`)} ·{' '}
                  {t('import.rows', { count: sheet.dataRows })}
                </h3>
                {sheet.kind !== 'unknown' && sheet.headers.some((h, i) => h && !sheet.fields[i]) && (
                  // Nothing is dropped without a word: each column left out is named.
                  <p className="badge badge-warn" data-testid="not-imported">
                    {t('import.notImportedList', {
                      columns: sheet.headers.filter((h, i) => h && !sheet.fields[i]).join(', '),
                    })}
                  </p>
                )}
                <table className="grid compact">
                  <thead>
                    <tr>
                      <th>{t('import.column')}</th>
                      <th>{t('import.field')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sheet.headers.map((header, i) =>
                      header ? (
                        <tr key={`${header}-${i}`}>
                          <td>{header}</td>
                          <td>
                            <select
                              aria-label={`${sheet.name} ${header}`}
                              value={sheet.fields[i] ?? ''}
                              onChange={(e) =>
                                mapColumn(header, (e.target.value || null) as ImportField | null)
                              }
                            >
                              <option value="">{t('import.notImported')}</option>
                              {IMPORT_FIELDS.map((f) => (
                                <option key={f} value={f}>
                                  {t(`import.fields.${f}`)}
                                </option>
                              ))}
                            </select>
                          </td>
                        </tr>
                      ) : null,
                    )}
                  </tbody>
                </table>
              </div>
            ))}
            <button type="button" className="btn" onClick={() => void saveMapping()}>
              {t('import.saveMapping')}
            </button>
            {notice && <span role="status"> {notice}</span>}
          </Card>

          <Card title={t('import.willWrite', countsOf(preview))}>
            {preview.errors.length === 0 ? (
              <p>{t('import.noErrors')}</p>
            ) : (
              <>
                <p className="error-detail">{t('import.errorsTitle', { count: rowsWith(preview.errors) })}</p>
                <ProblemGroups problems={preview.errors} testId="import-error-groups" />
                <ProblemTable problems={preview.errors} testId="import-errors" />
              </>
            )}
            {preview.warnings.length > 0 && (
              <>
                <p className="error-detail">
                  {t('import.warningsTitle', { count: rowsWith(preview.warnings) })}
                </p>
                <ProblemGroups problems={preview.warnings} testId="import-warning-groups" />
                <ProblemTable problems={preview.warnings} testId="import-warnings" />
                <label>
                  <input
                    type="checkbox"
                    checked={acceptWarnings}
                    onChange={(e) => setAcceptWarnings(e.target.checked)}
                  />{' '}
                  {t('import.acceptWarnings')}
                </label>
              </>
            )}
            {(preview.errors.length > 0 || preview.warnings.length > 0) && (
              <p>
                <button
                  type="button"
                  className="btn"
                  onClick={() =>
                    void call('import.annotated', {
                      ...request,
                      language: languageOf(i18n.language),
                    }).then(download, setProblem)
                  }
                >
                  {t('import.annotated.download')}
                </button>
              </p>
            )}
            {committing && (
              <WorkProgressBar
                progress={commit.progress}
                ariaLabel={t('import.progress')}
                describe={(p) =>
                  t('import.progressLabel', {
                    phase: t(`import.phases.${p.phase as ImportProgress['phase']}`),
                    done: prefs.number(p.done),
                    total: prefs.number(p.total),
                  })
                }
                onCancel={commit.cancel}
              />
            )}
            <button
              type="button"
              className="btn btn-primary"
              disabled={!canConfirm || committing}
              onClick={() => void commitImport()}
            >
              {committing ? t('import.importing') : t('import.confirm')}
            </button>
          </Card>
        </>
      )}

      <TemplateAndExport language={languageOf(i18n.language)} onProblem={setProblem} />
    </Page>
  );
}

function TemplateAndExport({ language, onProblem }: { language: Language; onProblem: (e: unknown) => void }) {
  const { t } = useTranslation();
  const [what, setWhat] = useState<ExportWhat>('all');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  return (
    <>
      <Card title={t('import.templateTitle')}>
        <p className="muted">{t('import.templateHint')}</p>
        <button
          type="button"
          className="btn"
          onClick={() => void call('import.template', { language }).then(download, onProblem)}
        >
          {t('import.downloadTemplate')}
        </button>
      </Card>
      <Card title={t('import.exportTitle')}>
        <div className="toolbar">
          <div className="field">
            <label htmlFor="export-what">{t('import.exportWhat')}</label>
            <select id="export-what" value={what} onChange={(e) => setWhat(e.target.value as ExportWhat)}>
              {EXPORT_WHATS.map((w) => (
                <option key={w} value={w}>
                  {t(`import.whats.${w}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="export-format">{t('import.exportFormat')}</label>
            <select
              id="export-format"
              value={format}
              onChange={(e) => setFormat(e.target.value as ExportFormat)}
            >
              {EXPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`import.formats.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="btn"
            onClick={() =>
              void call('export.book', { what, format, language }).then(
                (r) => r.files.forEach(download),
                onProblem,
              )
            }
          >
            {t('import.exportButton')}
          </button>
        </div>
      </Card>
    </>
  );
}

/** Every problem at once, by kind: "3 rows — 贷款金额: … (rows 2, 5, 9)". */
/** Problems with the columns the sheet lacks named in the UI language, not the service's English. */
function useProblemsInLanguage(problems: ImportResult['errors']): ImportResult['errors'] {
  const { t, i18n } = useTranslation();
  const prefs = usePrefs();
  const language = languageOf(i18n.language);
  return useMemo(
    () =>
      problems.map((problem) => {
        const p = problemInLanguage(problem, language);
        // A detail the service refused with its own code is worded from that code, not its English.
        const coded = detailCodeOf(p.params);
        if (!coded) return p;
        const detail = wordRefusal(coded.reason, coded.params, String(p.params.detail ?? ''), t, prefs);
        return { ...p, params: { ...p.params, detail } };
      }),
    [problems, language, t, prefs],
  );
}

/** Every problem on its own line, by sheet, row and column, worded in the UI language. */
function ProblemTable({ problems, testId }: { problems: ImportResult['errors']; testId: string }) {
  const { t } = useTranslation();
  const worded = useProblemsInLanguage(problems);
  return (
    <table className="grid compact" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('import.sheet')}</th>
          <th>{t('import.row')}</th>
          <th>{t('import.column')}</th>
          <th>{t('import.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {worded.map((p, i) => (
          <tr key={i}>
            <td>{p.sheet}</td>
            <td>{p.row}</td>
            <td>{p.column}</td>
            <td>{t(`import.reject.${rejectionKey(p.code)}`, { ...p.params })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProblemGroups({ problems, testId }: { problems: ImportResult['errors']; testId: string }) {
  const { t } = useTranslation();
  const worded = useProblemsInLanguage(problems);
  return (
    <ul data-testid={testId}>
      {groupProblems(worded).map((g) => (
        <li key={`${g.sheet}|${g.column}|${g.code}`}>
          {t('import.groupLine', {
            count: g.rows.length,
            column: g.column || g.sheet,
            reason: t(`import.reject.${rejectionKey(g.code)}`, { ...g.params }),
            rows: g.rows.join(', '),
          })}
        </li>
      ))}
    </ul>
  );
}

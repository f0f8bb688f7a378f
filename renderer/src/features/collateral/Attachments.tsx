import { useState, type FormEvent } from 'react';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useTranslation } from 'react-i18next';
import {
  ATTACHMENT_CATEGORIES,
  MAX_ATTACHMENT_BYTES,
  type AttachmentCategory,
  type AttachmentRow,
} from '../../../../shared/contract';
import { useApi } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { Field } from '../../components/form';
import { useCollateralMutation } from './shared-ui';
import { FilePicker } from '../../components/FilePicker';

const MB = 1024 * 1024;

/**
 * The screen may not hand main a file path, so the file's bytes travel as base64 in the request.
 * Refused here already when over the limit, so a large file never crosses the bridge.
 */
export function readFileAsBase64(file: File): Promise<string> {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return Promise.reject(
      new Error(`${file.name}: ${Math.ceil(file.size / MB)} MB > ${MAX_ATTACHMENT_BYTES / MB} MB`),
    );
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

function Preview({ row }: { row: AttachmentRow }) {
  const preview = useApi('attachments.preview', { linkId: row.linkId }, { staleTime: Infinity });
  if (preview.error) return <span className="muted">{preview.error.message}</span>;
  if (!preview.data) return <span className="attachment-thumb" aria-busy="true" />;
  return (
    <img
      className="attachment-thumb"
      src={preview.data.dataUrl}
      alt={row.fileName}
      data-testid="attachment-preview"
    />
  );
}

/** Photos and scans of an item or a loan: images preview; removing one keeps the stored file. */
export function Attachments({
  rows,
  target,
}: {
  rows: AttachmentRow[];
  target: { itemId: number } | { loanId: number };
}) {
  const { t } = useTranslation();
  const upload = useCollateralMutation('attachments.upload');
  const unlink = useCollateralMutation('attachments.unlink');
  const [category, setCategory] = useState<AttachmentCategory>('photo');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setFileError(null);
    try {
      const dataBase64 = await readFileAsBase64(file);
      await upload.mutateAsync({
        ...target,
        category,
        fileName: file.name,
        mime: file.type || 'application/octet-stream',
        dataBase64,
      });
      setFile(null);
      (e.target as HTMLFormElement).reset();
    } catch (err) {
      if (!upload.isError) setFileError(err instanceof Error ? err.message : String(err));
    }
  };
  const [removing, setRemoving] = useState<AttachmentRow | null>(null);
  const remove = (row: AttachmentRow) => {
    unlink.reset();
    setRemoving(row);
  };

  return (
    <Card title={t('collateral.attachments.title')}>
      <ReasonDialog
        open={removing !== null}
        title={t('collateral.attachments.remove')}
        question={t('collateral.attachments.removeReason', { name: removing?.fileName ?? '' })}
        pending={unlink.isPending}
        error={unlink.error}
        onConfirm={(reason) =>
          unlink.mutate({ linkId: removing!.linkId, reason }, { onSuccess: () => setRemoving(null) })
        }
        onClose={() => setRemoving(null)}
      />
      {rows.length === 0 ? (
        <p className="muted">{t('collateral.attachments.none')}</p>
      ) : (
        <ul className="attachment-list">
          {rows.map((r) => (
            <li key={r.linkId}>
              {r.isImage ? (
                <Preview row={r} />
              ) : (
                <span className="attachment-thumb attachment-file">{r.mime.split('/')[1]}</span>
              )}
              <div>
                <strong>{r.fileName}</strong>
                <div className="muted">
                  {t(`collateral.categories.${r.category}`)} · {Math.max(1, Math.round(r.size / 1024))} KB ·{' '}
                  <code title={r.sha256}>{r.sha256.slice(0, 12)}</code>
                </div>
                <button type="button" className="btn btn-small" onClick={() => remove(r)}>
                  {t('collateral.attachments.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="toolbar" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('collateral.attachments.category')} htmlFor="at-category">
          <select
            id="at-category"
            value={category}
            onChange={(e) => setCategory(e.target.value as AttachmentCategory)}
          >
            {ATTACHMENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`collateral.categories.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('collateral.attachments.file')}
          htmlFor="at-file"
          error={fileError ?? undefined}
          hint={t('collateral.attachments.limit', { mb: MAX_ATTACHMENT_BYTES / MB })}
        >
          <FilePicker
            id="at-file"
            accept="image/*,application/pdf"
            onFiles={(files) => setFile(files?.[0] ?? null)}
          />
        </Field>
        <button type="submit" className="btn" disabled={!file || upload.isPending}>
          {t('collateral.attachments.upload')}
        </button>
      </form>
      {upload.error && <ErrorPanel error={upload.error} />}
      {unlink.error && <ErrorPanel error={unlink.error} />}
    </Card>
  );
}

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A file chooser that speaks the app's language: the browser's own file button and its "No file
 * chosen" follow the operating system's language, not the one chosen in Settings. The real input
 * stays in the page (hidden, keeping the id its label points at), so a label, a screen reader and
 * a test find it as before.
 */
export function FilePicker({
  id,
  accept,
  multiple,
  onFiles,
  buttonLabel,
}: {
  id: string;
  accept: string;
  multiple?: boolean;
  onFiles: (files: FileList | null) => void;
  buttonLabel?: string;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const shown =
    chosen.length === 0
      ? t('common.noFileChosen')
      : chosen.length === 1
        ? chosen[0]!
        : t('common.filesChosen', { count: chosen.length });
  return (
    <div className="file-picker">
      <input
        ref={input}
        id={id}
        className="visually-hidden"
        type="file"
        tabIndex={-1}
        accept={accept}
        multiple={multiple}
        onChange={(e) => {
          setChosen([...(e.target.files ?? [])].map((f) => f.name));
          onFiles(e.target.files);
        }}
      />
      <button type="button" className="btn" onClick={() => input.current?.click()}>
        {buttonLabel ?? (multiple ? t('common.chooseFiles') : t('common.chooseFile'))}
      </button>
      <span className="file-picker-chosen muted" title={chosen.join(', ')}>
        {shown}
      </span>
    </div>
  );
}

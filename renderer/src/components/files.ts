import { addMonthsClamped, monthOf } from '../../../shared/dates';

/** Saves a file the service produced, through a download (the window picks where). */
export function download(file: { fileName: string; mimeType: string; base64: string }) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The months a report or ledger can be asked for, newest first: from `skip` months back, ten
 * years of them. A select rather than the browser's month input, which writes 2026-05 in every
 * language; here each month reads as the table dates do (2026/05, 05/2026) and the keyboard
 * picks one by typing.
 */
export function recentMonths(today: string, skip = 0): string[] {
  return Array.from({ length: 120 }, (_, k) => monthOf(addMonthsClamped(today, -(k + skip))));
}

import { writeFile } from 'node:fs/promises';
import type { BrowserWindow, Dialog, WebContents } from 'electron';

export interface PrintToPdfOptions {
  /** Suggested file name; the user picks the folder and may change it. */
  suggestedName: string;
  landscape?: boolean;
}

export type PrintOutcome = { saved: true; path: string } | { saved: false };

/**
 * Saves what the window shows as an A4 PDF. The path comes from a save dialog shown by main;
 * the renderer never supplies one, so web content can never choose where a file is written.
 */
export async function printToPdf(
  window: BrowserWindow,
  contents: WebContents,
  dialog: Pick<Dialog, 'showSaveDialog'>,
  options: PrintToPdfOptions,
): Promise<PrintOutcome> {
  const choice = await dialog.showSaveDialog(window, {
    // Trim the name, not the extension: a long borrower name must still give a .pdf file.
    defaultPath: `${sanitizeFileName(options.suggestedName.replace(/\.pdf$/i, '')).slice(0, 176)}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return { saved: false };
  // The CJK fonts load by subset as characters appear (renderer/src/app/fonts.ts): let the ones
  // already requested arrive, or their characters print as empty boxes.
  await contents.executeJavaScript('document.fonts.ready.then(() => true)');
  const pdf = await contents.printToPDF({
    pageSize: 'A4',
    landscape: options.landscape ?? false,
    printBackground: true,
    preferCSSPageSize: true,
  });
  await writeFile(choice.filePath, pdf);
  return { saved: true, path: choice.filePath };
}

/** Windows refuses these characters in file names; loan numbers and borrower names may have them. */
export function sanitizeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are among those Windows forbids
  return name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').slice(0, 180);
}

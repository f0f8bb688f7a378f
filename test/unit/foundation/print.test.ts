import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, Dialog, SaveDialogOptions, SaveDialogReturnValue, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { printToPdf, sanitizeFileName } from '../../../electron/print';

const PDF_BYTES = Buffer.from('%PDF-1.7\n% a loan statement\n%%EOF\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pledgebook-print-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function setUp(answer: SaveDialogReturnValue) {
  const window = { id: 1 } as unknown as BrowserWindow;
  const showSaveDialog = vi.fn(async (_w: BrowserWindow, _o: SaveDialogOptions) => answer);
  const printToPDF = vi.fn(async (_options: Electron.PrintToPDFOptions) => PDF_BYTES);
  const executeJavaScript = vi.fn(async (_code: string) => true);
  const contents = { printToPDF, executeJavaScript } as unknown as WebContents;
  const dialog = { showSaveDialog } as unknown as Pick<Dialog, 'showSaveDialog'>;
  return { window, contents, dialog, showSaveDialog, printToPDF, executeJavaScript };
}

describe('printing to PDF', () => {
  it("waits for the page's web fonts before printing, so no Chinese prints as empty boxes", async () => {
    const { window, contents, dialog, printToPDF, executeJavaScript } = setUp({
      canceled: false,
      filePath: join(dir, 'receipt.pdf'),
    });
    await printToPdf(window, contents, dialog, { suggestedName: 'receipt' });
    expect(executeJavaScript).toHaveBeenCalledWith('document.fonts.ready.then(() => true)');
    expect(executeJavaScript.mock.invocationCallOrder[0]).toBeLessThan(
      printToPDF.mock.invocationCallOrder[0]!,
    );
  });

  it('writes the page as an A4 PDF to the file the user chose in the save dialog', async () => {
    const chosen = join(dir, 'statement PB-0007.pdf');
    const { window, contents, dialog, printToPDF } = setUp({ canceled: false, filePath: chosen });

    const outcome = await printToPdf(window, contents, dialog, { suggestedName: 'statement PB-0007' });

    expect(outcome).toEqual({ saved: true, path: chosen });
    expect(printToPDF).toHaveBeenCalledTimes(1);
    expect(printToPDF.mock.calls[0]?.[0]).toMatchObject({
      pageSize: 'A4',
      landscape: false,
      printBackground: true,
    });
    expect(readFileSync(chosen)).toEqual(PDF_BYTES);
  });

  it('asks the dialog, attached to the window, with a PDF filter and the suggested name', async () => {
    const { window, contents, dialog, showSaveDialog } = setUp({ canceled: true, filePath: '' });
    await printToPdf(window, contents, dialog, { suggestedName: 'Arrears 2025-03' });
    expect(showSaveDialog).toHaveBeenCalledTimes(1);
    const [parent, options] = showSaveDialog.mock.calls[0]!;
    expect(parent).toBe(window);
    expect(options.defaultPath).toBe('Arrears 2025-03.pdf');
    expect(options.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
  });

  it('does not add a second .pdf to a name that already has one', async () => {
    const { window, contents, dialog, showSaveDialog } = setUp({ canceled: true, filePath: '' });
    await printToPdf(window, contents, dialog, { suggestedName: 'receipt.pdf' });
    expect(showSaveDialog.mock.calls[0]?.[1].defaultPath).toBe('receipt.pdf');
  });

  it('prints landscape when asked', async () => {
    const { window, contents, dialog, printToPDF } = setUp({
      canceled: false,
      filePath: join(dir, 'wide.pdf'),
    });
    await printToPdf(window, contents, dialog, { suggestedName: 'wide', landscape: true });
    expect(printToPDF.mock.calls[0]?.[0]).toMatchObject({ pageSize: 'A4', landscape: true });
  });

  it('saves nothing and renders nothing when the user cancels the dialog', async () => {
    const target = join(dir, 'never.pdf');
    const { window, contents, dialog, printToPDF } = setUp({ canceled: true, filePath: target });
    expect(await printToPdf(window, contents, dialog, { suggestedName: 'x' })).toEqual({ saved: false });
    expect(printToPDF).not.toHaveBeenCalled();
    expect(existsSync(target)).toBe(false);
  });

  it('saves nothing when the dialog returns no path', async () => {
    const { window, contents, dialog, printToPDF } = setUp({ canceled: false, filePath: '' });
    expect(await printToPdf(window, contents, dialog, { suggestedName: 'x' })).toEqual({ saved: false });
    expect(printToPDF).not.toHaveBeenCalled();
  });

  it('offers a Windows-safe default name for a borrower whose name has forbidden characters', async () => {
    const { window, contents, dialog, showSaveDialog } = setUp({ canceled: true, filePath: '' });
    await printToPdf(window, contents, dialog, { suggestedName: 'Loan PB/2025:07 "Wang" <Li>' });
    expect(showSaveDialog.mock.calls[0]?.[1].defaultPath).toBe('Loan PB_2025_07 _Wang_ _Li_.pdf');
  });

  it('keeps the .pdf extension on a very long suggested name', async () => {
    const { window, contents, dialog, showSaveDialog } = setUp({ canceled: true, filePath: '' });
    await printToPdf(window, contents, dialog, { suggestedName: `Statement ${'张伟'.repeat(150)}` });
    const suggested = showSaveDialog.mock.calls[0]?.[1].defaultPath ?? '';
    expect(suggested.endsWith('.pdf')).toBe(true);
    expect(suggested.length).toBeLessThanOrEqual(180);
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['a<b>c', 'a_b_c'],
    ['PB:0001', 'PB_0001'],
    ['say "hi"', 'say _hi_'],
    ['folder/file', 'folder_file'],
    ['folder\\file', 'folder_file'],
    ['a|b', 'a_b'],
    ['why?', 'why_'],
    ['all*', 'all_'],
    ['tab\there', 'tab_here'],
    ['nul\u0000byte', 'nul_byte'],
  ])('makes %j safe for Windows', (name, safe) => {
    expect(sanitizeFileName(name)).toBe(safe);
  });

  it('leaves ordinary names, including Chinese ones, untouched', () => {
    expect(sanitizeFileName('还款计划 PB-0001 (王小明).pdf')).toBe('还款计划 PB-0001 (王小明).pdf');
  });

  it('never returns a name longer than 180 characters', () => {
    expect(sanitizeFileName('x'.repeat(500))).toHaveLength(180);
  });
});

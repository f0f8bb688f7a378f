import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm run test:packaging`, not `npm test`: makensis comes from NSIS, which no npm package ships
 * (the preflight names what to install). The script's content is checked in
 * test/unit/packaging/nsis.test.ts.
 */
const root = join(__dirname, '..', '..');
const includePath = join(root, 'resources', 'installer', 'uninstall-data.nsh');

describe('the uninstaller page about Pledgebook data, compiled', () => {
  it('compiles with makensis, warnings as errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pledgebook-nsis-'));
    try {
      // The uninstaller pass, in electron-builder's order: header (flags, custom include), MUI2,
      // pages, un.onInit, uninstall section.
      writeFileSync(
        join(dir, 'uninstaller.nsi'),
        [
          'Unicode true',
          '!define BUILD_UNINSTALLER',
          '!macro _isUpdated _a _b _t _f',
          '  StrCmp "$R9" "true" `${_t}` `${_f}`',
          '!macroend',
          '!define isUpdated `"" isUpdated ""`',
          `!include "${includePath}"`,
          '!include MUI2.nsh',
          'Name "Pledgebook"',
          `OutFile "${join(dir, 'uninstaller.exe')}"`,
          'RequestExecutionLevel user',
          'Var installMode',
          '!insertmacro customUnWelcomePage',
          '!insertmacro MUI_UNPAGE_INSTFILES',
          '!insertmacro MUI_LANGUAGE "English"',
          'Function un.onInit',
          '  StrCpy $installMode "CurrentUser"',
          '  !insertmacro customUnInit',
          'FunctionEnd',
          'Section "install"',
          '  WriteUninstaller "$TEMP\\uninstall.exe"',
          'SectionEnd',
          'Section "un.Uninstall"',
          '  !insertmacro customUnInstall',
          'SectionEnd',
        ].join('\n'),
      );
      // The installer pass: the include must add nothing (an unused function would be a warning).
      writeFileSync(
        join(dir, 'installer.nsi'),
        [
          'Unicode true',
          `!include "${includePath}"`,
          'Name "Pledgebook"',
          `OutFile "${join(dir, 'installer.exe')}"`,
          'Section "install"',
          'SectionEnd',
        ].join('\n'),
      );
      for (const file of ['uninstaller.nsi', 'installer.nsi']) {
        const run = spawnSync('makensis', ['-V2', '-WX', join(dir, file)], { encoding: 'utf8' });
        expect(run.status, `${file}\n${run.stdout}\n${run.stderr}`).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

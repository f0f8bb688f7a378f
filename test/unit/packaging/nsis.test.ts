import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const includePath = join(root, 'resources', 'installer', 'uninstall-data.nsh');
const script = readFileSync(includePath, 'utf8');
/** The script without comments (NSIS comments start with ; or #). */
const code = script
  .split('\n')
  .map((line) => line.replace(/\s[;#].*$/, '').replace(/^\s*[;#].*$/, ''))
  .join('\n');

function macro(name: string): string {
  const match = new RegExp(`!macro ${name}\\n([\\s\\S]*?)!macroend`).exec(code);
  expect(match, `macro ${name}`).not.toBeNull();
  return match?.[1] ?? '';
}

describe('the uninstaller page about Pledgebook data', () => {
  it('offers to delete the data with a box that is unticked to begin with', () => {
    expect(code).toContain(
      '${NSD_CreateCheckbox} 0 76u 100% 12u "Also delete my Pledgebook data (database, attachments, backups)"',
    );
    expect(macro('customUnInit')).toMatch(/StrCpy \$pbDeleteData \$\{BST_UNCHECKED\}/);
    expect(code).not.toMatch(/NSD_Check\b/);
    expect(code).not.toMatch(/StrCpy \$pbDeleteData \$\{BST_CHECKED\}/);
  });

  it("names the data folder: the user's %APPDATA%\\Pledgebook", () => {
    const init = macro('customUnInit');
    expect(init).toContain('StrCpy $pbDataDir "$APPDATA\\Pledgebook"');
    // resolved for the current user, even for an install for all users
    expect(init.indexOf('SetShellVarContext current')).toBeLessThan(init.indexOf('$APPDATA\\Pledgebook'));
  });

  it('deletes the folder only when the box was ticked, and never during an update', () => {
    const uninstall = macro('customUnInstall');
    const guard = uninstall.indexOf('${andIf} $pbDeleteData == ${BST_CHECKED}');
    expect(uninstall.indexOf('${ifNot} ${isUpdated}')).toBeGreaterThanOrEqual(0);
    expect(guard).toBeGreaterThan(uninstall.indexOf('${ifNot} ${isUpdated}'));
    expect(uninstall.indexOf('RMDir /r "$pbDataDir"')).toBeGreaterThan(guard);
    // nowhere else does anything get deleted
    expect(code.match(/RMDir|Delete /g)).toEqual(['RMDir']);
  });

  it('skips the page during an update', () => {
    expect(macro('customUnWelcomePage')).toMatch(
      /Function un\.pbDataPageShow\s+\$\{if\} \$\{isUpdated\}\s+Abort/,
    );
  });

  it('adds nothing to the installer itself', () => {
    const lines = code.split('\n').filter((l) => l.trim() !== '');
    expect(lines[0]?.trim()).toBe('!ifdef BUILD_UNINSTALLER');
    expect(lines.at(-1)?.trim()).toBe('!endif');
  });

  it("uses hooks electron-builder's NSIS templates really call", () => {
    const templates = join(root, 'node_modules', 'app-builder-lib', 'templates', 'nsis');
    const all = readdirSync(templates)
      .filter((f) => f.endsWith('.nsh') || f.endsWith('.nsi'))
      .map((f) => readFileSync(join(templates, f), 'utf8'))
      .join('\n');
    for (const hook of ['customUnInit', 'customUnWelcomePage', 'customUnInstall']) {
      expect(all, hook).toContain(`!insertmacro ${hook}`);
    }
    expect(all).toMatch(/Var \/GLOBAL installMode|Var installMode/);
  });
  // Compiling it with makensis is `npm run test:packaging` (test/packaging/nsis-compile.test.ts).
});

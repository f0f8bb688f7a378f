import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName, freshPath } from '../../../electron/services/system/backup-folder';

describe('a fresh path for a backup', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('claims its name at once, so a second backup in the same instant gets another file', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'pledgebook-fresh-')), 'backups');
    dirs.push(folder);
    const name = backupFileName('2026-06-30T09:00:00.000Z', 'pledgebook-auto');
    const first = freshPath(folder, name);
    const second = freshPath(folder, name);
    expect(first).toBe(join(folder, 'pledgebook-auto-2026-06-30T09-00-00.000Z.sqlite'));
    expect(second).toBe(join(folder, 'pledgebook-auto-2026-06-30T09-00-00.000Z-2.sqlite'));
    // Both names are taken on disk before either backup writes a page.
    expect(existsSync(first) && existsSync(second)).toBe(true);
    expect(statSync(first).size).toBe(0);
  });
});

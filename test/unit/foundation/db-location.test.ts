import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DATABASE_FILE,
  dbFlagFromArgv,
  DB_ENV_VAR,
  defaultUserDataDir,
  resolveDatabasePath,
} from '../../../electron/db/location';

describe('which database file Pledgebook opens', () => {
  const userDataDir = join('/', 'home', 'li', '.config', 'Pledgebook');

  it('uses --db over everything else', () => {
    expect(
      resolveDatabasePath({ flag: '/books/flag.db', env: { [DB_ENV_VAR]: '/books/env.db' }, userDataDir }),
    ).toBe('/books/flag.db');
  });

  it('uses PLEDGEBOOK_DB when there is no --db', () => {
    expect(
      resolveDatabasePath({ flag: undefined, env: { PLEDGEBOOK_DB: '/books/env.db' }, userDataDir }),
    ).toBe('/books/env.db');
  });

  it('ignores an empty --db and an empty PLEDGEBOOK_DB', () => {
    expect(resolveDatabasePath({ flag: '', env: { PLEDGEBOOK_DB: '' }, userDataDir })).toBe(
      join(userDataDir, DATABASE_FILE),
    );
  });

  it('falls back to pledgebook.db in the user-data folder', () => {
    expect(DATABASE_FILE).toBe('pledgebook.db');
    expect(resolveDatabasePath({ env: {}, userDataDir })).toBe(join(userDataDir, 'pledgebook.db'));
  });
});

describe('the user-data folder, matching Electron for an app named Pledgebook', () => {
  const home = join('/', 'home', 'li');

  it('is %APPDATA%\\Pledgebook on Windows', () => {
    const appData = join('C:', 'Users', 'li', 'AppData', 'Roaming');
    expect(defaultUserDataDir('win32', { APPDATA: appData }, home)).toBe(join(appData, 'Pledgebook'));
  });

  it('is AppData/Roaming under the home folder on Windows when APPDATA is unset', () => {
    expect(defaultUserDataDir('win32', {}, home)).toBe(join(home, 'AppData', 'Roaming', 'Pledgebook'));
  });

  it('is Application Support on macOS', () => {
    expect(defaultUserDataDir('darwin', { XDG_CONFIG_HOME: '/ignored' }, home)).toBe(
      join(home, 'Library', 'Application Support', 'Pledgebook'),
    );
  });

  it('is $XDG_CONFIG_HOME/Pledgebook on Linux, or ~/.config/Pledgebook', () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, home)).toBe(join('/xdg', 'Pledgebook'));
    expect(defaultUserDataDir('linux', {}, home)).toBe(join(home, '.config', 'Pledgebook'));
  });
});

describe('reading --db from the command line', () => {
  it.each<[string[], string | undefined]>([
    [['electron', '.', '--db', '/books/a.db'], '/books/a.db'],
    [['electron', '.', '--db=/books/b.db'], '/books/b.db'],
    [['pledgebook.exe', '--no-sandbox', '--db', 'C:\\Books\\c.db', '--inspect'], 'C:\\Books\\c.db'],
    [['pledgebook', '--db=/books/with=equals.db'], '/books/with=equals.db'],
    [['pledgebook', '--db'], undefined],
    [['pledgebook', '--dbx=/nope.db', '--database', '/nope.db'], undefined],
    [['pledgebook'], undefined],
  ])('%j → %s', (argv, expected) => {
    expect(dbFlagFromArgv(argv)).toBe(expected);
  });

  it('takes the first --db when it is given twice', () => {
    expect(dbFlagFromArgv(['app', '--db', '/first.db', '--db=/second.db'])).toBe('/first.db');
  });
});

import { describe, expect, it } from 'vitest';
import { serverProblemIn, type ServerFacts } from '../../../electron/db/postgres/server-check';
import i18next from 'i18next';
import { I18N_OPTIONS, resources } from '../../../shared/i18n/resources';

// The server the test cluster runs passes every check; these are the servers it cannot be.
const GOOD: ServerFacts = { version: 150004, shown: '15.4', trgm: 1, migrations: null, tables: 0 };

describe('a server Pledgebook cannot keep a book on is named before anything is written', () => {
  it('accepts PostgreSQL 14 and later with pg_trgm, empty or already Pledgebook’s', () => {
    expect(serverProblemIn(GOOD)).toBeNull();
    expect(serverProblemIn({ ...GOOD, version: 140000, shown: '14.0' })).toBeNull();
    expect(serverProblemIn({ ...GOOD, migrations: 'kysely_migration', tables: 40 })).toBeNull();
  });

  it('refuses a server older than 14, with its version', () => {
    const problem = serverProblemIn({ ...GOOD, version: 130011, shown: '13.11' });
    expect(problem).toMatchObject({ problem: 'server.tooOld', params: { version: '13.11', oldest: '14' } });
  });

  it('refuses a server without pg_trgm, and says so in Chinese', async () => {
    const problem = serverProblemIn({ ...GOOD, trgm: 0 });
    expect(problem?.problem).toBe('server.noTrgm');
    const i18n = i18next.createInstance();
    await i18n.init({ ...I18N_OPTIONS, ns: [...I18N_OPTIONS.ns], resources, lng: 'zh-CN' });
    const words = i18n.t(problem!.problem, { ns: 'errors' });
    expect(words).toContain('pg_trgm');
    expect(words).toMatch(/服务器/);
  });

  it('refuses a database holding tables that are not a Pledgebook book, with how many', () => {
    expect(serverProblemIn({ ...GOOD, tables: 3 })).toMatchObject({
      problem: 'server.notPledgebook',
      params: { tables: 3 },
    });
  });
});

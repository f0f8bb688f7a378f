import type { TestProject } from 'vitest/node';
import { openApp } from '../../electron/services/app';
import { fixedClock } from '../../electron/services/clock';
import { adminQuery, startTestCluster } from '../support/postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's admin URL; each test's book is a copy of TEMPLATE_BOOK on it. */
    postgresAdminUrl: string;
  }
}

export const TEMPLATE_BOOK = 'pledgebook_template';

/**
 * Starts the run's throwaway cluster and migrates one empty book on it once; every test then
 * copies it (CREATE DATABASE … TEMPLATE), a fresh book in milliseconds.
 */
export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  await adminQuery(cluster.adminUrl, `DROP DATABASE IF EXISTS ${TEMPLATE_BOOK}`);
  await adminQuery(cluster.adminUrl, `CREATE DATABASE ${TEMPLATE_BOOK}`);
  const app = await openApp({ databasePath: cluster.urlOf(TEMPLATE_BOOK), clock: fixedClock('2026-01-01') });
  await app.close();
  project.provide('postgresAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}

import type { SystemTables } from '../services/system/tables';

/** Every table, as Kysely sees it. Each feature folder owns the types of its own tables. */
export interface DB extends SystemTables {}

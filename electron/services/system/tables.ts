export interface SettingsTable {
  key: string;
  /** JSON-encoded value. */
  value: string;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface SystemTables {
  settings: SettingsTable;
  counters: CountersTable;
}

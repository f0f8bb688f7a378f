/**
 * Problems of an import as the lender works through them: counted by rows (a row with three
 * problems is one row to fix), and grouped by kind — the same reason on the same column — with
 * the rows it is on, so one upload shows every problem without a page per row.
 */
import type { RowError } from './book';

export interface ProblemGroup {
  sheet: string;
  column: string;
  code: RowError['code'];
  /** The first row's parameters, to word the group by an example. */
  params: RowError['params'];
  rows: number[];
}

/** How many rows have at least one of these problems. */
export const rowsWith = (problems: readonly RowError[]) =>
  new Set(problems.map((p) => `${p.sheet}\u0000${p.row}`)).size;

/** Groups in the order their first row appears; each group's rows ascending, once each. */
export function groupProblems(problems: readonly RowError[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const key = [p.sheet, p.column, p.code].join('\u0000');
    const group = groups.get(key);
    if (!group)
      groups.set(key, { sheet: p.sheet, column: p.column, code: p.code, params: p.params, rows: [p.row] });
    else if (!group.rows.includes(p.row)) group.rows.push(p.row);
  }
  for (const g of groups.values()) g.rows.sort((a, b) => a - b);
  return [...groups.values()];
}

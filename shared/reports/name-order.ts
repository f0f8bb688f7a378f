import type { Locale } from '../contract/system';
import type { MonthlyReport } from '../contract/reports';
import { compareNames } from '../format/format';

/**
 * The monthly report's lists of names in the reader's order: collectors by name, and the top
 * borrowers by amount with equal amounts by name (pinyin in zh-CN, strokes in zh-TW). The service
 * builds one report for every language, so the order by name is the reader's, applied where the
 * report is read: on the screen and in the export. The lists are ten rows or so.
 */
export function inReadersOrder(report: MonthlyReport, locale: Locale): MonthlyReport {
  const top = [...report.concentration.top].sort(
    (a, b) => b.outstanding - a.outstanding || compareNames(a.borrower, b.borrower, locale),
  );
  const collectors = [...report.activity.collectors].sort((a, b) =>
    compareNames(a.collector, b.collector, locale),
  );
  return {
    ...report,
    concentration: { ...report.concentration, top },
    activity: { ...report.activity, collectors },
  };
}

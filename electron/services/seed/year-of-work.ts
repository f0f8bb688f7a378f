/**
 * A year of the office's work on a seeded book: the collectors' calls and visits with their
 * promises to pay, repayment plans, legal cases, repossessions, write-offs with their recoveries,
 * and requests still waiting for a second user. Everything goes in through the contract's own
 * handlers (see `Office`), dated over the year before as-of, by seeded users of the right role.
 *
 * Each overdue loan the office works gets one story, planned up front from the seeded PRNG and
 * the loan's own payments. The first story of each kind is told inside as-of's month, so the
 * monthly report of that month has a figure in every section.
 */
import { sql } from 'kysely';
import { addDays, type IsoDate } from '../../../shared/dates';
import type { ServiceContext } from '../context';
import { SYSTEM_ACTOR, type Actor, type Role } from '../auth/actor';
import { refreshLoanStatus } from '../loans/status-cache';
import { evaluatedPromises } from '../collections/promises.query';
import { loadCollectionSettings } from '../collections/settings';
import { Rng } from './prng';
import { Calendar, hundredsOfYuan, type ActivityCandidate } from './calendar';
import { Office } from './office';
import { DEMO_PASSWORD, STAFF, staffOf, type Staff } from './staff';
import { collectionsStory, type LoanStory } from './collections-work';
import {
  legalStory,
  planStory,
  repossessionStory,
  writeOffStory,
  type PlanKind,
  type WriteOffOutcome,
} from './escalations';

/** The share of overdue loans the office works, all of them in a small book, and the most it works. */
export const WORKED_SHARE = 0.6;
export const WORK_ALL_UP_TO = 80;
export const MAX_WORKED = 1500;

type Story = 'legal' | 'repossession' | 'write-off' | 'plan' | 'calls';

/**
 * An escalation with its outcome. `showcase` tells it inside as-of's month: the first of each
 * kind is a showcase, so the month's report has every figure.
 */
type Escalation =
  | { story: 'legal'; showcase: 'opens' | 'closes' | null }
  | { story: 'repossession'; showcase: boolean }
  | { story: 'write-off'; outcome: WriteOffOutcome; showcase: boolean }
  | { story: 'plan'; kind: PlanKind; showcase: boolean };

interface Showcase {
  escalation: Escalation;
  fits(c: ActivityCandidate): boolean;
  /** The latest day the loan may have come to collections for the story's dates to fit. */
  startBy(cal: Calendar): IsoDate;
}

const longOverdue = (days: number) => (c: ActivityCandidate) => c.daysPastDue >= days;
/** In collections before the recent weeks began: a showcase's story fits inside them. */
const beforeRecentWeeks = (cal: Calendar) => addDays(cal.recentStart, -1);

/** The stories every book gets once, where it has an overdue loan that fits. */
const SHOWCASES: readonly Showcase[] = [
  { escalation: { story: 'legal', showcase: 'opens' }, fits: longOverdue(91), startBy: beforeRecentWeeks },
  {
    escalation: { story: 'legal', showcase: 'closes' },
    fits: longOverdue(91),
    startBy: (cal) => addDays(cal.asOf, -111),
  },
  {
    escalation: { story: 'repossession', showcase: true },
    fits: (c) => c.product === 'car-title' && c.daysPastDue >= 90,
    startBy: beforeRecentWeeks,
  },
  ...(['approved', 'rejected', 'pending'] as const).map((outcome): Showcase => ({
    escalation: { story: 'write-off', outcome, showcase: true },
    fits: longOverdue(120),
    startBy: outcome === 'pending' ? (cal) => addDays(cal.asOf, -7) : beforeRecentWeeks,
  })),
  ...(['settlement', 'arrears-active', 'rejected'] as const).map((kind): Showcase => ({
    escalation: { story: 'plan', kind, showcase: true },
    fits: longOverdue(31),
    startBy: beforeRecentWeeks,
  })),
  {
    escalation: { story: 'plan', kind: 'arrears-broken', showcase: true },
    fits: longOverdue(31),
    startBy: (cal) => addDays(cal.addMonths(cal.asOf, -2), -30),
  },
  {
    escalation: { story: 'plan', kind: 'waiver-pending', showcase: true },
    fits: longOverdue(31),
    startBy: (cal) => addDays(cal.asOf, -7),
  },
];

const PLAN_DECK: readonly PlanKind[] = [
  'settlement',
  'arrears-active',
  'arrears-broken',
  'rejected',
  'arrears-active',
];
const WRITE_OFF_DECK: readonly WriteOffOutcome[] = ['approved', 'approved', 'rejected', 'approved'];

/** The story of a loan no showcase took: escalation needs a borrower who has stopped paying. */
function storyOf(rng: Rng, c: ActivityCandidate, counts: Record<Story, number>): Escalation | null {
  if (c.legalFrom !== null && rng.chance(0.7)) return { story: 'legal', showcase: null };
  if (c.product === 'car-title' && c.daysPastDue >= 120 && rng.chance(0.5))
    return { story: 'repossession', showcase: false };
  if (c.daysPastDue >= 181 && rng.chance(0.5)) {
    const outcome = WRITE_OFF_DECK[counts['write-off'] % WRITE_OFF_DECK.length]!;
    return { story: 'write-off', outcome, showcase: false };
  }
  if (c.daysPastDue >= 31 && rng.chance(0.6))
    return { story: 'plan', kind: PLAN_DECK[counts.plan % PLAN_DECK.length]!, showcase: false };
  return null;
}

export interface YearOfWorkPlan {
  worked: number;
  loanIds: number[];
  stories: Record<Story, number>;
}

/**
 * Plans the year on `office`'s agenda: for each worked loan its collector's calls and visits and
 * at most one escalation, plus the weekly review of repayment plans. Nothing runs until
 * `office.work()`.
 */
export function planYearOfWork(
  office: Office,
  cal: Calendar,
  staff: Staff,
  candidates: readonly ActivityCandidate[],
): YearOfWorkPlan {
  const { rng, asOf, yearStart } = cal;
  const pool = rng.shuffle([...candidates]);
  const share = Math.max(Math.ceil(pool.length * WORKED_SHARE), Math.min(pool.length, WORK_ALL_UP_TO));
  const worked = pool.slice(0, Math.min(MAX_WORKED, share));
  const stories: Record<Story, number> = { legal: 0, repossession: 0, 'write-off': 0, plan: 0, calls: 0 };
  const showcases = [...SHOWCASES];
  const shown = { promises: false, visit: false, override: false, backdated: false };

  worked.forEach((c, index) => {
    // In collections a few days after the first missed installment (or when the year began).
    let start = addDays(c.oldestUnpaidDueDate, rng.int(3, 10));
    if (start < yearStart) start = addDays(yearStart, rng.int(0, 13));
    if (start > asOf) start = asOf;
    const quiet = !c.payments.some((p) => p.date >= start);
    const story: LoanStory = {
      candidate: c,
      collector: staff.collectors[index % staff.collectors.length]!,
      start,
      quiet,
      ended: false,
      escalating: false,
    };
    let escalation: Escalation | null = null;
    if (quiet) {
      const role = showcases.findIndex((r) => r.fits(c) && start <= r.startBy(cal));
      escalation = role >= 0 ? showcases.splice(role, 1)[0]!.escalation : storyOf(rng, c, stories);
    }
    stories[escalation?.story ?? 'calls']++;
    story.escalating = escalation !== null;

    // This month's promises, visit and out-of-hours call, each on a loan in collections all month.
    const settled = start <= beforeRecentWeeks(cal);
    const show = {
      promises: !shown.promises && settled && quiet && escalation === null,
      visit: !shown.visit && settled && c.daysPastDue >= 31 && escalation === null,
      override: !shown.override && settled,
    };
    shown.promises ||= show.promises;
    shown.visit ||= show.visit;
    shown.override ||= show.override;
    collectionsStory(office, cal, staff, story, show);

    switch (escalation?.story) {
      case 'legal':
        legalStory(office, cal, staff, story, escalation.showcase, stories.legal);
        break;
      case 'repossession':
        repossessionStory(office, cal, staff, story, escalation.showcase, stories.repossession);
        break;
      case 'write-off':
        writeOffStory(office, cal, staff, story, escalation.outcome, escalation.showcase);
        break;
      case 'plan':
        planStory(office, cal, staff, story, escalation.kind, escalation.showcase);
        break;
      case undefined:
        if (!shown.backdated && quiet && settled) {
          // A transfer the borrower made nine days ago, found on the bank statement today: a
          // payment that old needs a second user, so the collector asks for approval.
          shown.backdated = true;
          office.on(asOf, 11 * 60, story.collector, async () => {
            await office.call('payments.requestBackdated', {
              loanId: c.loanId,
              date: addDays(asOf, -9),
              amount: hundredsOfYuan(rng.int(5, 20)),
              method: 'bank-transfer',
              reference: `对账发现 ${addDays(asOf, -9).replaceAll('-', '')} 入账`,
              receivedBy: story.collector.displayName,
            });
          });
        }
        break;
    }
  });

  // Plans are judged as the app judges them whenever they are looked at: here once a week
  // and on as-of's evening, after the day's work.
  for (let day = addDays(yearStart, 6); day <= asOf; day = addDays(day, 7)) reviewPlansOn(office, staff, day);
  reviewPlansOn(office, staff, asOf);
  return { worked: worked.length, loanIds: worked.map((c) => c.loanId), stories };
}

function reviewPlansOn(office: Office, staff: Staff, day: IsoDate): void {
  office.on(day, 23 * 60 + 30, staff.manager, () => office.reviewPlans());
}

export interface ActivitySummary {
  /** The seeded users; each signs in with `password`. */
  users: { username: string; displayName: string; role: Role }[];
  password: string;
  /** Overdue loans the office worked, and the story each got. */
  worked: number;
  stories: Record<Story, number>;
  contacts: number;
  /** Contacts that went ahead against the contact rules, with a reason. */
  overrides: number;
  promises: Record<'kept' | 'broken' | 'pending', number>;
  visits: { planned: number; withOutcome: number };
  plans: Record<string, number>;
  legalCases: Record<string, number>;
  legalCosts: number;
  repossessions: Record<string, number>;
  writeOffs: Record<string, number>;
  recoveries: { count: number; amount: number };
  /** Requests waiting for a second user: approvals, plans and write-offs. */
  pendingApprovals: number;
  /** Contract refusals met on the way, by method and reason: none in a sound seed. */
  refusals: Record<string, number>;
}

/** Keeps the office's PRNG apart from the book's: the book is the same with or without it. */
const ACTIVITY_STREAM = 0x0ff1ce;

/** The seeded users, created (once) the day before the year starts. */
async function hireStaff(office: Office, day: IsoDate): Promise<Actor[]> {
  let actors: Actor[] = [];
  await office.now(day, 8 * 60, SYSTEM_ACTOR, async () => {
    const existing = new Set((await office.call('users.list', {}))?.map((u) => u.username));
    for (const member of STAFF) {
      if (existing.has(member.username)) continue;
      await office.call('users.create', { ...member, password: DEMO_PASSWORD });
    }
    const users = (await office.call('users.list', {})) ?? [];
    actors = users
      .filter((u) => STAFF.some((m) => m.username === u.username))
      .map((u) => ({ userId: u.id, username: u.username, displayName: u.displayName, role: u.role }));
  });
  return actors;
}

/**
 * Runs the year of work on a freshly seeded book: hires the staff, plans every story, works the
 * agenda through to as-of, then brings the status cache of every worked loan to as-of (the
 * payments posted on the way left it as of their own days).
 */
export async function seedYearOfWork(
  ctx: ServiceContext,
  options: { seed: number; asOf: IsoDate; candidates: readonly ActivityCandidate[]; stream: number },
): Promise<ActivitySummary> {
  const { asOf } = options;
  const office = new Office(ctx, asOf);
  const cal = new Calendar(new Rng(options.seed, ACTIVITY_STREAM ^ options.stream), asOf);
  const actors = await hireStaff(office, addDays(cal.yearStart, -1));
  const staff = staffOf(actors);
  const plan = planYearOfWork(office, cal, staff, options.candidates);
  await office.work();
  await ctx.db.transaction().execute(async (trx) => {
    for (const loanId of plan.loanIds) await refreshLoanStatus(trx, loanId, asOf);
  });
  return {
    users: actors.map(({ username, displayName, role }) => ({ username, displayName, role })),
    password: DEMO_PASSWORD,
    worked: plan.worked,
    stories: plan.stories,
    ...(await countActivity(ctx, asOf)),
    refusals: office.refusals,
  };
}

/** What the year left in the book, counted from the tables the screens read. */
async function countActivity(ctx: ServiceContext, asOf: IsoDate) {
  const { db } = ctx;
  const byColumn = async (table: string, column: string, where = 'TRUE') =>
    Object.fromEntries(
      (
        await sql<{
          k: string;
          n: number;
        }>`SELECT ${sql.ref(column)} AS k, count(*) AS n FROM ${sql.table(table)}
          WHERE ${sql.raw(where)} GROUP BY 1 ORDER BY 1`.execute(db)
      ).rows.map((r) => [r.k, r.n]),
    );
  const one = async (query: string) =>
    Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(db)).rows[0]?.n ?? 0);
  const settings = await loadCollectionSettings(db);
  const promises = { kept: 0, broken: 0, pending: 0 };
  const judged = await evaluatedPromises(
    db,
    await db.selectFrom('promises_to_pay').selectAll().execute(),
    asOf,
    settings.promiseToleranceDays,
  );
  for (const p of judged) promises[p.status]++;
  return {
    contacts: await one('SELECT count(*) AS n FROM collection_contacts'),
    overrides: await one("SELECT count(*) AS n FROM collection_contacts WHERE override_reason <> ''"),
    promises,
    visits: {
      planned: await one('SELECT count(*) AS n FROM collection_visits'),
      withOutcome: await one('SELECT count(*) AS n FROM collection_visits WHERE outcome IS NOT NULL'),
    },
    plans: await byColumn('repayment_plans', 'status'),
    legalCases: await byColumn('legal_cases', 'stage'),
    legalCosts: await one('SELECT coalesce(sum(cost), 0) AS n FROM legal_case_events'),
    repossessions: await byColumn(
      'repossession_steps',
      'step',
      `id IN (SELECT max(id) FROM repossession_steps WHERE reversed_at IS NULL GROUP BY repossession_id)`,
    ),
    writeOffs: await byColumn('write_offs', 'status'),
    recoveries: {
      count: await one('SELECT count(*) AS n FROM recoveries'),
      amount: await one('SELECT coalesce(sum(amount), 0) AS n FROM recoveries'),
    },
    pendingApprovals:
      (await one("SELECT count(*) AS n FROM approval_requests WHERE status = 'pending'")) +
      (await one("SELECT count(*) AS n FROM repayment_plans WHERE status = 'proposed'")) +
      (await one("SELECT count(*) AS n FROM write_offs WHERE status = 'proposed'")),
  };
}

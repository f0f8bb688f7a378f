/**
 * A collector's work on one overdue loan over the seeded year: assigned when the loan falls
 * behind, called every one to three weeks, promises to pay taken on the calls (kept by the
 * borrower's own payments, broken, or still pending), and now and then a visit with its outcome.
 */
import { addDays, type IsoDate } from '../../../shared/dates';
import { formatLongDate } from '../../../shared/format/format';
import { formatAmount } from '../../../shared/money/amount';
import type { Actor } from '../auth/actor';
import type { Office } from './office';
import { localClock } from './office';
import type { Staff } from './staff';
import { hundredsOfYuan, PAYMENT_CHANNELS, type ActivityCandidate, type Calendar } from './calendar';

export interface LoanStory {
  candidate: ActivityCandidate;
  collector: Actor;
  /** The day the loan came to collections (or the year began). */
  start: IsoDate;
  /** No seeded payment after `start`: only the office's own entries move the loan. */
  quiet: boolean;
  /** The loan has left collections (settled, written off, its collateral sold): calls stop. */
  ended: boolean;
  /** Headed for a plan, court, repossession or write-off: the borrower's promises are not kept. */
  escalating: boolean;
}

const OUTCOMES: readonly (readonly [string, number])[] = [
  ['no-answer', 30],
  ['left-message', 8],
  ['wrong-number', 2],
  ['reached-promise', 28],
  ['reached-refused', 10],
  ['reached-hardship', 14],
  ['reached-dispute', 3],
];

const HARDSHIP = ['借款人称生意周转困难', '借款人称近期失业，正在找工作', '借款人家人住院，资金紧张'];
const NOTES: Record<string, string> = {
  'no-answer': '电话无人接听',
  'left-message': '已发短信提醒还款',
  'wrong-number': '号码有误，需核实新联系方式',
  'reached-refused': '借款人表示暂无还款意愿',
  'reached-dispute': '借款人对罚息金额有异议，要求核对',
};
/** Why a call went ahead out of hours: the borrower asked for it. */
const OVERRIDE_REASON = '借款人白天上班不便接听，约定晚间回电';

const floorHundreds = (minor: number) => Math.floor(minor / hundredsOfYuan(1)) * hundredsOfYuan(1);

/** How a promise the office scripts turns out. */
type PromiseFate = 'kept' | 'broken' | 'pending';

export function collectionsStory(
  office: Office,
  cal: Calendar,
  staff: Staff,
  story: LoanStory,
  showcase: { promises: boolean; override: boolean; visit: boolean },
): void {
  const { rng, asOf } = cal;
  const { candidate: c, collector } = story;

  office.on(story.start, 8 * 60 + 45, staff.manager, async () => {
    // By display name, as the account screen's picker assigns: the worklist shows the name.
    await office.call('collections.assign', { loanIds: [c.loanId], collector: collector.displayName });
  });

  /** A payment the borrower makes: through the payment screen, on its day. */
  const pays = (date: IsoDate, amount: number) =>
    office.on(date, cal.officeHours(), collector, async () => {
      if (story.ended || !(await office.isOpen(c.loanId))) return;
      const method = rng.weighted(PAYMENT_CHANNELS);
      await office.call('payments.record', {
        loanId: c.loanId,
        date,
        amount,
        method,
        reference: method === 'cash' ? '柜台现金' : `还款 ${date.replaceAll('-', '')}`,
        receivedBy: collector.displayName,
      });
    });

  const call = (date: IsoDate, options: { promise?: PromiseFate; late?: boolean } = {}) => {
    const outcome = options.promise ? 'reached-promise' : rng.weighted(OUTCOMES);
    const minutes = options.late ? rng.int(22 * 60 + 5, 22 * 60 + 40) : cal.officeHours(9, 20);
    const channel = outcome === 'left-message' ? 'sms' : rng.chance(0.1) ? 'call-in' : 'call-out';
    office.on(date, minutes, collector, async () => {
      if (story.ended) return;
      const connected = outcome.startsWith('reached');
      const base = {
        loanId: c.loanId,
        channel,
        localTime: `${date}T${localClock(minutes)}`,
        durationSeconds: connected ? rng.int(60, 600) : rng.int(0, 40),
        overrideReason: options.late ? OVERRIDE_REASON : '',
      } as const;
      if (outcome !== 'reached-promise') {
        const followUp = outcome === 'reached-hardship' || outcome === 'no-answer';
        await office.call('collections.logContact', {
          ...base,
          outcome,
          notes: outcome === 'reached-hardship' ? rng.pick(HARDSHIP) : NOTES[outcome]!,
          ...(followUp ? { followUpOn: addDays(date, rng.int(2, 5)) } : {}),
        });
        return;
      }
      const promise = await promiseOn(date, options.promise);
      if (!promise) {
        await office.call('collections.logContact', {
          ...base,
          outcome: 'reached-hardship',
          notes: rng.pick(HARDSHIP),
        });
        return;
      }
      await office.call('collections.logContact', {
        ...base,
        outcome,
        // As a collector types it in Chinese, not the ISO date a screen would never show.
        notes: `承诺于 ${formatLongDate(promise.dueDate, 'zh-CN')}前还款 ${formatAmount(promise.amount)} 元`,
        promise: { amount: promise.amount, dueDate: promise.dueDate },
      });
      if (promise.payOn) pays(promise.payOn, promise.amount);
    });
  };

  /**
   * The promise a reached borrower makes on `date`. One who pays anyway promises what they then
   * pay; one who has stopped paying either keeps it with a payment the office records, breaks
   * it, or has not reached its date yet.
   */
  const promiseOn = async (date: IsoDate, want?: PromiseFate) => {
    const next = c.payments.find((p) => p.date >= date && p.date <= addDays(date, 14));
    // Borrowers on their way to court or write-off mostly refuse to promise anything.
    if (want === undefined && story.escalating && rng.chance(0.7)) return null;
    if (next && want === undefined) {
      return {
        amount: Math.max(floorHundreds(next.amount), Math.min(next.amount, hundredsOfYuan(1))),
        dueDate: next.date,
      };
    }
    // One who still pays now and then, with nothing coming in the next two weeks, seldom promises.
    if (!story.quiet && want === undefined) {
      if (rng.chance(0.6)) return null;
      return { amount: hundredsOfYuan(rng.int(10, 60)), dueDate: addDays(date, rng.int(3, 10)) };
    }
    if (!(await office.isOpen(c.loanId))) return null;
    const preview = await office.call('payments.preview', { loanId: c.loanId, date, amount: 1 });
    if (!preview) return null;
    const amount = Math.min(hundredsOfYuan(rng.int(10, 60)), floorHundreds(preview.payoff / 2));
    if (amount <= 0) return null;
    const outcome = want ?? (!story.escalating && rng.chance(0.6) ? 'kept' : 'broken');
    const dueDate = outcome === 'pending' ? addDays(asOf, rng.int(1, 7)) : addDays(date, rng.int(3, 10));
    const payOn = outcome === 'kept' ? addDays(dueDate, -rng.int(0, 2)) : null;
    return { amount, dueDate, payOn: payOn !== null && payOn >= date && payOn <= asOf ? payOn : null };
  };

  for (let day = story.start; day <= asOf; day = addDays(day, rng.int(7, 21))) {
    call(day, { late: rng.chance(0.03) });
  }
  if (showcase.override) call(cal.recent(0.5), { late: true });
  if (showcase.promises) {
    call(cal.recent(0.1), { promise: 'kept' });
    call(cal.recent(0.25), { promise: 'broken' });
    call(asOf, { promise: 'pending' });
  }

  if (c.daysPastDue >= 31 && (showcase.visit || rng.chance(0.3))) {
    const visitDay = showcase.visit
      ? cal.recent(0.6)
      : cal.between(addDays(story.start, 14), addDays(asOf, 10));
    visit(office, cal, story, staff, visitDay);
  }
}

/** A visit planned a few days ahead by two collectors, and its outcome if the day has come. */
function visit(office: Office, cal: Calendar, story: LoanStory, staff: Staff, day: IsoDate): void {
  const { rng, asOf } = cal;
  const { candidate: c, collector } = story;
  const plannedOn = cal.earlier(asOf, cal.later(story.start, addDays(day, -rng.int(1, 4))));
  const partner = rng.pick(staff.collectors.filter((x) => x.userId !== collector.userId));
  const at = rng.int(14 * 60, 16 * 60 + 30);
  let visitId: number | null = null;
  office.on(plannedOn, 9 * 60 + rng.int(0, 90), collector, async () => {
    if (story.ended) return;
    const planned = await office.call('collections.planVisit', {
      loanId: c.loanId,
      localTime: `${day}T${localClock(at)}`,
      addressKind: 'home',
      address: c.address,
      team: [collector.displayName, partner.displayName],
      purpose: '上门核实还款能力，当面催收',
      talkingPoints: '核实收入和家庭情况；说明逾期后果；争取当场约定还款计划',
      overrideReason: '',
    });
    visitId = planned?.id ?? null;
  });
  if (day > asOf) return;
  office.on(day, 18 * 60 + rng.int(0, 60), collector, async () => {
    if (visitId === null) return;
    const able = rng.weighted([
      ['able', 2],
      ['partly-able', 5],
      ['unable', 3],
    ] as const);
    await office.call('collections.recordVisitOutcome', {
      visitId,
      met: rng.pick(['借款人本人', '借款人配偶', '借款人父母']),
      situation: rng.pick(['家中有人，生活正常', '店铺仍在经营，客流一般', '住所已出租，借款人不在']),
      ability: able,
      willingness: rng.weighted([
        ['willing', 5],
        ['reluctant', 4],
        ['refuses', 1],
      ] as const),
      proposal: able === 'unable' ? '' : '借款人提出分期偿还逾期款项',
      photos: [],
      nextStep: able === 'unable' ? '建议上报法务' : '一周后电话跟进',
    });
  });
}

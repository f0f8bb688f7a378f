/**
 * What the office does when calls are not enough, each story on a loan whose borrower has
 * stopped paying: a repayment plan (settled, kept, broken, rejected or still waiting for
 * approval), a legal case taken some stages towards its end, a repossession taken towards the
 * sale, or a write-off with the money recovered afterwards. `showcase` tells a story inside the
 * last weeks before as-of, so as-of's monthly report shows it.
 */
import { addDays, daysBetween, type IsoDate } from '../../../shared/dates';
import { LEGAL_STAGES, type LegalStage, type PlanSpecInput } from '../../../shared/contract';
import type { Office } from './office';
import type { Staff } from './staff';
import type { LoanStory } from './collections-work';
import { hundredsOfYuan, PAYMENT_CHANNELS, type Calendar } from './calendar';

export type PlanKind = 'settlement' | 'arrears-active' | 'arrears-broken' | 'rejected' | 'waiver-pending';
export type WriteOffOutcome = 'approved' | 'rejected' | 'pending';

const COURTS = [
  '上海市浦东新区人民法院',
  '北京市朝阳区人民法院',
  '广州市天河区人民法院',
  '杭州市西湖区人民法院',
];
const LAWYERS = ['德衡律师事务所 王律师', '金诚同达律师事务所 李律师', '大成律师事务所 赵律师'];
const YARDS = ['安达停车场（嘉定）', '顺通车辆保管场', '城北物流园停车场'];
const BUYERS = ['鑫达二手车行', '车易拍竞得人', '个人买家 孙先生', '诚信二手车经纪公司'];
const CLOSED_OUTCOMES = [
  '调解结案，借款人按调解书分期还款',
  '判决胜诉，执行完毕',
  '终结本次执行，暂无可执行财产',
];

/** The last step a repossession has reached by as-of (0 ordered … 5 settled), in turn. */
const SALE_PROGRESS = [5, 0, 1, 2, 5, 3, 4];

/** Days from `from`, at `share` of the way to `to`. */
const along = (from: IsoDate, to: IsoDate, share: number) =>
  addDays(from, Math.round(share * Math.max(0, daysBetween(from, to))));

/** Amount as the plan form types it: yuan with two decimals. */
const yuanText = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

export function planStory(
  office: Office,
  cal: Calendar,
  staff: Staff,
  story: LoanStory,
  kind: PlanKind,
  showcase: boolean,
): void {
  const { rng, asOf } = cal;
  const loanId = story.candidate.loanId;
  const earliest = cal.later(addDays(story.start, 20), cal.yearStart);
  /** The day the collector proposes: the story needs `room` days after it before as-of. */
  const proposeOn = (room: number, showcaseDay: IsoDate) =>
    showcase ? showcaseDay : cal.between(earliest, addDays(asOf, -room));

  const decide = (day: IsoDate, planId: () => number | null, decision: 'approve' | 'reject', note: string) =>
    office.on(day, cal.officeHours(10, 17), staff.manager, async () => {
      const id = planId();
      if (id !== null) await office.call('plans.decide', { planId: id, decision, note });
    });

  /** The borrower pays what is due every five days while the plan runs, up to `until`. */
  const paysWhatIsDue = (from: IsoDate, until: IsoDate) => {
    for (let day = addDays(from, 5); day <= until && day <= asOf; day = addDays(day, 5)) {
      office.on(day, cal.officeHours(), story.collector, async () => {
        if (story.ended || !(await office.isOpen(loanId))) return;
        const preview = await office.call('payments.preview', { loanId, date: day, amount: 1 });
        if (!preview || preview.dueNow <= 0) return;
        await office.call('payments.record', {
          loanId,
          date: day,
          amount: Math.min(preview.dueNow, preview.payoff),
          method: rng.weighted(PAYMENT_CHANNELS),
          reference: `还款计划 ${day.replaceAll('-', '')}`,
          receivedBy: story.collector.displayName,
        });
      });
    }
  };

  let planId: number | null = null;
  const proposeAt = (
    day: IsoDate,
    spec: PlanSpecInput | null,
    note: string,
    before?: () => Promise<PlanSpecInput | null>,
  ) =>
    office.on(day, cal.officeHours(9, 16), story.collector, async () => {
      if (story.ended) return;
      const chosen = before ? await before() : spec;
      if (!chosen) return;
      planId = (await office.call('plans.propose', { loanId, spec: chosen, note }))?.id ?? null;
    });

  switch (kind) {
    case 'settlement': {
      // A discount on today's payoff, paid in one sum within the month: the plan completes.
      const day = proposeOn(40, cal.recent(0.05));
      const decided = addDays(day, 1);
      const payBy = showcase ? cal.recent(0.7) : addDays(day, rng.int(20, 30));
      proposeAt(day, null, '借款人一次性结清，申请减免部分欠款', async () => {
        const preview = await office.call('payments.preview', { loanId, date: day, amount: 1 });
        if (!preview) return null;
        const offer =
          Math.floor((preview.payoff * rng.between(0.8, 0.92)) / hundredsOfYuan(1)) * hundredsOfYuan(1);
        return { type: 'settlement', amount: yuanText(offer), payBy };
      });
      decide(decided, () => planId, 'approve', '同意一次性结清方案');
      const paidOn = cal.later(addDays(decided, 1), addDays(payBy, -rng.int(0, 5)));
      office.on(paidOn, cal.officeHours(), story.collector, async () => {
        if (planId === null || !(await office.isOpen(loanId))) return;
        const preview = await office.call('payments.preview', { loanId, date: paidOn, amount: 1 });
        if (!preview) return;
        await office.call('payments.record', {
          loanId,
          date: paidOn,
          amount: preview.payoff,
          method: 'bank-transfer',
          reference: `结清款 ${paidOn.replaceAll('-', '')}`,
          receivedBy: story.collector.displayName,
        });
        story.ended = true;
      });
      return;
    }
    case 'arrears-active':
    case 'arrears-broken': {
      // Arrears spread over a few months on top of the regular installments, some penalty
      // waived. A kept plan is paid as it falls due; a broken one after its first month only.
      const broken = kind === 'arrears-broken';
      const showcaseDay = broken ? addDays(cal.addMonths(asOf, -2), -9) : cal.recent(0.1);
      const day = broken
        ? proposeOn(75, showcaseDay)
        : showcase
          ? showcaseDay
          : cal.between(cal.later(earliest, addDays(asOf, -150)), addDays(asOf, -25));
      const decided = addDays(day, rng.int(1, 2));
      const waive = showcase && !broken ? '100' : rng.pick(['0', '50', '100']);
      proposeAt(
        day,
        { type: 'arrears-installments', months: rng.int(3, 6), waivePenaltyPercent: waive, regular: 'keep' },
        waive === '0' ? '逾期款分期偿还' : `逾期款分期偿还，申请减免 ${waive}% 罚息`,
      );
      decide(decided, () => planId, 'approve', '同意，按计划跟进');
      paysWhatIsDue(decided, broken ? addDays(decided, 35) : asOf);
      return;
    }
    case 'rejected': {
      const day = proposeOn(5, cal.recent(0.4));
      proposeAt(day, { type: 'extension', months: rng.int(6, 18), arrears: 'capitalize' }, '申请延长期限');
      decide(
        addDays(day, 1) > asOf ? asOf : addDays(day, 1),
        () => planId,
        'reject',
        '还款能力证明不足，请补充收入材料',
      );
      return;
    }
    case 'waiver-pending': {
      // Waiting in the approvals inbox: proposed in the last days, not yet decided.
      const day = cal.between(addDays(asOf, -6), asOf);
      proposeAt(
        day,
        { type: 'arrears-installments', months: 6, waivePenaltyPercent: '100', regular: 'keep' },
        '借款人申请免除全部罚息，逾期款分六期偿还',
      );
      return;
    }
  }
}

export function legalStory(
  office: Office,
  cal: Calendar,
  staff: Staff,
  story: LoanStory,
  showcase: 'opens' | 'closes' | null,
  /** Cases opened before this one: the stages come round in turn, so a book has each. */
  nth: number,
): void {
  const { rng, asOf } = cal;
  const { candidate: c } = story;
  const from = cal.later(addDays(story.start, 20), c.legalFrom ?? story.start);
  const opened =
    showcase === 'opens'
      ? cal.recent(0.1)
      : showcase === 'closes'
        ? cal.earlier(from, addDays(asOf, -90))
        : cal.between(cal.earlier(from, asOf), asOf);
  // How far the case has come by as-of: every stage is somewhere in a book of any size.
  const last: LegalStage =
    showcase === 'opens'
      ? 'filed'
      : showcase === 'closes'
        ? 'closed'
        : LEGAL_STAGES[nth % LEGAL_STAGES.length]!;
  const stages = LEGAL_STAGES.slice(1, LEGAL_STAGES.indexOf(last) + 1);
  const closeBy = showcase === 'closes' ? cal.recent(0.8) : asOf;
  let caseId: number | null = null;

  office.on(opened, 9 * 60 + rng.int(0, 60), staff.manager, async () => {
    await office.call('collections.logLetter', { loanId: c.loanId, kind: 'demand', locale: 'zh-CN' });
    caseId =
      (
        await office.call('collections.openLegalCase', {
          loanId: c.loanId,
          date: opened,
          note: '发出律师函，限期十五日内还款',
          court: '',
          caseNumber: '',
          lawyer: '',
        })
      )?.id ?? null;
  });
  const court = rng.pick(COURTS);
  stages.forEach((stage, k) => {
    const day = along(opened, closeBy, (k + 1) / (stages.length + (showcase ? 0 : 1)));
    const cost =
      stage === 'lawyer-engaged'
        ? hundredsOfYuan(rng.int(30, 80))
        : stage === 'filed'
          ? hundredsOfYuan(rng.int(20, 150))
          : stage === 'enforcement'
            ? hundredsOfYuan(rng.int(10, 50))
            : 0;
    // Stages of one day keep their order: a case never moves backwards.
    office.on(day, 10 * 60 + k * 20, staff.manager, async () => {
      if (caseId === null) return;
      await office.call('collections.advanceLegalCase', {
        caseId,
        stage,
        date: day,
        note: stage === 'hearing' ? '第一次开庭，借款人未到庭' : '',
        cost,
        chargeToLoan: cost > 0 && (stage === 'filed' || rng.chance(0.6)),
        outcome: stage === 'closed' ? rng.pick(CLOSED_OUTCOMES) : '',
        court: stage === 'filed' ? court : '',
        caseNumber: stage === 'filed' ? `(${day.slice(0, 4)})民初${rng.digits(5)}号` : '',
        lawyer: stage === 'lawyer-engaged' ? rng.pick(LAWYERS) : '',
      });
    });
  });
}

export function repossessionStory(
  office: Office,
  cal: Calendar,
  staff: Staff,
  story: LoanStory,
  showcase: boolean,
  /** Repossessions started before this one: how far each has come goes round in turn. */
  nth: number,
): void {
  const { rng, asOf } = cal;
  const loanId = story.candidate.loanId;
  const ordered = showcase
    ? cal.recent(0)
    : cal.between(cal.later(addDays(story.start, 20), cal.yearStart), addDays(asOf, -10));
  // Usual gaps between steps; a showcase sale happens in the last weeks, step after step.
  const gaps = showcase ? [0, 0.15, 0.35, 0.6, 0.75, 0.9] : null;
  const days: IsoDate[] = [ordered];
  for (const gap of [rng.int(3, 12), rng.int(5, 20), rng.int(10, 40), rng.int(1, 5), rng.int(0, 10)]) {
    days.push(addDays(days.at(-1)!, gap));
  }
  const dayOf = (k: number) => (gaps ? along(ordered, asOf, gaps[k]!) : days[k]!);
  const lastStep = showcase ? 5 : SALE_PROGRESS[nth % SALE_PROGRESS.length]!;
  const state: { id: number | null; value: number } = { id: null, value: 0 };

  office.on(dayOf(0), cal.officeHours(), staff.manager, async () => {
    const collateral = await office.call('collateral.forLoan', { loanId });
    const car = collateral?.items.find((i) => i.kind === 'vehicle' && i.status === 'active');
    if (!car) return;
    state.value = car.currentValue;
    state.id =
      (
        await office.call('repossession.start', {
          itemId: car.id,
          loanId,
          kind: 'repossession',
          date: dayOf(0),
          note: '逾期超过120天，多次催收无果，决定收车',
        })
      )?.id ?? null;
  });
  const steps = [
    (date: IsoDate) => ({
      step: 'possessed' as const,
      date,
      location: rng.pick(YARDS),
      storageCost: hundredsOfYuan(rng.int(3, 15)),
      towingCost: hundredsOfYuan(rng.int(3, 10)),
      note: '车辆已收回，钥匙和行驶证齐全',
    }),
    (date: IsoDate) => ({
      step: 'listed' as const,
      date,
      channel: rng.pick(['sale', 'auction'] as const),
      askingPrice: Math.floor((state.value * 0.85) / hundredsOfYuan(1)) * hundredsOfYuan(1),
      note: '',
    }),
    (date: IsoDate) => ({
      step: 'sold' as const,
      date,
      buyer: rng.pick(BUYERS),
      grossPrice: Math.floor((state.value * rng.between(0.55, 0.9)) / hundredsOfYuan(1)) * hundredsOfYuan(1),
      sellingCosts: hundredsOfYuan(rng.int(5, 30)),
      note: '',
    }),
    (date: IsoDate) => ({ step: 'applied' as const, date, note: '' }),
    (date: IsoDate) => ({ step: 'settled' as const, date, note: '' }),
  ];
  for (let k = 1; k <= lastStep; k++) {
    const day = dayOf(k);
    if (day > asOf) break;
    const step = steps[k - 1]!;
    office.on(day, cal.officeHours(), staff.manager, async () => {
      if (state.id === null) return;
      await office.call('repossession.record', { repossessionId: state.id, step: step(day) });
      if (k >= 4) story.ended = true;
    });
  }
}

export function writeOffStory(
  office: Office,
  cal: Calendar,
  staff: Staff,
  story: LoanStory,
  outcome: WriteOffOutcome,
  showcase: boolean,
): void {
  const { rng, asOf } = cal;
  const loanId = story.candidate.loanId;
  const requested =
    outcome === 'pending'
      ? cal.between(addDays(asOf, -6), asOf)
      : showcase
        ? cal.recent(0.05)
        : cal.between(cal.later(addDays(story.start, 30), cal.yearStart), addDays(asOf, -20));
  const decided = cal.earlier(asOf, addDays(requested, showcase ? 2 : rng.int(1, 7)));
  let writeOffId: number | null = null;

  office.on(requested, cal.officeHours(), staff.manager, async () => {
    if (story.ended) return;
    const row = await office.call('writeOffs.request', {
      loanId,
      reason: '逾期超过180天，借款人无可执行财产，申请核销',
    });
    writeOffId = row?.id ?? null;
  });
  if (outcome === 'pending') return;
  office.on(decided, 16 * 60 + rng.int(0, 90), staff.owner, async () => {
    if (writeOffId === null) return;
    const row = await office.call('writeOffs.decide', {
      writeOffId,
      decision: outcome === 'approved' ? 'approve' : 'reject',
      note: outcome === 'approved' ? '同意核销，继续追偿' : '仍有追偿可能，暂不核销',
    });
    if (row?.status === 'approved') story.ended = true;
  });
  if (outcome !== 'approved') return;
  // Money still comes in now and then after the write-off: a recovery, not a payment.
  let day = showcase ? cal.recent(0.9) : addDays(decided, rng.int(15, 90));
  for (let n = showcase ? 1 : rng.int(0, 3); n > 0 && day <= asOf; n--) {
    const on = day;
    office.on(on, cal.officeHours(), story.collector, async () => {
      if (!story.ended) return;
      await office.call('recoveries.record', {
        loanId,
        date: on,
        amount: hundredsOfYuan(rng.int(5, 50)),
        method: rng.weighted(PAYMENT_CHANNELS),
        reference: `核销后追回 ${on.replaceAll('-', '')}`,
      });
    });
    day = addDays(day, rng.int(20, 90));
  }
}

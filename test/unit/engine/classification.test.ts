import { describe, expect, it } from 'vitest';
import {
  checkRules,
  classify,
  DEFAULT_RULES,
  provisionBase,
  requiredProvision,
  type ClassificationRules,
  type LoanStanding,
} from '../../../shared/engine/classification';

const fiveClass = DEFAULT_RULES['five-class'];
const ifrs9 = DEFAULT_RULES.ifrs9;
const plain: LoanStanding = { daysPastDue: 0, restructuredOn: null, inLegal: false, override: null };
const withBands = (bands: ClassificationRules['bands']): ClassificationRules => ({ ...fiveClass, bands });

describe('five-class grades by days past due (the default bands)', () => {
  it.each([
    [0, 'normal'],
    [1, 'special-mention'],
    [90, 'special-mention'],
    [91, 'substandard'],
    [270, 'substandard'],
    [271, 'doubtful'],
    [360, 'doubtful'],
    [361, 'loss'],
    [4000, 'loss'],
  ] as const)('%i days → %s', (days, grade) => {
    const c = classify(fiveClass, { ...plain, daysPastDue: days }, '2026-06-30');
    expect(c.grade).toBe(grade);
    expect(c.reasons).toEqual([{ kind: 'days', days, grade }]);
  });
});

describe('floors', () => {
  it('a restructured loan is at least substandard for 12 months from approval, upgraded only after', () => {
    const standing = { ...plain, daysPastDue: 0, restructuredOn: '2026-01-31' };
    const during = classify(fiveClass, standing, '2027-01-30');
    expect(during.grade).toBe('substandard');
    expect(during.reasons[1]).toEqual({
      kind: 'restructured',
      on: '2026-01-31',
      until: '2027-01-31',
      grade: 'substandard',
    });
    expect(classify(fiveClass, standing, '2027-01-31').grade).toBe('normal');
  });

  it('the floor never improves a worse grade, and then gives no reason', () => {
    const c = classify(fiveClass, { ...plain, daysPastDue: 300, restructuredOn: '2026-05-01' }, '2026-06-30');
    expect(c.grade).toBe('doubtful');
    expect(c.reasons.map((r) => r.kind)).toEqual(['days']);
  });

  it('a loan in legal is at least substandard (stage 3 under IFRS 9)', () => {
    expect(classify(fiveClass, { ...plain, daysPastDue: 10, inLegal: true }, '2026-06-30')).toMatchObject({
      grade: 'substandard',
      reasons: [{ kind: 'days' }, { kind: 'legal', grade: 'substandard' }],
    });
    expect(classify(ifrs9, { ...plain, inLegal: true }, '2026-06-30').grade).toBe('stage-3');
  });

  it('IFRS 9: ≤ 30 days stage 1, 31–90 stage 2, over 90 stage 3, restructured at least stage 2', () => {
    const at = (days: number) => classify(ifrs9, { ...plain, daysPastDue: days }, '2026-06-30').grade;
    expect([at(0), at(30), at(31), at(90), at(91)]).toEqual([
      'stage-1',
      'stage-1',
      'stage-2',
      'stage-2',
      'stage-3',
    ]);
    expect(classify(ifrs9, { ...plain, restructuredOn: '2026-06-01' }, '2026-06-30').grade).toBe('stage-2');
  });
});

describe('override', () => {
  it('sets the grade, keeps what the rules say and why', () => {
    const c = classify(
      fiveClass,
      { ...plain, daysPastDue: 5, override: { grade: 'doubtful', reason: 'borrower fled' } },
      '2026-06-30',
    );
    expect(c).toEqual({
      grade: 'doubtful',
      ruled: 'special-mention',
      reasons: [
        { kind: 'days', days: 5, grade: 'special-mention' },
        { kind: 'override', reason: 'borrower fled', grade: 'doubtful' },
      ],
    });
  });
});

describe('provisions', () => {
  it('is the grade’s rate of outstanding principal, rounded once, half up, to the cent', () => {
    // 25% of ¥3.33 is 83.25 fen → 83; of ¥0.02 is 0.5 fen → 1.
    expect(requiredProvision(fiveClass, 'substandard', 333)).toBe(83);
    expect(requiredProvision(fiveClass, 'substandard', 2)).toBe(1);
    expect(requiredProvision(fiveClass, 'loss', 123_456_789)).toBe(123_456_789);
    expect(
      requiredProvision({ ...fiveClass, provisionPercent: { normal: '1.5' } }, 'normal', 1_000_001),
    ).toBe(15_000);
  });

  it('counts overdue interest only when the setting says so', () => {
    const amounts = { outstandingPrincipal: 100_000, overdueInterest: 2_500 };
    expect(provisionBase(fiveClass, amounts)).toBe(100_000);
    expect(provisionBase({ ...fiveClass, provisionOnInterest: true }, amounts)).toBe(102_500);
  });
});

describe('rules a person typed are checked', () => {
  it('the defaults of both profiles are sound', () => {
    expect(checkRules(fiveClass)).toEqual([]);
    expect(checkRules(ifrs9)).toEqual([]);
  });

  it('refuses overlapping and gapped ranges, a first band after 0 and a closed last band', () => {
    const b = fiveClass.bands;
    const overlap = withBands([b[0]!, { ...b[1]!, toDays: 100 }, b[2]!, b[3]!, b[4]!]);
    expect(checkRules(overlap)).toEqual([
      { code: 'classification.bandsOverlap', params: { after: 100, next: 91 } },
    ]);
    const gap = withBands([b[0]!, { ...b[1]!, toDays: 80 }, b[2]!, b[3]!, b[4]!]);
    expect(checkRules(gap)).toEqual([{ code: 'classification.bandsGap', params: { after: 80, next: 91 } }]);
    const late = withBands([
      { ...b[0]!, fromDays: 1, toDays: 1 },
      { ...b[1]!, fromDays: 2 },
      b[2]!,
      b[3]!,
      b[4]!,
    ]);
    expect(checkRules(late)).toEqual([
      { code: 'classification.bandsStartAtZero', params: { grade: 'normal' } },
    ]);
    const closed = withBands([b[0]!, b[1]!, b[2]!, b[3]!, { ...b[4]!, toDays: 999 }]);
    expect(checkRules(closed)).toEqual([{ code: 'classification.bandsLastOpen', params: { grade: 'loss' } }]);
  });

  it('refuses a band list that is not the profile’s grades in order', () => {
    const b = fiveClass.bands;
    expect(checkRules(withBands([b[0]!, b[2]!, b[1]!, b[3]!, b[4]!]))[0]).toEqual({
      code: 'classification.bandsGrades',
      params: { expected: 'normal, special-mention, substandard, doubtful, loss' },
    });
  });

  it.each(['101', '-1', '', 'abc', '100.00001'])('refuses a rate of "%s"', (value) => {
    const rules = { ...fiveClass, provisionPercent: { ...fiveClass.provisionPercent, doubtful: value } };
    expect(checkRules(rules)).toEqual([
      { code: 'classification.ratePercent', params: { grade: 'doubtful', value } },
    ]);
  });

  it('accepts 0% and 100%, and refuses a floor of the other profile', () => {
    const rates = { ...fiveClass.provisionPercent, normal: '0', loss: '100.0' };
    expect(checkRules({ ...fiveClass, provisionPercent: rates })).toEqual([]);
    expect(checkRules({ ...fiveClass, legalFloor: 'stage-3' })).toEqual([
      { code: 'classification.gradeOfOtherProfile', params: { grade: 'stage-3' } },
    ]);
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOAN_STATUSES, type LoanStatus } from '../../../shared/contract';
import { I18N_OPTIONS, resources } from '../../../shared/i18n/resources';
import { LoanStandingBadges, StatusBadge, loanStanding } from '../../../renderer/src/components/badges';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ ...I18N_OPTIONS, ns: [...I18N_OPTIONS.ns], resources, lng: 'en' });
});

const standing = (status: LoanStatus, dpd = 0) =>
  renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(LoanStandingBadges, { status, dpd, bucket: dpd === 0 ? 'current' : '31-60' }),
    ),
  );

describe("a loan's badges follow its status first", () => {
  it('shows a settled loan as Closed, never as a green Current', () => {
    const html = standing('closed');
    expect(html).toContain('>Closed<');
    expect(html).not.toContain('Current');
    expect(html).not.toContain('badge-ok');
  });

  it('never gives green to a written-off, legal or restructured loan, whatever its DPD', () => {
    for (const status of ['written-off', 'legal', 'restructured', 'repossessed', 'draft'] as const) {
      for (const dpd of [0, 45]) {
        const statusBadge = loanStanding(status, dpd, dpd === 0 ? 'current' : '31-60')[0]!;
        expect(statusBadge).toMatchObject({ kind: 'status', status });
        expect(statusBadge.tone).not.toBe('badge-ok');
      }
    }
    expect(standing('written-off', 0)).toContain('>Written off<');
    expect(standing('written-off', 0)).not.toContain('Current');
  });

  it('tells an active loan by its DPD bucket: green when current, amber when 31–60 days late', () => {
    expect(loanStanding('active', 0, 'current')).toEqual([
      { kind: 'dpd', dpd: 0, bucket: 'current', tone: 'badge-ok' },
    ]);
    expect(standing('active', 45)).toContain('badge-warn');
    expect(standing('active', 45)).toContain('45');
  });

  it('keeps the DPD beside the status while a legal loan still owes', () => {
    expect(loanStanding('legal', 45, '31-60').map((b) => b.kind)).toEqual(['status', 'dpd']);
    expect(loanStanding('closed', 0, 'current').map((b) => b.kind)).toEqual(['status']);
  });

  it('gives green to no status at all, so the status badge alone never reads as healthy', () => {
    for (const status of LOAN_STATUSES) {
      const html = renderToStaticMarkup(
        createElement(I18nextProvider, { i18n }, createElement(StatusBadge, { status })),
      );
      expect(html).not.toContain('badge-ok');
    }
  });
});

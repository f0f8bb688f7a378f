import { useState, type ReactNode } from 'react';
import { ReasonDialog } from '../../components/ReasonDialog';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CollateralDetail } from '../../../../shared/contract';
import { useApi } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { StatusBadge } from '../../components/badges';
import { Dialog } from '../../components/Dialog';
import { Card, Facts, Page } from '../../components/Page';
import { PrintButton } from '../../components/PrintButton';
import { AlertList } from './AlertList';
import { Attachments } from './Attachments';
import { ItemForm } from './ItemForm';
import { RepossessionPanel } from './RepossessionPanel';
import { ValuationChart } from './ValuationChart';
import { ValuationDialog } from './ValuationDialog';
import { LtvBadge, useCollateralMutation } from './shared-ui';
import './collateral.css';

function DetailFacts({ item }: { item: CollateralDetail }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const yes = (b: boolean) => (b ? t('collateral.yes') : t('collateral.no'));
  const d = item.details;
  const rows: [ReactNode, ReactNode][] =
    d.kind === 'vehicle'
      ? [
          [
            t('collateral.vin'),
            <span key="vin">
              <code>{d.vin}</code>
              {item.vinCheckDigitOk === false && (
                <span className="badge badge-warn" title={t('collateral.vinCheckHelp')}>
                  {t('collateral.vinCheckWarning')}
                </span>
              )}
            </span>,
          ],
          [t('collateral.plate'), d.plate || '—'],
          // An imported item may not have them yet: its alert says so; nothing is made up here.
          [
            t('collateral.makeModel'),
            [[d.make, d.model].filter(Boolean).join(' '), d.year || ''].filter(Boolean).join(' · ') || '—',
          ],
          [t('collateral.colour'), d.colour || '—'],
          [t('collateral.mileage'), prefs.number(d.mileageKm)],
          [t('collateral.holdsRegistration'), yes(d.holdsRegistrationCertificate)],
          [t('collateral.holdsSpareKey'), yes(d.holdsSpareKey)],
          [t('collateral.gps'), d.gpsInstalled ? d.gpsDeviceId : t('collateral.no')],
          [
            t('collateral.insurance'),
            [d.insurer, d.insurancePolicyNo, d.insuranceExpiry && prefs.date(d.insuranceExpiry)]
              .filter(Boolean)
              .join(' · ') || '—',
          ],
          [t('collateral.parking'), d.parkingLocation || '—'],
        ]
      : [
          [t('collateral.address'), d.address],
          [t('collateral.propertyType'), t(`collateral.propertyTypes.${d.propertyType}`)],
          [t('collateral.floorArea'), d.floorAreaM2 ? `${d.floorAreaM2} m²` : '—'],
          [t('collateral.titleNo'), d.titleCertificateNo || '—'],
          [t('collateral.holdsTitle'), yes(d.holdsTitleCertificate)],
          [
            t('collateral.mortgageNo'),
            d.mortgageRegistrationNo
              ? `${d.mortgageRegistrationNo}${d.mortgageRegistrationDate ? ` · ${prefs.date(d.mortgageRegistrationDate)}` : ''}`
              : '—',
          ],
          [t('collateral.holdsMortgage'), yes(d.holdsMortgageRegistration)],
          [
            t('collateral.lienPosition'),
            d.lienPosition === 2
              ? `${t('collateral.lien.2')} · ${t('collateral.priorLien')} ${prefs.money(d.priorLienAmount)}`
              : t('collateral.lien.1'),
          ],
          [t('collateral.owner'), d.ownerKind === 'borrower' ? t('collateral.owners.borrower') : d.ownerName],
          [t('collateral.occupancy'), t(`collateral.occupancies.${d.occupancy}`)],
        ];
  return (
    <Facts
      items={[
        [
          t('loans.borrower'),
          <Link key="b" to={`/borrowers/${item.borrowerId}`}>
            {item.borrowerName}
          </Link>,
        ],
        ...(item.description
          ? [[t('collateral.description'), item.description] as [ReactNode, ReactNode]]
          : []),
        ...rows,
        ...(item.notes ? [[t('collateral.notes'), item.notes] as [ReactNode, ReactNode]] : []),
      ]}
    />
  );
}

function Valuations({ item, today }: { item: CollateralDetail; today: string }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const voidValuation = useCollateralMutation('collateral.voidValuation');
  const [adding, setAdding] = useState(false);
  const [voiding, setVoiding] = useState<number | null>(null);
  const voidOne = (id: number) => {
    voidValuation.reset();
    setVoiding(id);
  };
  return (
    <Card title={t('collateral.valuation.title')}>
      <ReasonDialog
        open={voiding !== null}
        title={t('collateral.valuation.void')}
        question={t('collateral.valuation.voidReason')}
        pending={voidValuation.isPending}
        error={voidValuation.error}
        onConfirm={(reason) =>
          voidValuation.mutate({ id: voiding!, reason }, { onSuccess: () => setVoiding(null) })
        }
        onClose={() => setVoiding(null)}
      />
      <div className="stats">
        <div className="stat" data-testid="current-value">
          <span className="label">{t('collateral.currentValue')}</span>
          <span className="value">{prefs.money(item.currentValue)}</span>
          <span className="muted">
            {item.currentValuationDate
              ? prefs.date(item.currentValuationDate)
              : t('collateral.valuation.none')}
          </span>
        </div>
        {item.estimate && (
          <div className="stat estimate-note" data-testid="depreciated-estimate">
            <span className="label">{t('collateral.estimate.label')}</span>
            <span className="value">{prefs.money(item.estimate.value)}</span>
            <span className="muted">
              {t('collateral.estimate.explain', {
                rate: item.estimate.ratePercent,
                amount: prefs.money(item.estimate.fromValue),
                date: prefs.date(item.estimate.fromDate),
              })}
            </span>
          </div>
        )}
      </div>
      <ValuationChart item={item} today={today} />
      {item.valuations.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th>{t('collateral.valuation.date')}</th>
              <th>{t('collateral.valuation.source')}</th>
              <th className="num">{t('collateral.valuation.value')}</th>
              <th>{t('collateral.valuation.by')}</th>
              <th>{t('collateral.valuation.documents')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {[...item.valuations].reverse().map((v) => (
              <tr key={v.id} className={v.voided ? 'muted' : ''}>
                <td>{prefs.date(v.date)}</td>
                <td>{t(`collateral.sources.${v.source}`)}</td>
                <td className="num">{v.voided ? <s>{prefs.money(v.value)}</s> : prefs.money(v.value)}</td>
                <td>
                  {v.valuedBy}
                  {v.note && <div className="muted">{v.note}</div>}
                  {v.voided && (
                    <div>
                      {t('collateral.valuation.voided', { by: v.voided.by, reason: v.voided.reason })}
                    </div>
                  )}
                </td>
                <td>{v.documents.map((d) => d.fileName).join(', ') || '—'}</td>
                <td>
                  {!v.voided && (
                    <button type="button" className="btn btn-small" onClick={() => voidOne(v.id)}>
                      {t('collateral.valuation.void')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {voidValuation.error && <ErrorPanel error={voidValuation.error} />}
      {item.status === 'active' && (
        <div className="toolbar">
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            {t('collateral.valuation.add')}
          </button>
        </div>
      )}
      <Dialog open={adding} title={t('collateral.valuation.add')} onClose={() => setAdding(false)} wide>
        <ValuationDialog itemId={item.id} today={today} onDone={() => setAdding(false)} />
      </Dialog>
    </Card>
  );
}

function Coverage({ item }: { item: CollateralDetail }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const ltvLoans = new Set(item.alerts.filter((a) => a.kind === 'ltv').map((a) => a.loanId));
  return (
    <Card title={t('collateral.coverage')}>
      <table className="grid">
        <thead>
          <tr>
            <th>{t('loans.number')}</th>
            <th>{t('loans.status')}</th>
            <th className="num">{t('collateral.share')}</th>
            <th className="num">{t('collateral.loanCollateral')}</th>
            <th className="num">{t('collateral.exposure')}</th>
            <th>{t('collateral.ltv')}</th>
          </tr>
        </thead>
        <tbody>
          {item.loans.map((l) => (
            <tr key={l.loanId}>
              <td>
                <Link to={`/loans/${l.loanId}`}>{l.number}</Link>
              </td>
              <td>
                <StatusBadge status={l.status} />
              </td>
              <td className="num">{prefs.money(l.share)}</td>
              <td className="num">{prefs.money(l.value)}</td>
              <td className="num">{prefs.money(l.exposure)}</td>
              <td>
                <LtvBadge basisPoints={l.ltvBasisPoints} alert={ltvLoans.has(l.loanId)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('collateral.alerts')}</h3>
      <AlertList alerts={item.alerts} />
    </Card>
  );
}

export function CollateralDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const item = useApi('collateral.get', { id });
  const info = useApi('system.info', {});
  const release = useCollateralMutation('collateral.release');
  const [editing, setEditing] = useState(false);
  const [releasing, setReleasing] = useState(false);
  const [warnings, setWarnings] = useState<string[]>([]);
  if (item.error) throw item.error;
  const i = item.data;
  if (!i || !info.data) return null;
  const today = info.data.today;
  const releaseItem = () => {
    release.reset();
    setReleasing(true);
  };
  return (
    <Page
      title={
        <>
          {i.label} <span className="badge">{t(`collateral.statuses.${i.status}`)}</span>
        </>
      }
      actions={
        <>
          <PrintButton suggestedName={`collateral-${i.id}`} />
          {i.status === 'active' && (
            <>
              <button type="button" className="btn" onClick={() => setEditing(true)}>
                {t('collateral.edit')}
              </button>
              <button type="button" className="btn" onClick={releaseItem}>
                {t('collateral.release')}
              </button>
            </>
          )}
        </>
      }
    >
      <ReasonDialog
        open={releasing}
        title={t('collateral.release')}
        question={t('collateral.releaseReason')}
        pending={release.isPending}
        error={release.error}
        onConfirm={(reason) => release.mutate({ id, reason }, { onSuccess: () => setReleasing(false) })}
        onClose={() => setReleasing(false)}
      />
      {warnings.map((w) => (
        <p key={w} className="field-hint" role="status">
          ⚠ {w}
        </p>
      ))}
      <div className="two-col">
        <Card title={t(`collateral.kinds.${i.kind}`)}>
          <DetailFacts item={i} />
        </Card>
        <Coverage item={i} />
      </div>
      <Valuations item={i} today={today} />
      <Attachments rows={i.attachments} target={{ itemId: i.id }} />
      <RepossessionPanel item={i} today={today} />
      <Dialog open={editing} title={t('collateral.edit')} onClose={() => setEditing(false)} wide>
        <ItemForm
          existing={i}
          today={today}
          onDone={(r) => {
            setWarnings(r.warnings);
            setEditing(false);
          }}
        />
      </Dialog>
    </Page>
  );
}

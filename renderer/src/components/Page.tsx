import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The frame of every screen: a heading, optional actions on the right, then the content. */
export function Page({
  title,
  actions,
  children,
  printTitle = true,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  /** False when the printed document carries its own heading (receipts, letters). */
  printTitle?: boolean;
}) {
  return (
    <section className={printTitle ? 'page' : 'page print-no-title'} aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      <div className="page-body">{children}</div>
    </section>
  );
}

export function Card({
  title,
  children,
  className,
}: {
  title?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`card ${className ?? ''}`}>
      {title && <h2 className="card-title">{title}</h2>}
      {children}
    </div>
  );
}

/** A term/value list for record details. */
export function Facts({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([term, value], i) => (
        <div key={i} className="fact">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Said plainly where a feature has not landed yet, instead of inventing numbers. */
export function NotTrackedYet() {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <strong>{t('common.notTrackedYet')}</strong>
      <p>{t('common.notTrackedYetHint')}</p>
    </div>
  );
}

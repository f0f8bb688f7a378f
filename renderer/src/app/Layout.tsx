import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './ErrorBoundary';
import { NAV_ITEMS } from './nav';
import { SearchPalette } from '../features/search/SearchPalette';
import { SignedInAs } from '../features/access/AuthGate';
import { OfficeChanges } from '../features/office/OfficeChanges';

/** Sidebar plus content. Every nav entry is a real link, so Tab and Enter work without a mouse. */
export function Layout() {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <nav aria-label={t('app.nav.main')}>
          <ul>
            {NAV_ITEMS.map((item) => (
              <li key={item.path}>
                <NavLink
                  to={item.path}
                  end={item.path === '/'}
                  className={({ isActive }) => (isActive ? 'active' : '')}
                >
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar-search">
          <SearchPalette />
        </div>
        <SignedInAs />
      </aside>
      <main id="main" className="content" tabIndex={-1}>
        <OfficeChanges />
        <ErrorBoundary>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}

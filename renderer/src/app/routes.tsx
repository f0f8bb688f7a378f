import { createHashRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { PendingFeaturePage } from '../features/pending/PendingFeaturePage';

export const NAV_ITEMS = [
  { path: '/', label: 'nav.dashboard' },
  { path: '/borrowers', label: 'nav.borrowers' },
  { path: '/loans', label: 'nav.loans' },
  { path: '/collateral', label: 'nav.collateral' },
  { path: '/collections', label: 'nav.collections' },
  { path: '/plans', label: 'nav.plans' },
  { path: '/reports', label: 'nav.reports' },
  { path: '/settings', label: 'nav.settings' },
] as const;

const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'borrowers', element: <PendingFeaturePage title="nav.borrowers" /> },
      { path: 'loans', element: <PendingFeaturePage title="nav.loans" /> },
      { path: 'collateral', element: <PendingFeaturePage title="nav.collateral" /> },
      { path: 'collections', element: <PendingFeaturePage title="nav.collections" /> },
      { path: 'plans', element: <PendingFeaturePage title="nav.plans" /> },
      { path: 'reports', element: <PendingFeaturePage title="nav.reports" /> },
      { path: 'settings', element: <SettingsPage /> },
    ],
  },
];

// Hash routing: the app is served from a custom protocol (and, in tests, a static server), and
// a reload must land on the same screen without any server-side route table.
export const createRouter = () => createHashRouter(routes);

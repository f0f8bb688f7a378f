import { createHashRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { PendingFeaturePage } from '../features/pending/PendingFeaturePage';
import { BorrowersPage } from '../features/borrowers/BorrowersPage';
import { BorrowerDetailPage } from '../features/borrowers/BorrowerDetailPage';
import { LoansPage } from '../features/loans/LoansPage';
import { NewLoanPage } from '../features/loans/NewLoanPage';
import { LoanDetailPage } from '../features/loans/LoanDetailPage';
import { ReceiptPage } from '../features/payments/ReceiptPage';

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
      { path: 'borrowers', element: <BorrowersPage /> },
      { path: 'borrowers/:id', element: <BorrowerDetailPage /> },
      { path: 'loans', element: <LoansPage /> },
      { path: 'loans/new', element: <NewLoanPage /> },
      { path: 'loans/:id', element: <LoanDetailPage /> },
      { path: 'payments/:id/receipt', element: <ReceiptPage /> },
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

import { createHashRouter, type RouteObject } from 'react-router';
import { Layout } from './Layout';
export { NAV_ITEMS } from './nav';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ReportPage } from '../features/reports/ReportPage';
import { LedgerPage } from '../features/ledger/LedgerPage';
import { ImportPage } from '../features/import/ImportPage';
import { BorrowersPage } from '../features/borrowers/BorrowersPage';
import { BorrowerDetailPage } from '../features/borrowers/BorrowerDetailPage';
import { LoansPage } from '../features/loans/LoansPage';
import { NewLoanPage } from '../features/loans/NewLoanPage';
import { LoanDetailPage } from '../features/loans/LoanDetailPage';
import { ReceiptPage } from '../features/payments/ReceiptPage';
import { CollateralRegisterPage } from '../features/collateral/CollateralRegisterPage';
import { CollateralDetailPage } from '../features/collateral/CollateralDetailPage';
import { WorklistPage } from '../features/collections/WorklistPage';
import { AccountPage } from '../features/collections/AccountPage';
import { DossierPage } from '../features/collections/DossierPage';
import { LetterPage } from '../features/collections/LetterPage';
import { LegalCasePage, LegalCasesPage } from '../features/collections/LegalPages';
import { PlansPage } from '../features/plans/PlansPage';
import { PlanComparePage } from '../features/plans/PlanComparePage';
import { PlanAgreementPage } from '../features/plans/PlanAgreementPage';

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
      { path: 'collateral', element: <CollateralRegisterPage /> },
      { path: 'collateral/:id', element: <CollateralDetailPage /> },
      { path: 'collections', element: <WorklistPage /> },
      { path: 'collections/loans/:loanId', element: <AccountPage /> },
      { path: 'collections/visits/:id/dossier', element: <DossierPage /> },
      { path: 'collections/loans/:loanId/letter', element: <LetterPage /> },
      { path: 'collections/legal', element: <LegalCasesPage /> },
      { path: 'collections/legal/:id', element: <LegalCasePage /> },
      { path: 'plans', element: <PlansPage /> },
      { path: 'plans/:id/agreement', element: <PlanAgreementPage /> },
      { path: 'loans/:id/plans', element: <PlanComparePage /> },
      { path: 'reports', element: <ReportPage /> },
      { path: 'ledger', element: <LedgerPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'settings/:section', element: <SettingsPage /> },
    ],
  },
];

// Hash routing: the app is served from a custom protocol (and, in tests, a static server), and
// a reload must land on the same screen without any server-side route table.
export const createRouter = () => createHashRouter(routes);

import { ApprovalsCard } from './ApprovalsCard';
import { AuditCard } from './AuditCard';
import { useCurrentUser } from './current-user';

/** The Settings cards for approvals and the audit trail, shown to those allowed to use them. */
export function AccessSettingsCards() {
  const { may } = useCurrentUser();
  return (
    <>
      {may('approvals.decide') && <ApprovalsCard />}
      {may('audit.read') && <AuditCard />}
    </>
  );
}

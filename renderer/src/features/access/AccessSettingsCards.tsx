import { ApprovalsCard } from './ApprovalsCard';
import { AuditCard } from './AuditCard';
import { useCurrentUser } from './current-user';
import { BackupCard } from './BackupCard';
import { UsersCard } from './UsersCard';

/** The Settings cards for approvals, the audit trail, backups and users, shown to those allowed to use them. */
export function AccessSettingsCards() {
  const { may } = useCurrentUser();
  return (
    <>
      {may('approvals.decide') && <ApprovalsCard />}
      {may('audit.read') && <AuditCard />}
      {may('backups.manage') && <BackupCard />}
      {may('users.manage') && <UsersCard />}
    </>
  );
}

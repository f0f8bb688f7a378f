import { useApi } from '../../api/hooks';
import { ApprovalsCard } from './ApprovalsCard';
import { AuditCard } from './AuditCard';
import { BackupCard } from './BackupCard';

/** The Settings cards for approvals, the audit trail and backups, shown to those allowed to use them. */
export function AccessSettingsCards() {
  const status = useApi('auth.status', {});
  const may = (permission: string) => status.data?.user?.permissions.includes(permission) ?? false;
  return (
    <>
      {may('approvals.decide') && <ApprovalsCard />}
      {may('audit.read') && <AuditCard />}
      {may('backups.manage') && <BackupCard />}
    </>
  );
}

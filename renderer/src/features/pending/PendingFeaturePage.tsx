import { useTranslation } from 'react-i18next';
import { NotTrackedYet, Page } from '../../components/Page';

/** A sidebar destination whose feature has not landed in this release. */
export function PendingFeaturePage({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t(title)}>
      <NotTrackedYet />
    </Page>
  );
}

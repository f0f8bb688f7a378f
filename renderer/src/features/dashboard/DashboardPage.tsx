import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { Card, Facts, Page } from '../../components/Page';
import { usePrefs } from '../../app/prefs';

export function DashboardPage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const info = useApi('system.info', {});
  return (
    <Page title={t('dashboard.title')}>
      <Card title={t('dashboard.welcome')}>
        {info.data && (
          <Facts
            items={[
              [t('dashboard.today', { date: '' }).trim(), prefs.date(info.data.today)],
              [t('dashboard.database'), <code key="db">{info.data.databasePath}</code>],
            ]}
          />
        )}
      </Card>
    </Page>
  );
}

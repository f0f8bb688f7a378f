import { useTranslation } from 'react-i18next';
import logoUrl from '../../../resources/icon.svg';

/** The app's mark, name and tagline, above the cards shown before the app itself (sign-in, first run). */
export function AppBrand() {
  const { t } = useTranslation();
  return (
    <div className="sign-in-brand">
      <img src={logoUrl} alt="" width={56} height={56} />
      <div>
        <div className="sign-in-app">{t('app.name')}</div>
        <div className="muted">{t('app.tagline')}</div>
      </div>
    </div>
  );
}

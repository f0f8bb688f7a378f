import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import type { Locale } from '../../../shared/contract';

// The kit's styles sit in the `mantine` cascade layer, so app.css (unlayered) always wins where
// the two meet: the app keeps one look, and Mantine brings behaviour (focus traps, typed dates,
// grouped number entry) more than paint.
// Only the parts the app uses, not the whole kit's stylesheet (300 kB): the theme's variables and
// the components named below. A component added from the kit needs its file added here.
import '@mantine/core/styles/default-css-variables.layer.css';
import '@mantine/core/styles/global.layer.css';
import '@mantine/core/styles/UnstyledButton.layer.css';
import '@mantine/core/styles/CloseButton.layer.css';
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/Paper.layer.css';
import '@mantine/core/styles/ModalBase.layer.css';
import '@mantine/core/styles/Modal.layer.css';
import '@mantine/core/styles/Input.layer.css';
import '@mantine/core/styles/NumberInput.layer.css';
import '@mantine/core/styles/Popover.layer.css';
import '@mantine/core/styles/Loader.layer.css';
import '@mantine/core/styles/Notification.layer.css';
import '@mantine/dates/styles.layer.css';
import '@mantine/notifications/styles.layer.css';

const theme = createTheme({
  fontFamily: 'inherit',
  defaultRadius: 'sm',
  primaryColor: 'blue',
});

const DAYJS_LOCALE: Record<Locale, string> = { en: 'en', 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw' };

/**
 * The component kit for the whole window. The renderer's CSP allows no inline <style>, so the
 * provider writes none: its theme variables are set in app.css instead (withCssVariables off),
 * and nothing here uses the responsive style props that would inject one.
 */
export function KitProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <MantineProvider theme={theme} withCssVariables={false} withGlobalClasses={false}>
      <DatesProvider settings={{ locale: DAYJS_LOCALE[locale] ?? 'en', firstDayOfWeek: 1 }}>
        <Notifications position="bottom-right" limit={3} />
        {children}
      </DatesProvider>
    </MantineProvider>
  );
}

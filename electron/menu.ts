import { matchLocale } from '../shared/i18n/match-locale';
import { translator } from '../shared/i18n/translator';
import type { Resources } from '../shared/i18n/resources';
import type { Locale } from '../shared/contract/system';
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  backUp(): void;
  print(): void;
  quit(): void;
  about(): void;
}

const MENU_ITEMS = [
  'file',
  'backUp',
  'print',
  'quit',
  'view',
  'reload',
  'zoomIn',
  'zoomOut',
  'resetZoom',
  'fullScreen',
  'help',
  'about',
] as const satisfies readonly (keyof Resources['app']['menu'])[];

export type MenuLabels = Record<(typeof MENU_ITEMS)[number], string>;

function menuLabels(locale: Locale): MenuLabels {
  const t = translator(locale);
  return Object.fromEntries(MENU_ITEMS.map((item) => [item, t(`app.menu.${item}`)])) as MenuLabels;
}

/** The menu's words, from the same resources as the window (app.json, `menu`). */
export const MENU_LABELS: Record<Locale, MenuLabels> = {
  en: menuLabels('en'),
  'zh-CN': menuLabels('zh-CN'),
  'zh-TW': menuLabels('zh-TW'),
};

/** Same rule as the renderer's matchLocale, so the menu and the window never differ in script. */
export function pickMenuLabels(locale: string): MenuLabels {
  return MENU_LABELS[matchLocale(locale)];
}

/** The native menu: File (Back up…, Print…, Quit), View, Help. No developer tools in production. */
export function buildMenuTemplate(labels: MenuLabels, actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    {
      label: labels.file,
      submenu: [
        { label: labels.backUp, accelerator: 'CmdOrCtrl+Shift+B', click: () => actions.backUp() },
        { label: labels.print, accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
        { type: 'separator' },
        { label: labels.quit, accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: labels.view,
      submenu: [
        { label: labels.reload, role: 'reload' },
        { type: 'separator' },
        { label: labels.zoomIn, role: 'zoomIn' },
        { label: labels.zoomOut, role: 'zoomOut' },
        { label: labels.resetZoom, role: 'resetZoom' },
        { type: 'separator' },
        { label: labels.fullScreen, role: 'togglefullscreen' },
      ],
    },
    { label: labels.help, submenu: [{ label: labels.about, click: () => actions.about() }] },
  ];
}

import { matchLocale } from '../shared/i18n/match-locale';
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  backUp(): void;
  print(): void;
  quit(): void;
  about(): void;
}

export type MenuLabels = Record<
  | 'file'
  | 'backUp'
  | 'print'
  | 'quit'
  | 'view'
  | 'reload'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'fullScreen'
  | 'help'
  | 'about',
  string
>;

export const MENU_LABELS: Record<'en' | 'zh-CN' | 'zh-TW', MenuLabels> = {
  en: {
    file: '&File',
    backUp: 'Back Up…',
    print: 'Print…',
    quit: 'Quit',
    view: '&View',
    reload: 'Reload',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullScreen: 'Full Screen',
    help: '&Help',
    about: 'About Pledgebook',
  },
  'zh-CN': {
    file: '文件(&F)',
    backUp: '备份…',
    print: '打印…',
    quit: '退出',
    view: '视图(&V)',
    reload: '重新加载',
    zoomIn: '放大',
    zoomOut: '缩小',
    resetZoom: '实际大小',
    fullScreen: '全屏',
    help: '帮助(&H)',
    about: '关于 Pledgebook',
  },
  'zh-TW': {
    file: '檔案(&F)',
    backUp: '備份…',
    print: '列印…',
    quit: '結束',
    view: '檢視(&V)',
    reload: '重新載入',
    zoomIn: '放大',
    zoomOut: '縮小',
    resetZoom: '實際大小',
    fullScreen: '全螢幕',
    help: '說明(&H)',
    about: '關於 Pledgebook',
  },
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

import type { BaseWindow, KeyboardEvent, MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, MENU_LABELS, pickMenuLabels } from '../../../electron/menu';
import { matchLocale } from '../../../shared/i18n/match-locale';

function fakeActions() {
  return {
    backUp: vi.fn<() => void>(),
    print: vi.fn<() => void>(),
    quit: vi.fn<() => void>(),
    about: vi.fn<() => void>(),
  };
}

const submenuOf = (item: MenuItemConstructorOptions | undefined) =>
  (item?.submenu ?? []) as MenuItemConstructorOptions[];
const labelled = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator');
const click = (item: MenuItemConstructorOptions | undefined) =>
  item?.click?.({} as MenuItem, undefined as unknown as BaseWindow, {} as KeyboardEvent);

/** What a lender sees in each language, written out so a wrong translation fails the test. */
const EXPECTED = {
  en: { file: '&File', view: '&View', help: '&Help', items: ['Back Up…', 'Print…', 'Quit'] },
  'zh-CN': { file: '文件(&F)', view: '视图(&V)', help: '帮助(&H)', items: ['备份…', '打印…', '退出'] },
  'zh-TW': { file: '檔案(&F)', view: '檢視(&V)', help: '說明(&H)', items: ['備份…', '列印…', '結束'] },
} as const;

describe.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('the %s menu', (locale) => {
  const expected = EXPECTED[locale];
  const template = buildMenuTemplate(MENU_LABELS[locale], fakeActions());

  it('has File, View and Help, in that order', () => {
    expect(template.map((m) => m.label)).toEqual([expected.file, expected.view, expected.help]);
  });

  it('offers Back up…, Print… and Quit under File', () => {
    expect(labelled(submenuOf(template[0])).map((i) => i.label)).toEqual(expected.items);
  });

  it('labels every item, with no empty or untranslated entries', () => {
    const all = template.flatMap((m) => [m, ...labelled(submenuOf(m))]);
    for (const item of all) expect(item.label?.trim()).toBeTruthy();
    if (locale !== 'en') {
      const english = new Set(Object.values(MENU_LABELS.en));
      expect(all.filter((i) => english.has(i.label ?? ''))).toEqual([]);
    }
  });
});

describe('menu actions', () => {
  it('runs the matching action for each File item and nothing else', () => {
    const actions = fakeActions();
    const [file] = buildMenuTemplate(MENU_LABELS.en, actions);
    const [backUp, print, , quit] = submenuOf(file);

    click(backUp);
    expect(actions.backUp).toHaveBeenCalledTimes(1);
    click(print);
    expect(actions.print).toHaveBeenCalledTimes(1);
    click(quit);
    expect(actions.quit).toHaveBeenCalledTimes(1);
    expect(actions.about).not.toHaveBeenCalled();
  });

  it('opens About from Help', () => {
    const actions = fakeActions();
    const help = buildMenuTemplate(MENU_LABELS['zh-TW'], actions)[2];
    click(submenuOf(help)[0]);
    expect(actions.about).toHaveBeenCalledTimes(1);
  });

  it('gives Back up, Print and Quit their usual shortcuts', () => {
    const [file] = buildMenuTemplate(MENU_LABELS.en, fakeActions());
    expect(labelled(submenuOf(file)).map((i) => i.accelerator)).toEqual([
      'CmdOrCtrl+Shift+B',
      'CmdOrCtrl+P',
      'CmdOrCtrl+Q',
    ]);
  });

  it('offers no developer tools', () => {
    const template = buildMenuTemplate(MENU_LABELS.en, fakeActions());
    const roles = template.flatMap((m) => submenuOf(m).map((i) => i.role));
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('forceReload');
  });
});

describe('choosing the menu language from the OS locale', () => {
  it.each([
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant-MO', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-tw', 'zh-TW'],
  ] as const)('%s → %s', (osLocale, ours) => {
    expect(pickMenuLabels(osLocale)).toBe(MENU_LABELS[ours]);
  });

  it.each(['en-GB', 'zh-CN', 'zh-Hans', 'zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW', 'ZH-TW'])(
    'uses the same language as the window for %s',
    (osLocale) => {
      expect(pickMenuLabels(osLocale)).toBe(MENU_LABELS[matchLocale(osLocale)]);
    },
  );
});

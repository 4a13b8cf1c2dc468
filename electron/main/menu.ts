import { Menu, app, dialog, type MenuItemConstructorOptions } from 'electron';
import type { UiLanguage } from '../../shared/domain/codes';
import { translate } from '../../shared/i18n/index';

/** Commands the renderer runs on the screen shown (renderer/app/keyboard.ts), as the `shell:command` event. */
export type ShellCommand = 'new' | 'save' | 'search' | 'help';

/**
 * The application menu, in the user's language. New, Save, Find and Help show their keys; on
 * Windows and Linux the keys are not registered with the menu (`registerAccelerator: false`), so
 * they reach the page, whose one keyboard module handles them on the screen shown (and leaves
 * Ctrl+S in a text field to save, Ctrl+F without a search box alone); choosing the item sends the
 * same command. On macOS the page sees a key first and the menu only gets what the page left.
 */
export function buildMenu(
  language: UiLanguage,
  actions: { openDatabase: () => void; importFile: () => void; command: (command: ShellCommand) => void },
): void {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const shortcut = (label: string, command: ShellCommand, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: () => actions.command(command),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.openDatabase'), accelerator: 'CmdOrCtrl+O', click: actions.openDatabase },
        { label: t('import.menu'), accelerator: 'CmdOrCtrl+I', click: actions.importFile },
        { type: 'separator' },
        { label: t('menu.quit'), role: 'quit' },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        shortcut(t('menu.new'), 'new', 'CmdOrCtrl+N'),
        shortcut(t('menu.save'), 'save', 'CmdOrCtrl+S'),
        shortcut(t('menu.find'), 'search', 'CmdOrCtrl+F'),
        { type: 'separator' },
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: t('menu.window'), submenu: [{ role: 'minimize' }, { role: 'close' }] },
    {
      label: t('menu.help'),
      submenu: [
        shortcut(t('menu.helpScreen'), 'help', 'F1'),
        { type: 'separator' },
        {
          label: t('menu.about'),
          click: () => {
            void dialog.showMessageBox({
              type: 'info',
              title: t('app.name'),
              message: `${t('app.name')} ${app.getVersion()}`,
            });
          },
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

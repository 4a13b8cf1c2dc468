import { Menu, app, dialog, type MenuItemConstructorOptions } from 'electron';
import type { UiLanguage } from '../../shared/domain/codes';
import { translate } from '../../shared/i18n/index';

/** The application menu, in the user's language. */
export function buildMenu(language: UiLanguage, actions: { openDatabase: () => void; importFile: () => void }): void {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
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

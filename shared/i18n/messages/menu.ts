import { defineMessages } from '../define';

/** Labels of the native application menu and of the shell's message boxes. */
export const menuMessages = defineMessages(
  {
    'menu.file': 'Soubor',
    'shell.openLink.title': 'Otevřít tuto adresu v prohlížeči?',
    'shell.openLink.open': 'Otevřít v prohlížeči',
    'menu.openDatabase': 'Otevřít databázi…',
    'menu.quit': 'Ukončit',
    'menu.edit': 'Úpravy',
    'menu.view': 'Zobrazit',
    'menu.window': 'Okno',
    'menu.help': 'Nápověda',
    'menu.about': 'O aplikaci',
    'shell.openFailed': 'Databázi nelze otevřít',
    'shell.openAnother': 'Otevřít jiný soubor…',
    'shell.quit': 'Ukončit',
    'shell.restart': 'Pro otevření jiné databáze se aplikace znovu spustí.',
  },
  {
    'menu.file': 'File',
    'shell.openLink.title': 'Open this address in your browser?',
    'shell.openLink.open': 'Open in browser',
    'menu.openDatabase': 'Open database…',
    'menu.quit': 'Quit',
    'menu.edit': 'Edit',
    'menu.view': 'View',
    'menu.window': 'Window',
    'menu.help': 'Help',
    'menu.about': 'About',
    'shell.openFailed': 'The database cannot be opened',
    'shell.openAnother': 'Open another file…',
    'shell.quit': 'Quit',
    'shell.restart': 'The application restarts to open another database.',
  },
);

import { defineMessages } from '../define';

export const settingsMessages = defineMessages(
  {
    'settings.title': 'Nastavení',
    'settings.language': 'Jazyk aplikace',
    'settings.language.cs': 'čeština',
    'settings.language.en': 'angličtina (English)',
    'settings.actor': 'Vaše jméno v historii změn',
    'settings.actorHint': 'Zapisuje se do historie změn u každé úpravy.',
    'settings.actorMissing':
      'Napište své jméno. Bez něj by historie změn místo vás uváděla jen uživatelský účet počítače; nic se neuložilo.',
    'settings.database': 'Databáze',
    'settings.databasePath': 'Soubor',
    'settings.schemaVersion': 'Verze schématu',
    'settings.appVersion': 'Verze aplikace',
    'settings.counts': 'Počty záznamů',
    'settings.demo': 'Ukázková data',
    'settings.demoHint':
      'Nahraje 14 krajů, okresy, asi 40 členských obcí a jejich skutečná partnerství. Jen do prázdného registru.',
    'settings.loadDemo': 'Nahrát ukázková data',
    'settings.demoLoaded': 'Ukázková data byla nahrána.',
    'settings.saved': 'Uloženo.',
    'table.regions': 'kraje',
    'table.districts': 'okresy',
    'table.municipalities': 'obce',
    'table.foreign_towns': 'zahraniční města',
    'table.partnerships': 'partnerství',
    'table.partnership_areas': 'oblasti spolupráce',
    'table.contacts': 'kontakty',
    'table.activities': 'aktivity',
    'table.partnership_requests': 'žádosti o partnerství',
    'table.agreement_documents': 'návrhy smluv',
    'table.attachments': 'přílohy',
    'table.audit_log': 'historie změn',
    'settings.registry.title': 'Kde je registr',
    'settings.registry.kind': 'Registr',
    'settings.registry.kind.file': 'Soubor (výchozí)',
    'settings.registry.kind.server': 'Server',
    'settings.registry.open': 'Otevřený registr',
    'settings.registry.open.file': 'soubor {location}',
    'settings.registry.open.server': 'server {location}',
    'settings.registry.fileHint':
      'Registr je soubor v tomto počítači: pro jednoho uživatele, nic se neinstaluje. Soubor nesdílejte přes síťový disk; pro práci více lidí slouží registr na serveru PostgreSQL.',
    'settings.registry.noFileHere':
      'Aplikace byla spuštěna s registrem na serveru a soubor registru nemá. Pro práci v souboru ji spusťte s volbou --db SOUBOR.',
    'settings.registry.serverHint':
      'Registr na serveru PostgreSQL sdílí více pracovníků. Adresu serveru, databázi a vašeho uživatele vám sdělí jeho správce.',
    'settings.registry.host': 'Adresa serveru',
    'settings.registry.port': 'Port',
    'settings.registry.database': 'Databáze',
    'settings.registry.user': 'Uživatel databáze',
    'settings.registry.password': 'Heslo',
    'settings.registry.passwordSaved.secure':
      'Heslo je uložené zašifrované v zabezpečeném úložišti systému. Nechte pole prázdné, chcete-li ho použít.',
    'settings.registry.passwordSaved.session':
      'Heslo si aplikace pamatuje do svého ukončení. Nechte pole prázdné, chcete-li ho použít.',
    'settings.registry.keeping.secure':
      'Heslo se uloží zašifrované v zabezpečeném úložišti systému, nikdy jako čitelný text.',
    'settings.registry.keeping.session':
      'Heslo se nikam neukládá: aplikace si ho pamatuje jen do svého ukončení, pak ho zadáte znovu.',
    'settings.registry.test': 'Vyzkoušet spojení',
    'settings.registry.testing': 'Zkouším spojení…',
    'settings.registry.switchServer': 'Přepnout na tento registr',
    'settings.registry.switchFile': 'Přepnout na soubor',
    'settings.registry.switching': 'Přepínám registr…',
    'settings.registry.switchHint': 'Přepnout lze po úspěšné zkoušce spojení s těmito údaji.',
    'settings.registry.isOpen': 'Tento registr je právě otevřený.',
    'settings.registry.busy':
      'Právě běží import, export nebo dávka smluv: počkejte, až skončí, a pak registr přepněte.',
    'settings.registry.noFile':
      'Aplikace byla spuštěna s registrem na serveru a soubor registru nemá: pro práci v souboru ji spusťte s volbou --db SOUBOR.',
    'settings.registry.outcome.connected': 'Spojení funguje: {version}, uživatel databáze {user}.',
    'settings.registry.outcome.wrongPassword':
      'Špatné heslo: server odmítl heslo nebo uživatele. Zkontrolujte je (i velká a malá písmena) a zkuste to znovu.',
    'settings.registry.outcome.passwordNeeded': 'Server vyžaduje heslo: zadejte ho.',
    'settings.registry.outcome.unreachable':
      'Server je nedostupný: na této adrese a portu neodpovídá žádný databázový server. Zkontrolujte adresu, port a připojení k síti.',
    'settings.registry.outcome.noDatabase':
      'Na serveru není databáze tohoto jména. Zkontrolujte název u správce serveru.',
    'settings.registry.outcome.notAllowed':
      'Tento uživatel se k registru nesmí připojit nebo ho číst. Práva mu přidělí správce serveru.',
    'settings.registry.outcome.mustInit':
      'Tento uživatel nesmí vytvořit ani aktualizovat strukturu registru: správce musí nejdřív spustit twinreg init.',
    'settings.registry.outcome.tooNew': 'Registr vytvořila novější verze aplikace: aktualizujte aplikaci.',
    'settings.registry.outcome.failed': 'Spojení se nepodařilo.',
    'settings.registry.schema.current': 'Registr má aktuální strukturu.',
    'settings.registry.schema.create': 'Databáze zatím registr neobsahuje: při přepnutí se v ní vytvoří prázdný.',
    'settings.registry.schema.update': 'Struktura registru se při přepnutí aktualizuje pro tuto verzi aplikace.',
    'settings.registry.startFailed': 'Registr na serveru se nepodařilo otevřít',
    'settings.registry.useFile': 'Pracovat v souboru registru',
    'settings.registry.serverUrl': 'Server',
    'settings.registry.serverVersion': 'Verze serveru',
    'settings.registry.serverUnknown': 'server neodpovídá',
    'settings.registry.backups':
      'Registr na serveru zálohuje server, ne aplikace. Správce ho zálohuje nástrojem pg_dump (například každou noc) nebo průběžnou archivací s obnovou k libovolnému okamžiku (PITR); ze zálohy ho obnovuje také on. Když potřebujete vrátit stav registru, obraťte se na něj.',
    'settings.registry.noDemo':
      'Do registru na serveru, který sdílí více pracovníků, se ukázková data nenahrávají: vyzkoušejte je v souboru registru.',
    'validation.host': 'Zadejte název serveru nebo IP adresu (písmena, číslice, tečky, pomlčky, dvojtečky).',
    'validation.port': 'Zadejte port: celé číslo od 1 do 65 535.',
  },
  {
    'settings.title': 'Settings',
    'settings.language': 'Language',
    'settings.language.cs': 'Czech (čeština)',
    'settings.language.en': 'English',
    'settings.actor': 'Your name in the change history',
    'settings.actorHint': 'Written to the change history with each edit.',
    'settings.actorMissing':
      'Type your name. Without it the change history would name only the computer’s user account instead of you; nothing was saved.',
    'settings.database': 'Database',
    'settings.databasePath': 'File',
    'settings.schemaVersion': 'Schema version',
    'settings.appVersion': 'Application version',
    'settings.counts': 'Records',
    'settings.demo': 'Demo data',
    'settings.demoHint':
      'Loads the 14 regions, the districts, about 40 member municipalities and their real partnerships. Empty registry only.',
    'settings.loadDemo': 'Load demo data',
    'settings.demoLoaded': 'The demo data was loaded.',
    'settings.saved': 'Saved.',
    'table.regions': 'regions',
    'table.districts': 'districts',
    'table.municipalities': 'municipalities',
    'table.foreign_towns': 'foreign towns',
    'table.partnerships': 'partnerships',
    'table.partnership_areas': 'areas of cooperation',
    'table.contacts': 'contacts',
    'table.activities': 'activities',
    'table.partnership_requests': 'partnership requests',
    'table.agreement_documents': 'agreement drafts',
    'table.attachments': 'attachments',
    'table.audit_log': 'change history',
    'settings.registry.title': 'Where the registry is',
    'settings.registry.kind': 'Registry',
    'settings.registry.kind.file': 'File (default)',
    'settings.registry.kind.server': 'Server',
    'settings.registry.open': 'Open registry',
    'settings.registry.open.file': 'file {location}',
    'settings.registry.open.server': 'server {location}',
    'settings.registry.fileHint':
      'The registry is a file on this computer: one user, nothing to install. Do not share the file over a network drive; several staff members share a registry on a PostgreSQL server.',
    'settings.registry.noFileHere':
      'The app was started on a registry on a server and has no registry file. To work in a file, start it with --db FILE.',
    'settings.registry.serverHint':
      'A registry on a PostgreSQL server is shared by several staff members. Its administrator tells you the server’s address, the database and your user.',
    'settings.registry.host': 'Server address',
    'settings.registry.port': 'Port',
    'settings.registry.database': 'Database',
    'settings.registry.user': 'Database user',
    'settings.registry.password': 'Password',
    'settings.registry.passwordSaved.secure':
      'The password is kept encrypted in the system’s secure store. Leave the field empty to use it.',
    'settings.registry.passwordSaved.session':
      'The app remembers the password until it quits. Leave the field empty to use it.',
    'settings.registry.keeping.secure':
      'The password is stored encrypted in the system’s secure store, never as readable text.',
    'settings.registry.keeping.session':
      'The password is not stored anywhere: the app remembers it only until it quits; then you type it again.',
    'settings.registry.test': 'Test connection',
    'settings.registry.testing': 'Testing the connection…',
    'settings.registry.switchServer': 'Switch to this registry',
    'settings.registry.switchFile': 'Switch to the file',
    'settings.registry.switching': 'Switching the registry…',
    'settings.registry.switchHint': 'You can switch after a successful connection test with these details.',
    'settings.registry.isOpen': 'This registry is open now.',
    'settings.registry.busy':
      'An import, an export or a batch of agreements is running: wait until it ends, then switch the registry.',
    'settings.registry.noFile':
      'The app was started on a registry on a server and has no registry file: to work in a file, start it with --db FILE.',
    'settings.registry.outcome.connected': 'The connection works: {version}, database user {user}.',
    'settings.registry.outcome.wrongPassword':
      'Wrong password: the server refused the password or the user. Check them (upper and lower case too) and try again.',
    'settings.registry.outcome.passwordNeeded': 'The server asks for a password: type it in.',
    'settings.registry.outcome.unreachable':
      'Server unreachable: no database server answers at this address and port. Check the address, the port and the network connection.',
    'settings.registry.outcome.noDatabase':
      'The server has no database of this name. Check the name with the server’s administrator.',
    'settings.registry.outcome.notAllowed':
      'This user may not connect to the registry or read it. The server’s administrator grants the rights.',
    'settings.registry.outcome.mustInit':
      'This user may not create or update the registry’s structure: an administrator must run twinreg init first.',
    'settings.registry.outcome.tooNew':
      'The registry was made by a newer version of the application: update the application.',
    'settings.registry.outcome.failed': 'The connection failed.',
    'settings.registry.schema.current': 'The registry’s structure is up to date.',
    'settings.registry.schema.create': 'The database holds no registry yet: switching creates an empty one in it.',
    'settings.registry.schema.update':
      'Switching updates the registry’s structure for this version of the application.',
    'settings.registry.startFailed': 'The registry on the server could not be opened',
    'settings.registry.useFile': 'Work in the registry file',
    'settings.registry.serverUrl': 'Server',
    'settings.registry.serverVersion': 'Server version',
    'settings.registry.serverUnknown': 'the server does not answer',
    'settings.registry.backups':
      'A registry on a server is backed up by the server, not by the app. Its administrator backs it up with pg_dump (every night, for example) or by continuous archiving with point-in-time recovery (PITR), and restores it from a backup too. If you need an earlier state of the registry back, ask them.',
    'settings.registry.noDemo':
      'Demo data is not loaded into a registry on a server that several staff members share: try it in a registry file.',
    'validation.host': 'Enter a host name or an IP address (letters, digits, dots, hyphens, colons).',
    'validation.port': 'Enter a port: a whole number from 1 to 65,535.',
  },
);

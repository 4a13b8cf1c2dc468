import { defineMessages } from '../define';

/** Settings ▸ Move the registry: Export registry to a file, Import registry from a file (issue 15 item 6). */
export const transferMessages = defineMessages(
  {
    'transfer.title': 'Přenos registru',
    'transfer.hint':
      'Celý registr uložíte do nového souboru registru: ověřená kopie všech záznamů i s historií změn. Soubor registru nahrajete do prázdného registru na serveru PostgreSQL: tak se registr z jednoho počítače přestěhuje na sdílený server.',
    'transfer.export': 'Uložit registr do souboru',
    'transfer.import': 'Nahrát registr ze souboru',
    'transfer.browserOnly':
      'V náhledu v prohlížeči nelze vybrat soubor registru. Nahrajte ho z aplikace, nebo příkazem twinreg registry import SOUBOR.db --db <adresa serveru>.',
    'transfer.preparing': 'Kontroluji soubor…',
    'transfer.exporting': 'Ukládám… {done} z {total} záznamů',
    'transfer.importing': 'Nahrávám… {done} z {total} záznamů',
    'transfer.stop': 'Zastavit',
    'transfer.exported': 'Registr je uložený v souboru {file}: {count} záznamů, ověřeno.',
    'transfer.imported': 'Registr ze souboru {file} je nahraný: {count} záznamů, ověřeno.',
    'transfer.confirm.title': 'Nahrát registr ze souboru?',
    'transfer.confirm.body':
      'Všechny záznamy vybraného souboru registru se nahrají do tohoto registru na serveru, i s historií změn. Jde to jen do prázdného registru a najednou: když se cokoli nepodaří, nezmění se nic. Soubor zůstane, jak je.',
    'transfer.confirm.ok': 'Vybrat soubor a nahrát',
    'transfer.fileOnly':
      'Nahrát registr ze souboru lze jen do registru na serveru. K dřívějšímu stavu tohoto souboru se vrátíte obnovením zálohy.',
    'transfer.adminOnly':
      'Nahrát registr ze souboru smí jen správce registru (uživatel databáze, který vlastní jeho tabulky).',
    'transfer.error.fileRegistry':
      'Tento registr je soubor: registr ze souboru se nahrává do registru na serveru. K dřívějšímu stavu souboru se vrátíte obnovením zálohy.',
    'transfer.error.notAdministrator':
      'Uživatel databáze {user} nesmí nahrát registr ze souboru: smí jen správce registru ({owner}).',
    'transfer.error.notEmpty':
      'Registr na serveru není prázdný ({held}): registr ze souboru lze nahrát jen do prázdného registru.',
    'transfer.error.sameFile': 'Vybraný soubor je otevřený registr sám: zvolte jiný soubor.',
    'transfer.error.counts': 'Počty záznamů kopie nesouhlasí s originálem: nic nebylo uloženo ani změněno.',
    'transfer.error.schemaDiffers': 'Tabulky obou registrů se liší: nic nebylo přeneseno.',
    'table.partnership_participants': 'skupiny účastníků',
    'table.import_runs': 'historie importů',
    'table.town_match_decisions': 'rozhodnutí o shodě měst',
    'table.partnership_merge_names': 'názvy měst sloučených partnerství',
  },
  {
    'transfer.title': 'Move the registry',
    'transfer.hint':
      'Export the whole registry into a new registry file: a verified copy of every record, change history included. Import a registry file into an empty registry on a PostgreSQL server: the way a registry moves from one computer onto a shared server.',
    'transfer.export': 'Export registry to a file',
    'transfer.import': 'Import registry from a file',
    'transfer.browserOnly':
      'The preview in a browser cannot choose a registry file. Import it from the app, or with twinreg registry import FILE.db --db <server address>.',
    'transfer.preparing': 'Checking the file…',
    'transfer.exporting': 'Exporting… {done} of {total} records',
    'transfer.importing': 'Importing… {done} of {total} records',
    'transfer.stop': 'Stop',
    'transfer.exported': 'The registry is exported to {file}: {count} records, verified.',
    'transfer.imported': 'The registry from {file} is imported: {count} records, verified.',
    'transfer.confirm.title': 'Import a registry from a file?',
    'transfer.confirm.body':
      'Every record of the registry file you choose is imported into this registry on the server, change history included. Only into an empty registry, and all at once: if anything fails, nothing changes. The file stays as it is.',
    'transfer.confirm.ok': 'Choose the file and import',
    'transfer.fileOnly':
      'A registry file can be imported only into a registry on a server. To go back to an earlier state of this file, restore a backup.',
    'transfer.adminOnly':
      'Only the registry’s administrator (the database user that owns its tables) may import a registry from a file.',
    'transfer.error.fileRegistry':
      'This registry is a file: a registry file is imported into a registry on a server. To go back to an earlier state of the file, restore a backup.',
    'transfer.error.notAdministrator':
      'The database user {user} may not import a registry from a file: only the registry’s administrator ({owner}) may.',
    'transfer.error.notEmpty':
      'The registry on the server is not empty ({held}): a registry file is imported only into an empty registry.',
    'transfer.error.sameFile': 'The file chosen is the open registry itself: choose another file.',
    'transfer.error.counts': 'The copy’s record counts differ from the original’s: nothing was written or changed.',
    'transfer.error.schemaDiffers': 'The two registries’ tables differ: nothing was copied.',
    'table.partnership_participants': 'participant groups',
    'table.import_runs': 'import history',
    'table.town_match_decisions': 'decisions on matching towns',
    'table.partnership_merge_names': 'town names of merged partnerships',
  },
);

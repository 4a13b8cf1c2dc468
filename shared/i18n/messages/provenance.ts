import { defineMessages } from '../define';

/** Provenance and verification: the filter, the columns and "mark verified" on both grids. */
export const provenanceMessages = defineMessages(
  {
    'provenance.filter.label': 'Původ a ověření',
    'provenance.filter.all': 'Jakýkoli původ',
    'provenance.filter.unverified': 'Neověřené',
    'provenance.filter.verified': 'Ověřené',
    'provenance.filter.manual': 'Zadané ručně',
    'provenance.filter.demo': 'Ukázková data',
    'provenance.filter.request': 'Ze žádosti',
    'provenance.filter.unknown': 'Původ neuveden',
    'provenance.filter.imports': 'Z importu',
    'provenance.filter.import': 'Import {file} ({date})',
    'provenance.origin.manual': 'zadáno ručně',
    'provenance.origin.demo': 'ukázková data',
    'provenance.origin.import': 'import {file}',
    'provenance.origin.request': 'ze žádosti',
    'provenance.origin.requestNamed': 'ze žádosti: {name}',
    'provenance.origin.unknown': 'neuvedeno',
    'provenance.col.source': 'Původ',
    'provenance.col.verifiedAt': 'Ověřeno',
    'provenance.verify.button': 'Označit jako ověřené ({count})',
    'provenance.verify.title': 'Označit záznamy jako ověřené',
    'provenance.verify.shown.one':
      'Potvrzujete, že jste se zdrojem zkontrolovali {count} zobrazený záznam. Zapíše se u něj dnešní datum a vaše jméno; v historii záznamu to zůstane.',
    'provenance.verify.shown.few':
      'Potvrzujete, že jste se zdrojem zkontrolovali {count} zobrazené záznamy. U každého se zapíše dnešní datum a vaše jméno; v historii záznamu to zůstane.',
    'provenance.verify.shown.many':
      'Potvrzujete, že jste se zdrojem zkontrolovali {count} zobrazeného záznamu. U každého se zapíše dnešní datum a vaše jméno; v historii záznamu to zůstane.',
    'provenance.verify.shown.other':
      'Potvrzujete, že jste se zdrojem zkontrolovali {count} zobrazených záznamů. U každého se zapíše dnešní datum a vaše jméno; v historii záznamu to zůstane.',
    'provenance.verify.selected.one':
      'Potvrzujete, že jste se zdrojem zkontrolovali {count} vybraný záznam. Zapíše se u něj dnešní datum a vaše jméno; v historii záznamu to zůstane.',
    'provenance.verify.selected.few':
      'Potvrzujete, že jste se zdrojem zkontrolovali {count} vybrané záznamy. U každého se zapíše dnešní datum a vaše jméno; v historii záznamu to zůstane.',
    'provenance.verify.selected.many':
      'Potvrzujete, že jste se zdrojem zkontrolovali {count} vybraného záznamu. U každého se zapíše dnešní datum a vaše jméno; v historii záznamu to zůstane.',
    'provenance.verify.selected.other':
      'Potvrzujete, že jste se zdrojem zkontrolovali {count} vybraných záznamů. U každého se zapíše dnešní datum a vaše jméno; v historii záznamu to zůstane.',
    'provenance.verify.confirm': 'Označit jako ověřené',
    'provenance.verify.done.other': 'Označeno jako ověřené: {count}.',
    'provenance.verify.none': 'Nic se neoznačilo: vybrané záznamy byly mezitím smazány.',
    'provenance.verify.undone': 'Označení jako ověřené vráceno.',
    'provenance.verify.undoChanged': 'Ověření záznamu {name} se mezitím změnilo; nic se nevrátilo.',
  },
  {
    'provenance.filter.label': 'Provenance and verification',
    'provenance.filter.all': 'Any provenance',
    'provenance.filter.unverified': 'Unverified',
    'provenance.filter.verified': 'Verified',
    'provenance.filter.manual': 'Entered by hand',
    'provenance.filter.demo': 'Demo data',
    'provenance.filter.request': 'From a request',
    'provenance.filter.unknown': 'Provenance not recorded',
    'provenance.filter.imports': 'From an import',
    'provenance.filter.import': 'Import {file} ({date})',
    'provenance.origin.manual': 'entered by hand',
    'provenance.origin.demo': 'demo data',
    'provenance.origin.import': 'import {file}',
    'provenance.origin.request': 'from a request',
    'provenance.origin.requestNamed': 'from the request: {name}',
    'provenance.origin.unknown': 'not recorded',
    'provenance.col.source': 'Provenance',
    'provenance.col.verifiedAt': 'Verified',
    'provenance.verify.button': 'Mark as verified ({count})',
    'provenance.verify.title': 'Mark records as verified',
    'provenance.verify.shown.one':
      'You confirm that you have checked the {count} record shown against its source. It gets today’s date and your name; its history keeps it.',
    'provenance.verify.shown.few':
      'You confirm that you have checked the {count} records shown against their source. Each gets today’s date and your name; the record’s history keeps it.',
    'provenance.verify.shown.many':
      'You confirm that you have checked the {count} records shown against their source. Each gets today’s date and your name; the record’s history keeps it.',
    'provenance.verify.shown.other':
      'You confirm that you have checked the {count} records shown against their source. Each gets today’s date and your name; the record’s history keeps it.',
    'provenance.verify.selected.one':
      'You confirm that you have checked the {count} selected record against its source. It gets today’s date and your name; its history keeps it.',
    'provenance.verify.selected.few':
      'You confirm that you have checked the {count} selected records against their source. Each gets today’s date and your name; the record’s history keeps it.',
    'provenance.verify.selected.many':
      'You confirm that you have checked the {count} selected records against their source. Each gets today’s date and your name; the record’s history keeps it.',
    'provenance.verify.selected.other':
      'You confirm that you have checked the {count} selected records against their source. Each gets today’s date and your name; the record’s history keeps it.',
    'provenance.verify.confirm': 'Mark as verified',
    'provenance.verify.done.other': 'Marked as verified: {count}.',
    'provenance.verify.none': 'Nothing was marked: the chosen records were deleted meanwhile.',
    'provenance.verify.undone': 'Marking as verified undone.',
    'provenance.verify.undoChanged': 'The verification of {name} has changed since; nothing was put back.',
  },
);

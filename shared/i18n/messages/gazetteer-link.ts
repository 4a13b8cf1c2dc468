import { defineMessages } from '../define';

/** Settings ▸ Linking partner towns to the gazetteer, its CLI and the towns' history entries of it. */
export const gazetteerLinkMessages = defineMessages(
  {
    'gazetteerLink.title': 'Propojení partnerských měst s místopisným rejstříkem',
    'gazetteerLink.hint':
      'Partnerské město bez propojení se propojí jen tehdy, když má místopisný rejstřík v jeho zemi přesně jedno město téhož názvu do 10 km od souřadnic uvedených na kartě a žádný jiný záznam registru ho nedrží. Počet obyvatel se doplní jen tam, kde na kartě chybí; nic jiného se nemění a propojení lze vrátit.',
    'gazetteerLink.check': 'Zkontrolovat…',
    'gazetteerLink.checking': 'Kontroluji…',
    'gazetteerLink.summary':
      'Měst bez propojení: {unlinked} (z toho bez souřadnic: {withoutPlace}). Lze propojit: {count} (z toho s doplněním počtu obyvatel: {fills}).',
    'gazetteerLink.none': 'Žádné město teď podle pravidla propojit nelze.',
    'gazetteerLink.col.town': 'Město',
    'gazetteerLink.col.country': 'Země',
    'gazetteerLink.col.distance': 'Vzdálenost',
    'gazetteerLink.col.population': 'Počet obyvatel',
    'gazetteerLink.km': '{km} km',
    'gazetteerLink.fills': 'doplní se {population}',
    'gazetteerLink.keeps': 'zůstane {population}',
    'gazetteerLink.more': 'a další ({count})',
    'gazetteerLink.ambiguous':
      'Nepropojí se ({count}): více záznamů registru odpovídá témuž městu rejstříku, nejspíš jde o totéž město zapsané dvakrát (sloučte je): {towns}.',
    'gazetteerLink.held':
      'Nepropojí se ({count}): město rejstříku už drží jiný záznam registru, nejspíš totéž město dvakrát: {towns}.',
    'gazetteerLink.heldPair': '{name} (drží {holder})',
    'gazetteerLink.severalNear':
      'Nepropojí se ({count}): rejstřík má do 10 km více měst téhož názvu, takže název neříká které.',
    'gazetteerLink.apply.one': 'Propojit {count} město',
    'gazetteerLink.apply.few': 'Propojit {count} města',
    'gazetteerLink.apply.many': 'Propojit {count} města',
    'gazetteerLink.apply.other': 'Propojit {count} měst',
    'gazetteerLink.confirm':
      'Propojit s místopisným rejstříkem partnerská města ({count}) a u {fills} z nich doplnit počet obyvatel? Seznam se před zápisem posoudí znovu; každá změna se zapíše do historie města a celé propojení lze vrátit.',
    'gazetteerLink.confirmYes': 'Ano, propojit',
    'gazetteerLink.working': 'Propojuji…',
    'gazetteerLink.mayNotWrite':
      'Váš databázový účet smí registr jen číst, propojit města proto nelze. Požádejte správce registru.',
    'gazetteerLink.done.one': 'Propojeno {count} město s místopisným rejstříkem.',
    'gazetteerLink.done.few': 'Propojena {count} města s místopisným rejstříkem.',
    'gazetteerLink.done.many': 'Propojeno {count} města s místopisným rejstříkem.',
    'gazetteerLink.done.other': 'Propojeno {count} měst s místopisným rejstříkem.',
    'gazetteerLink.doneNone': 'Nic se nepropojilo: podle pravidla teď žádné město propojit nelze.',
    'gazetteerLink.changedMeanwhile.one':
      '{count} město mezitím někdo změnil, a tak zůstalo nepropojené. Zobrazte náhled znovu a propojte ho podle nového stavu.',
    'gazetteerLink.changedMeanwhile.few':
      '{count} města mezitím někdo změnil, a tak zůstala nepropojená. Zobrazte náhled znovu a propojte je podle nového stavu.',
    'gazetteerLink.changedMeanwhile.many':
      '{count} města mezitím někdo změnil, a tak zůstala nepropojená. Zobrazte náhled znovu a propojte je podle nového stavu.',
    'gazetteerLink.changedMeanwhile.other':
      '{count} měst mezitím někdo změnil, a tak zůstala nepropojená. Zobrazte náhled znovu a propojte je podle nového stavu.',
    'gazetteerLink.undo': 'Vrátit zpět',
    'gazetteerLink.undone': 'Propojení s místopisným rejstříkem vráceno.',
    'gazetteerLink.undoChangedRows':
      'Město {name} se od propojení změnilo: {by}, {at} (změněných celkem: {count}, nedotčených: {others}). Nic se nevrátilo.',
    'gazetteerLink.undoOthers': 'Vrátit propojení ostatních měst ({count})',
    'gazetteerLink.error.mayNotWrite':
      'Váš databázový účet nesmí měnit partnerská města; nic se nepropojilo. Požádejte správce registru.',
    // A town's history: an entry that is one town of a run of links (or of its undo).
    'gazetteerLink.history.bulk.one': 'Součást hromadného propojení {count} města s místopisným rejstříkem.',
    'gazetteerLink.history.bulk.few': 'Součást hromadného propojení {count} měst s místopisným rejstříkem.',
    'gazetteerLink.history.bulk.many': 'Součást hromadného propojení {count} města s místopisným rejstříkem.',
    'gazetteerLink.history.bulk.other': 'Součást hromadného propojení {count} měst s místopisným rejstříkem.',
    'gazetteerLink.history.bulkUndo.one': 'Součást vrácení hromadného propojení ({count} město).',
    'gazetteerLink.history.bulkUndo.few': 'Součást vrácení hromadného propojení ({count} města).',
    'gazetteerLink.history.bulkUndo.many': 'Součást vrácení hromadného propojení ({count} města).',
    'gazetteerLink.history.bulkUndo.other': 'Součást vrácení hromadného propojení ({count} měst).',
    'gazetteerLink.history.bulkUndoAll': 'Vrátit celé propojení ({count})',
    'gazetteerLink.history.bulkUndoneAll': 'Celé propojení už je vrácené.',
    'gazetteerLink.history.bulkUndonePart': 'Z něj už vráceno: {count} z {size}.',
    'gazetteerLink.cli.dryRun': 'Zkušební běh: nic se nezapsalo.',
    'gazetteerLink.cli.linked': 'Propojeno měst: {count} (z toho s doplněním počtu obyvatel: {fills}).',
    'gazetteerLink.cli.undoHint': 'Vrátit celé propojení lze v aplikaci (historie kteréhokoli z měst).',
  },
  {
    'gazetteerLink.title': 'Linking partner towns to the gazetteer',
    'gazetteerLink.hint':
      'A partner town without a link is linked only where the gazetteer has exactly one town of its country under the same name within 10 km of the coordinates on its card, and no other registry record holds that town. The population is filled only where the card has none; nothing else changes, and the links can be undone.',
    'gazetteerLink.check': 'Check…',
    'gazetteerLink.checking': 'Checking…',
    'gazetteerLink.summary':
      'Towns without a link: {unlinked} ({withoutPlace} of them without coordinates). Can be linked: {count} ({fills} of them with the population filled in).',
    'gazetteerLink.none': 'No town can be linked by the rule now.',
    'gazetteerLink.col.town': 'Town',
    'gazetteerLink.col.country': 'Country',
    'gazetteerLink.col.distance': 'Distance',
    'gazetteerLink.col.population': 'Population',
    'gazetteerLink.km': '{km} km',
    'gazetteerLink.fills': '{population} filled in',
    'gazetteerLink.keeps': '{population} kept',
    'gazetteerLink.more': 'and {count} more',
    'gazetteerLink.ambiguous':
      'Not linked ({count}): several registry records match the same gazetteer town, most likely one town entered twice (merge them): {towns}.',
    'gazetteerLink.held':
      'Not linked ({count}): another registry record already holds the gazetteer town, most likely the same town twice: {towns}.',
    'gazetteerLink.heldPair': '{name} (held by {holder})',
    'gazetteerLink.severalNear':
      'Not linked ({count}): the gazetteer has several towns of that name within 10 km, so the name does not say which.',
    'gazetteerLink.apply.one': 'Link {count} town',
    'gazetteerLink.apply.few': 'Link {count} towns',
    'gazetteerLink.apply.many': 'Link {count} towns',
    'gazetteerLink.apply.other': 'Link {count} towns',
    'gazetteerLink.confirm':
      'Link partner towns to the gazetteer ({count}) and fill in the population of {fills} of them? The list is judged again before writing; each change goes into the town’s history and the whole run can be undone.',
    'gazetteerLink.confirmYes': 'Yes, link them',
    'gazetteerLink.working': 'Linking…',
    'gazetteerLink.mayNotWrite':
      'Your database account may only read the registry, so towns cannot be linked. Ask the administrator of the registry.',
    'gazetteerLink.done.one': 'Linked {count} town to the gazetteer.',
    'gazetteerLink.done.few': 'Linked {count} towns to the gazetteer.',
    'gazetteerLink.done.many': 'Linked {count} towns to the gazetteer.',
    'gazetteerLink.done.other': 'Linked {count} towns to the gazetteer.',
    'gazetteerLink.doneNone': 'Nothing was linked: no town can be linked by the rule now.',
    'gazetteerLink.changedMeanwhile.one':
      '{count} town was changed by someone meanwhile, so it was left unlinked. Show the preview again to link it as it is now.',
    'gazetteerLink.changedMeanwhile.few':
      '{count} towns were changed by someone meanwhile, so they were left unlinked. Show the preview again to link them as they are now.',
    'gazetteerLink.changedMeanwhile.many':
      '{count} towns were changed by someone meanwhile, so they were left unlinked. Show the preview again to link them as they are now.',
    'gazetteerLink.changedMeanwhile.other':
      '{count} towns were changed by someone meanwhile, so they were left unlinked. Show the preview again to link them as they are now.',
    'gazetteerLink.undo': 'Undo',
    'gazetteerLink.undone': 'Links to the gazetteer undone.',
    'gazetteerLink.undoChangedRows':
      'The town {name} has changed since it was linked: {by}, {at} (changed in all: {count}, untouched: {others}). Nothing was put back.',
    'gazetteerLink.undoOthers': 'Undo the links of the other towns ({count})',
    'gazetteerLink.error.mayNotWrite':
      'Your database account may not change partner towns; nothing was linked. Ask the administrator of the registry.',
    'gazetteerLink.history.bulk.one': 'Part of linking {count} town to the gazetteer.',
    'gazetteerLink.history.bulk.few': 'Part of linking {count} towns to the gazetteer.',
    'gazetteerLink.history.bulk.many': 'Part of linking {count} towns to the gazetteer.',
    'gazetteerLink.history.bulk.other': 'Part of linking {count} towns to the gazetteer.',
    'gazetteerLink.history.bulkUndo.one': 'Part of the undo of links to the gazetteer ({count} town).',
    'gazetteerLink.history.bulkUndo.few': 'Part of the undo of links to the gazetteer ({count} towns).',
    'gazetteerLink.history.bulkUndo.many': 'Part of the undo of links to the gazetteer ({count} towns).',
    'gazetteerLink.history.bulkUndo.other': 'Part of the undo of links to the gazetteer ({count} towns).',
    'gazetteerLink.history.bulkUndoAll': 'Undo all these links ({count})',
    'gazetteerLink.history.bulkUndoneAll': 'All these links have been undone.',
    'gazetteerLink.history.bulkUndonePart': 'Undone of them already: {count} of {size}.',
    'gazetteerLink.cli.dryRun': 'Dry run: nothing was written.',
    'gazetteerLink.cli.linked': 'Towns linked: {count} ({fills} of them with the population filled in).',
    'gazetteerLink.cli.undoHint': 'The whole run can be undone in the app (the history of any of these towns).',
  },
);

import { defineMessages } from '../define';

/** Merging two records of one town or two partnerships of one member. */
export const mergeMessages = defineMessages(
  {
    'merge.town.button': 'Sloučit s jiným záznamem města…',
    'merge.partnership.button': 'Sloučit s jiným partnerstvím obce…',
    'merge.town.title': 'Sloučit dva záznamy jednoho města',
    'merge.partnership.title': 'Sloučit dvě partnerství jedné obce',
    'merge.partnership.explain': 'Vyberte partnerství, které je totéž jako toto ({keep}). Zůstane toto partnerství.',
    'merge.town.explainChoose':
      'Vyberte záznam, který je totéž město jako „{town}“ (jinak napsaný název). Pak zvolte, který z obou záznamů zůstane.',
    'merge.town.similar': 'podobný název',
    'merge.town.stays.legend': 'Který záznam zůstane',
    'merge.town.stays.geonames': 'GeoNames {id}',
    'merge.town.stays.noGazetteer': 'bez vazby na místopis',
    'merge.town.stays.started': 'záznam, z něhož slučujete',
    'merge.town.stays.proposed': 'navrženo',
    'merge.town.stays.proposedWhy':
      'Navržen je záznam s vazbou na místopis (GeoNames); mají-li ji oba nebo žádný, záznam, z něhož slučujete.',
    'merge.town.summaryStays':
      'Zůstane záznam „{keep}“; „{other}“ se do něj sloučí: jeho názvy zůstanou jako další názvy, prázdné údaje karty „{keep}“ se doplní z „{other}“ (vyplněné zůstanou, jak jsou u „{keep}“), poznámky a historie se spojí, partnerství a žádosti „{other}“ přejdou k „{keep}“ (partnerství jedné obce s oběma se spojí). Sloučení lze vrátit.',
    'merge.partnership.summary':
      'Partnerství s „{other}“ se sloučí do tohoto: prázdné údaje se doplní, přesnější datum platí, poznámky a oblasti spolupráce se spojí; přejde sem: {moves}. Sloučení lze vrátit.',
    'merge.moves.none': 'nic (žádné kontakty, aktivity, návrhy smluv ani přílohy)',
    'merge.moves.contacts.one': '{count} kontakt',
    'merge.moves.contacts.few': '{count} kontakty',
    'merge.moves.contacts.other': '{count} kontaktů',
    'merge.moves.activities.one': '{count} aktivita',
    'merge.moves.activities.few': '{count} aktivity',
    'merge.moves.activities.other': '{count} aktivit',
    'merge.moves.agreements.one': '{count} návrh smlouvy',
    'merge.moves.agreements.few': '{count} návrhy smluv',
    'merge.moves.agreements.other': '{count} návrhů smluv',
    'merge.moves.attachments.one': '{count} příloha',
    'merge.moves.attachments.few': '{count} přílohy',
    'merge.moves.attachments.other': '{count} příloh',
    'merge.clashes.explain':
      'Tyto údaje uvádějí obě partnerství jinak. U každého vyberte, která hodnota platí; jinak zůstane hodnota tohoto partnerství.',
    'merge.clashes.field': 'Údaj',
    'merge.clashes.kept': 'Toto partnerství',
    'merge.clashes.other': 'Slučované partnerství',
    'merge.clashes.termUntil': '{term} do {date}',
    'merge.confirm': 'Sloučit',
    'merge.choose': 'Záznam ke sloučení',
    'merge.none': 'Žádný jiný záznam k výběru.',
    'merge.partnershipsCount.one': '{count} partnerství',
    'merge.partnershipsCount.few': '{count} partnerství',
    'merge.partnershipsCount.other': '{count} partnerství',
    'merge.done': 'Sloučeno: „{other}“ → „{keep}“.',
    'merge.undone': 'Sloučení vráceno.',
    'merge.error.otherMember': 'Sloučit lze jen partnerství téže obce.',
    'merge.error.otherCountry': 'Sloučit lze jen města téhož státu.',
    'merge.error.changedSince': 'Záznam se od sloučení změnil, sloučení už nelze vrátit.',
    'merge.error.mergedInto':
      'Záznam mezitím někdo sloučil s jiným záznamem: {name}, {at}. V koši není. Nic se neuložilo; vaše úpravy zůstaly ve formuláři. Zůstal záznam „{into}“: otevřete ho a změnu proveďte tam.',
    'merge.error.mergedIntoGone':
      'Záznam mezitím někdo sloučil s jiným záznamem: {name}, {at}. Ani ten už v registru není, proto ho nelze jmenovat. Nic se neuložilo; vaše úpravy zůstaly ve formuláři.',
    'merge.error.restorePartnershipDuplicate':
      'Partnerství nelze obnovit: mezi těmito dvěma městy je mezitím jiné partnerství. Smazané partnerství zůstává i se všemi údaji v koši (Nastavení ▸ Smazané záznamy), nic se neztratilo. Jeho údaje, kontakty a aktivity můžete přenést do stávajícího partnerství tlačítkem „Doplnit do nového záznamu…“.',
    'merge.error.restoreMemberDuplicate':
      'Obec nelze obnovit: v registru je mezitím jiná obec s kódem {code}. Smazaná obec zůstává i se svými partnerstvími a údaji v koši (Nastavení ▸ Smazané záznamy), nic se neztratilo. Potřebné údaje doplňte do stávající obce.',
    'merge.error.changedSinceBy':
      'Sloučení nelze vrátit: záznam „{kept}“ se od sloučení změnil ({name}, {at}) a vrácení by tuto pozdější změnu přepsalo. Nic se nezměnilo. Sloučený záznam „{merged}“ zůstává i se svými údaji v Nastavení ▸ Smazané záznamy (označený „sloučeno do“): potřebujete-li ho zase zvlášť, založte ho znovu a údaje přeneste odtud.',
    'merge.error.changedSinceKept':
      'Sloučení nelze vrátit: záznam „{kept}“ se od sloučení změnil a vrácení by tuto pozdější změnu přepsalo. Nic se nezměnilo. Sloučený záznam „{merged}“ zůstává i se svými údaji v Nastavení ▸ Smazané záznamy (označený „sloučeno do“): potřebujete-li ho zase zvlášť, založte ho znovu a údaje přeneste odtud.',
    'merge.bin.mergedInto': 'sloučeno do „{kept}“',
    'merge.bin.mergedIntoGone': 'sloučeno do záznamu, který už v registru není',
    'merge.bin.openKept': 'Otevřít „{kept}“',
    'merge.bin.openKeptHint': 'V historii tohoto záznamu lze sloučení vrátit.',
    'merge.bin.mergedHint':
      'Sloučené záznamy se tu neobnovují: otevřete záznam, do něhož se sloučily, a v jeho historii zvolte „Vrátit sloučení“. Jejich údaje najdete pod tlačítkem Údaje.',
    'merge.bin.values.show': 'Údaje',
    'merge.bin.values.hide': 'Skrýt údaje',
    'merge.bin.values.none': 'Záznam neměl vyplněné žádné údaje.',
    'merge.bin.values.title': 'Údaje záznamu „{label}“ v době smazání nebo sloučení',
    'merge.import.inBin.title': 'V koši: {count}',
    'merge.import.inBin.explain':
      'Tato partnerství byla nedávno smazána a jsou v koši (Nastavení ▸ Smazané záznamy). Import je přidá jako nová, bez údajů smazaného záznamu. Chcete-li zachovat jejich údaje a historii, import zrušte, obnovte je z koše a pak import spusťte znovu.',
    'merge.import.inBin.row': '{label} (řádek {line}): smazáno {at}, {name}, je v koši',
    'merge.import.inBin.rowUnnamed': '{label} (řádek {line}): smazáno {at}, je v koši',
    'merge.error.restoreTownDuplicate':
      'Město nelze obnovit: v registru je mezitím jiný záznam téhož města ({name}). Smazaný záznam zůstává i s údaji v koši (Nastavení ▸ Smazané záznamy), nic se neztratilo. Jeho údaje můžete přenést do karty města {name} tlačítkem „Doplnit do nového záznamu…“.',
    'merge.fill.button': 'Doplnit do nového záznamu…',
    'merge.fill.buttonHint':
      'Přenést údaje, kontakty a aktivity tohoto smazaného partnerství do partnerství, které bylo mezitím založeno znovu.',
    'merge.fill.title': 'Doplnit „{live}“ ze smazaného záznamu',
    'merge.fill.explain':
      'Partnerství „{live}“ bylo mezitím založeno znovu, proto smazaný záznam (#{id}) nelze obnovit. Vyberte, co z něj do nového záznamu přenést. Předem zaškrtnuté jsou údaje, které nový záznam neuvádí; kde oba uvádějí něco jiného, rozhodněte sami. Nic nezaškrtnutého se v novém záznamu nezmění. Doplnění lze vrátit v historii záznamu.',
    'merge.fill.fields': 'Údaje',
    'merge.fill.col.field': 'Údaj',
    'merge.fill.col.deleted': 'Smazaný záznam',
    'merge.fill.col.live': 'Nový záznam',
    'merge.fill.unstated': 'neuvedeno',
    'merge.fill.notesJoined': 'Poznámky smazaného záznamu se připojí za stávající.',
    'merge.fill.setsAdded': 'Chybějící položky se přidají ke stávajícím.',
    'merge.fill.noFields': 'Smazaný záznam neuvádí žádný údaj, který by nový záznam neměl stejně.',
    'merge.fill.children': 'Kontakty, aktivity, návrhy smluv a přílohy',
    'merge.fill.noChildren': 'Smazaný záznam neměl žádné kontakty, aktivity, návrhy smluv ani přílohy.',
    'merge.fill.child.contacts': 'Kontakt',
    'merge.fill.child.activities': 'Aktivita',
    'merge.fill.child.agreement_documents': 'Návrh smlouvy',
    'merge.fill.child.attachments': 'Příloha',
    'merge.fill.duplicate': 'nový záznam ho už má, nepřenese se',
    'merge.fill.confirm': 'Doplnit',
    'merge.fill.nothingChosen': 'Nic není vybráno.',
    'merge.fill.done': 'Doplněno do „{live}“ ze smazaného záznamu. Vrátit to lze v historii záznamu (Vrátit doplnění).',
    'merge.fill.open': 'Otevřít „{live}“',
    'merge.fill.noLive':
      'Nový záznam téhož partnerství už v registru není: smazaný záznam teď můžete obnovit tlačítkem Obnovit.',
    'merge.fill.superseded':
      'Tento smazaný záznam byl mezitím obnoven nebo už doplněn do jiného záznamu. Načtěte koš znovu.',
    'merge.fill.otherLive': 'Partnerství těchto dvou měst je teď jiný záznam. Otevřete doplnění znovu.',
    'merge.bin.filledInto': 'doplněno do „{kept}“',
    'merge.bin.filledIntoGone': 'doplněno do záznamu, který už v registru není',
    'merge.history.filled': 'Doplněno ze smazaného záznamu {name}',
    'merge.history.filledAction': 'doplněno ze smazaného záznamu',
    'merge.history.undoFill': 'Vrátit doplnění',
    'merge.history.townFillUndone':
      'Doplnění je vráceno: karta je zpět, jak byla, a smazaný záznam je opět v koši (Nastavení ▸ Smazané záznamy).',
    'merge.fill.buttonHintTown':
      'Přenést údaje této smazané karty města (adresu, starostu, souřadnice, poznámky…) do karty téhož města, která byla mezitím založena znovu.',
    'merge.fill.explainTown':
      'Město „{live}“ bylo mezitím založeno znovu, proto smazanou kartu (#{id}) nelze obnovit. Vyberte, které údaje z ní do nové karty přenést. Předem zaškrtnuté jsou údaje, které nová karta neuvádí; kde obě uvádějí něco jiného, rozhodněte sami. Nic nezaškrtnutého se v nové kartě nezmění. Doplnění lze vrátit v historii karty.',
    'merge.fill.field.coordinates': 'Souřadnice',
    'merge.fill.textsJoined': 'Text smazané karty se připojí za stávající.',
    'merge.fill.namesAdded': 'Chybějící názvy se přidají k dalším názvům.',
    'merge.fill.noLiveTown':
      'Jiná karta téhož města už v registru není: smazanou kartu teď můžete obnovit tlačítkem Obnovit.',
    'merge.fill.otherLiveTown': 'Karta tohoto města je teď jiný záznam. Otevřete doplnění znovu.',
    'merge.fill.doneTown':
      'Karta města „{live}“ doplněna ze smazané karty. Vrátit to lze v historii karty (Vrátit doplnění).',
    'merge.keeping.offer': 'Vrátit sloučení a ponechat pozdější změny…',
    'merge.keeping.refusedBy':
      'Sloučení nejde vrátit celé: záznam „{kept}“ se od sloučení změnil ({name}, {at}) a prosté vrácení by tuto změnu přepsalo. Nic se nezměnilo. Sloučený záznam „{merged}“ zůstává i se svými údaji v Nastavení ▸ Smazané záznamy. Sloučení můžete vrátit tak, že pozdější změny zůstanou:',
    'merge.keeping.refused':
      'Sloučení nejde vrátit celé: záznam „{kept}“ se od sloučení změnil a prosté vrácení by tuto změnu přepsalo. Nic se nezměnilo. Sloučený záznam „{merged}“ zůstává i se svými údaji v Nastavení ▸ Smazané záznamy. Sloučení můžete vrátit tak, že pozdější změny zůstanou:',
    'merge.keeping.title': 'Vrátit sloučení a ponechat pozdější změny',
    'merge.keeping.explain':
      'Partnerství „{merged}“ se vrátí jako samostatný záznam se svým číslem a údaji. Partnerství „{kept}“ se od sloučení změnilo; jeho údaje dopadnou takto:',
    'merge.keeping.col.field': 'Údaj',
    'merge.keeping.col.before': 'Před sloučením',
    'merge.keeping.col.current': 'Nyní',
    'merge.keeping.col.outcome': 'Po vrácení',
    'merge.keeping.outcome.restored': 'Vrátí se hodnota před sloučením (nikdo ji od sloučení neměnil).',
    'merge.keeping.outcome.keptLater': 'Zůstane současná hodnota: změněno po sloučení ({name}, {at}).',
    'merge.keeping.outcome.keptLaterUnknown': 'Zůstane současná hodnota: změněno po sloučení.',
    'merge.keeping.outcome.keptBoth':
      'Zůstane současná hodnota. Pozor: tento údaj změnilo sloučení a po něm ještě {name}, {at}. Hodnotu před sloučením případně doplňte ručně.',
    'merge.keeping.outcome.keptBothUnknown':
      'Zůstane současná hodnota. Pozor: tento údaj změnilo sloučení a po něm ještě někdo další. Hodnotu před sloučením případně doplňte ručně.',
    'merge.keeping.noFields': 'Sloučení u tohoto partnerství nezměnilo žádný údaj.',
    'merge.keeping.children': 'Kontakty, aktivity, návrhy smluv a přílohy, které sloučení přesunulo',
    'merge.keeping.noChildren': 'Sloučení žádné nepřesunulo.',
    'merge.keeping.child.back': 'vrátí se k „{merged}“',
    'merge.keeping.child.deleted': 'mezitím smazáno ({name}, {at}): zůstane smazané',
    'merge.keeping.child.deletedUnknown': 'mezitím smazáno: zůstane smazané',
    'merge.keeping.child.elsewhere': 'je teď u jiného partnerství: zůstane tam',
    'merge.keeping.child.unnamed': 'bez názvu (č. {id})',
    'merge.keeping.addedStay': 'Co bylo k partnerství „{kept}“ přidáno po sloučení, u něj zůstane.',
    'merge.keeping.confirm': 'Vrátit sloučení',
    'merge.keeping.done': 'Sloučení vráceno, pozdější změny zůstaly.',
    'merge.keeping.unavailable': 'Toto sloučení nelze vrátit s ponecháním pozdějších změn.',
    'merge.keeping.changedMeanwhileBy':
      'Mezitím se změnilo, co by vrácení udělalo ({name}, {at}). Nic se nezměnilo; otevřete vrácení znovu.',
    'merge.keeping.changedMeanwhile':
      'Mezitím se změnilo, co by vrácení udělalo. Nic se nezměnilo; otevřete vrácení znovu.',
    'merge.keeping.field.acknowledgedWarnings': 'Potvrzená upozornění',
    'merge.keeping.field.importRunId': 'Import',
    'merge.keeping.field.geonamesId': 'Číslo GeoNames',
    'merge.keeping.town.explain':
      'Město „{merged}“ se vrátí jako samostatná karta se svým číslem a údaji. Karta města „{kept}“ se od sloučení změnila; její údaje dopadnou takto:',
    'merge.keeping.town.noFields': 'Sloučení u karty tohoto města nezměnilo žádný údaj.',
    'merge.keeping.town.partnerships': 'Partnerství, která sloučení přesunulo k městu „{kept}“',
    'merge.keeping.town.noPartnerships': 'Sloučení žádné nepřesunulo.',
    'merge.keeping.town.partnership.back': 'vrátí se k městu „{merged}“',
    'merge.keeping.town.partnership.deleted': 'mezitím smazáno ({name}, {at}): zůstane smazané',
    'merge.keeping.town.partnership.deletedUnknown': 'mezitím smazáno: zůstane smazané',
    'merge.keeping.town.partnership.merged': 'mezitím sloučeno s jiným partnerstvím ({name}, {at}): zůstane tak',
    'merge.keeping.town.partnership.mergedUnknown': 'mezitím sloučeno s jiným partnerstvím: zůstane tak',
    'merge.keeping.town.partnership.elsewhere': 'má teď jiné partnerské město ({name}, {at}): zůstane u něj',
    'merge.keeping.town.partnership.elsewhereUnknown': 'má teď jiné partnerské město: zůstane u něj',
    'merge.keeping.town.inner': 'Partnerství, která sloučení měst sloučilo (člen měl partnerství s oběma městy)',
    'merge.keeping.town.inner.undone':
      'Partnerství „{merged}“ se oddělí od „{kept}“ a vrátí se se svým číslem a údaji; u „{kept}“:',
    'merge.keeping.town.inner.keptGone':
      'Zůstane sloučeno s „{kept}“: to bylo po sloučení smazáno nebo sloučeno s jiným partnerstvím ({name}, {at}).',
    'merge.keeping.town.inner.keptGoneUnknown':
      'Zůstane sloučeno s „{kept}“: to bylo po sloučení smazáno nebo sloučeno s jiným partnerstvím.',
    'merge.keeping.town.inner.unavailable':
      'Zůstane sloučeno s „{kept}“: sloučení bylo zaznamenáno dříve, než sloučení ukládala, co změnila, takže ho nelze vrátit s ponecháním pozdějších změn.',
    'merge.keeping.town.inner.noFields': 'Sloučení u něj nezměnilo žádný údaj.',
    'merge.keeping.town.geonamesDropped':
      'Město „{merged}“ se vrátí bez čísla GeoNames: to má teď karta „{kept}“ nebo jiné město (číslo smí mít jen jedna karta).',
    'merge.keeping.town.addedStay': 'Partnerství a údaje přidané ke kartě města „{kept}“ po sloučení u ní zůstanou.',
    'merge.keeping.townNameTaken':
      'Sloučení nelze vrátit: jiné město téže země se teď jmenuje „{name}“, takže sloučené město se vedle něj vrátit nemůže.',
  },
  {
    'merge.town.button': 'Merge with another record of this town…',
    'merge.partnership.button': 'Merge with another partnership of this member…',
    'merge.town.title': 'Merge two records of one town',
    'merge.partnership.title': 'Merge two partnerships of one member',
    'merge.partnership.explain':
      'Choose the partnership that is the same as this one ({keep}). This partnership stays.',
    'merge.town.explainChoose':
      'Choose the record that is the same town as “{town}” (its name written otherwise). Then choose which of the two records stays.',
    'merge.town.similar': 'similar name',
    'merge.town.stays.legend': 'Which record stays',
    'merge.town.stays.geonames': 'GeoNames {id}',
    'merge.town.stays.noGazetteer': 'not linked to the gazetteer',
    'merge.town.stays.started': 'the record you started from',
    'merge.town.stays.proposed': 'proposed',
    'merge.town.stays.proposedWhy':
      'Proposed is the record linked to the gazetteer (GeoNames); when both or neither are, the record you started from.',
    'merge.town.summaryStays':
      '“{keep}” stays; “{other}” is merged into it: its names stay as other names, empty fields of “{keep}” are filled from “{other}” (stated ones stay as they are on “{keep}”), notes and history are joined, the partnerships and requests of “{other}” move to “{keep}” (a member’s partnerships with both are joined). The merge can be undone.',
    'merge.partnership.summary':
      'The partnership with “{other}” is merged into this one: empty fields filled, the more precise date kept, notes and areas of cooperation joined; moving here: {moves}. The merge can be undone.',
    'merge.moves.none': 'nothing (no contacts, activities, agreement drafts or attachments)',
    'merge.moves.contacts.one': '{count} contact',
    'merge.moves.contacts.few': '{count} contacts',
    'merge.moves.contacts.other': '{count} contacts',
    'merge.moves.activities.one': '{count} activity',
    'merge.moves.activities.few': '{count} activities',
    'merge.moves.activities.other': '{count} activities',
    'merge.moves.agreements.one': '{count} agreement draft',
    'merge.moves.agreements.few': '{count} agreement drafts',
    'merge.moves.agreements.other': '{count} agreement drafts',
    'merge.moves.attachments.one': '{count} attachment',
    'merge.moves.attachments.few': '{count} attachments',
    'merge.moves.attachments.other': '{count} attachments',
    'merge.clashes.explain':
      'Both partnerships state these fields differently. Choose which value holds for each; otherwise this partnership’s value stays.',
    'merge.clashes.field': 'Field',
    'merge.clashes.kept': 'This partnership',
    'merge.clashes.other': 'Merged partnership',
    'merge.clashes.termUntil': '{term} until {date}',
    'merge.confirm': 'Merge',
    'merge.choose': 'Record to merge',
    'merge.none': 'No other record to choose.',
    'merge.partnershipsCount.one': '{count} partnership',
    'merge.partnershipsCount.few': '{count} partnerships',
    'merge.partnershipsCount.other': '{count} partnerships',
    'merge.done': 'Merged: “{other}” → “{keep}”.',
    'merge.undone': 'Merge undone.',
    'merge.error.otherMember': 'Only partnerships of one member can be merged.',
    'merge.error.otherCountry': 'Only towns of one country can be merged.',
    'merge.error.changedSince': 'The record has changed since the merge; it can no longer be undone.',
    'merge.error.mergedInto':
      'Someone merged this record into another one meanwhile: {name}, {at}. It is not in the bin. Nothing was saved; your edits are still in the form. The record kept is “{into}”: open it and make the change there.',
    'merge.error.mergedIntoGone':
      'Someone merged this record into another one meanwhile: {name}, {at}. That record is no longer in the registry either, so it cannot be named. Nothing was saved; your edits are still in the form.',
    'merge.error.restorePartnershipDuplicate':
      'The partnership cannot be restored: another partnership between these two towns was added meanwhile. The deleted partnership stays in the bin with all its data (Settings ▸ Deleted records); nothing is lost. Its values, contacts and activities can be carried over to the existing partnership with “Fill the new record from this one…”.',
    'merge.error.restoreMemberDuplicate':
      'The member cannot be restored: another municipality with the code {code} was added meanwhile. The deleted member stays in the bin with its partnerships and data (Settings ▸ Deleted records); nothing is lost. Add what you need to the existing municipality.',
    'merge.error.changedSinceBy':
      'The merge cannot be undone: “{kept}” has changed since the merge ({name}, {at}), and undoing it would overwrite that later change. Nothing was changed. The merged record “{merged}” stays with its values in Settings ▸ Deleted records (marked “merged into”): if you need it as a record of its own again, add it anew and copy its values from there.',
    'merge.error.changedSinceKept':
      'The merge cannot be undone: “{kept}” has changed since the merge, and undoing it would overwrite that later change. Nothing was changed. The merged record “{merged}” stays with its values in Settings ▸ Deleted records (marked “merged into”): if you need it as a record of its own again, add it anew and copy its values from there.',
    'merge.bin.mergedInto': 'merged into “{kept}”',
    'merge.bin.mergedIntoGone': 'merged into a record that is no longer in the registry',
    'merge.bin.openKept': 'Open “{kept}”',
    'merge.bin.openKeptHint': 'The merge can be undone from this record’s history.',
    'merge.bin.mergedHint':
      'Merged records are not restored here: open the record they were merged into and choose “Undo the merge” in its history. Their values are under the Values button.',
    'merge.bin.values.show': 'Values',
    'merge.bin.values.hide': 'Hide values',
    'merge.bin.values.none': 'The record had no values filled in.',
    'merge.bin.values.title': 'Values of “{label}” when it was deleted or merged',
    'merge.import.inBin.title': 'In the bin: {count}',
    'merge.import.inBin.explain':
      'These partnerships were deleted recently and are in the bin (Settings ▸ Deleted records). The import adds them as new ones, without the deleted record’s values. To keep their values and history, cancel the import, restore them from the bin, then run the import again.',
    'merge.import.inBin.row': '{label} (line {line}): deleted {at} by {name}, in the bin',
    'merge.import.inBin.rowUnnamed': '{label} (line {line}): deleted {at}, in the bin',
    'merge.error.restoreTownDuplicate':
      'The town cannot be restored: another record of the same town was added meanwhile ({name}). The deleted record stays in the bin with its data (Settings ▸ Deleted records); nothing is lost. Its values can be carried over to the card of {name} with “Fill the new record from this one…”.',
    'merge.fill.button': 'Fill the new record from this one…',
    'merge.fill.buttonHint':
      'Carry the values, contacts and activities of this deleted partnership over to the partnership added again meanwhile.',
    'merge.fill.title': 'Fill “{live}” from the deleted record',
    'merge.fill.explain':
      'The partnership “{live}” was added again meanwhile, so the deleted record (#{id}) cannot be restored. Choose what to carry over to the new record. Ticked in advance are the values the new record does not state; where both state something different, you decide. Nothing left unticked changes in the new record. The fill can be undone from the record’s history.',
    'merge.fill.fields': 'Values',
    'merge.fill.col.field': 'Field',
    'merge.fill.col.deleted': 'Deleted record',
    'merge.fill.col.live': 'New record',
    'merge.fill.unstated': 'not stated',
    'merge.fill.notesJoined': 'The deleted record’s notes are added after the existing ones.',
    'merge.fill.setsAdded': 'Missing items are added to the existing ones.',
    'merge.fill.noFields': 'The deleted record states nothing the new record does not state alike.',
    'merge.fill.children': 'Contacts, activities, agreement drafts and attachments',
    'merge.fill.noChildren': 'The deleted record had no contacts, activities, agreement drafts or attachments.',
    'merge.fill.child.contacts': 'Contact',
    'merge.fill.child.activities': 'Activity',
    'merge.fill.child.agreement_documents': 'Agreement draft',
    'merge.fill.child.attachments': 'Attachment',
    'merge.fill.duplicate': 'the new record has it already; not carried over',
    'merge.fill.confirm': 'Fill in',
    'merge.fill.nothingChosen': 'Nothing is chosen.',
    'merge.fill.done':
      'Filled “{live}” from the deleted record. It can be undone from the record’s history (Undo the fill).',
    'merge.fill.open': 'Open “{live}”',
    'merge.fill.noLive':
      'The new record of this partnership is no longer in the registry: the deleted record can now be restored with Restore.',
    'merge.fill.superseded':
      'This deleted record was restored or filled into another record meanwhile. Load the bin again.',
    'merge.fill.otherLive': 'The partnership of these two towns is another record now. Open the fill again.',
    'merge.bin.filledInto': 'filled into “{kept}”',
    'merge.bin.filledIntoGone': 'filled into a record that is no longer in the registry',
    'merge.history.filled': 'Filled from the deleted record {name}',
    'merge.history.filledAction': 'filled from a deleted record',
    'merge.history.undoFill': 'Undo the fill',
    'merge.history.townFillUndone':
      'The fill is undone: the card is back as it was, and the deleted record is in the bin again (Settings ▸ Deleted records).',
    'merge.fill.buttonHintTown':
      'Carry the values of this deleted town card (address, mayor, coordinates, notes…) over to the card of the same town added again meanwhile.',
    'merge.fill.explainTown':
      'The town “{live}” was added again meanwhile, so the deleted card (#{id}) cannot be restored. Choose which values to carry over to the new card. Ticked in advance are the values the new card does not state; where both state something different, you decide. Nothing left unticked changes in the new card. The fill can be undone from the card’s history.',
    'merge.fill.field.coordinates': 'Coordinates',
    'merge.fill.textsJoined': 'The deleted card’s text is added after the existing one.',
    'merge.fill.namesAdded': 'Missing names are added to the other names.',
    'merge.fill.noLiveTown':
      'No other card of this town is in the registry any more: the deleted card can now be restored with Restore.',
    'merge.fill.otherLiveTown': 'The card of this town is another record now. Open the fill again.',
    'merge.fill.doneTown':
      'Filled the card of “{live}” from the deleted card. It can be undone from the card’s history (Undo the fill).',
    'merge.keeping.offer': 'Undo the merge, keeping the later changes…',
    'merge.keeping.refusedBy':
      'The merge cannot be undone as a whole: “{kept}” has changed since the merge ({name}, {at}), and a plain undo would overwrite that change. Nothing was changed. The merged record “{merged}” stays with its values in Settings ▸ Deleted records. You can undo the merge and keep the later changes:',
    'merge.keeping.refused':
      'The merge cannot be undone as a whole: “{kept}” has changed since the merge, and a plain undo would overwrite that change. Nothing was changed. The merged record “{merged}” stays with its values in Settings ▸ Deleted records. You can undo the merge and keep the later changes:',
    'merge.keeping.title': 'Undo the merge, keeping the later changes',
    'merge.keeping.explain':
      'The partnership “{merged}” comes back as a record of its own, with its number and values. The partnership “{kept}” has changed since the merge; its fields end up as follows:',
    'merge.keeping.col.field': 'Field',
    'merge.keeping.col.before': 'Before the merge',
    'merge.keeping.col.current': 'Now',
    'merge.keeping.col.outcome': 'After the undo',
    'merge.keeping.outcome.restored': 'Goes back to its value before the merge (nobody changed it since).',
    'merge.keeping.outcome.keptLater': 'Current value kept: changed after the merge ({name}, {at}).',
    'merge.keeping.outcome.keptLaterUnknown': 'Current value kept: changed after the merge.',
    'merge.keeping.outcome.keptBoth':
      'Current value kept. Note: the merge changed this field and {name} changed it again afterwards ({at}). Put in the value from before the merge by hand if needed.',
    'merge.keeping.outcome.keptBothUnknown':
      'Current value kept. Note: the merge changed this field and someone changed it again afterwards. Put in the value from before the merge by hand if needed.',
    'merge.keeping.noFields': 'The merge changed no field of this partnership.',
    'merge.keeping.children': 'Contacts, activities, agreement drafts and attachments the merge moved',
    'merge.keeping.noChildren': 'The merge moved none.',
    'merge.keeping.child.back': 'goes back to “{merged}”',
    'merge.keeping.child.deleted': 'deleted since ({name}, {at}): stays deleted',
    'merge.keeping.child.deletedUnknown': 'deleted since: stays deleted',
    'merge.keeping.child.elsewhere': 'is on another partnership now: stays there',
    'merge.keeping.child.unnamed': 'unnamed (no. {id})',
    'merge.keeping.addedStay': 'What was added to the partnership “{kept}” after the merge stays with it.',
    'merge.keeping.confirm': 'Undo the merge',
    'merge.keeping.done': 'Merge undone; the later changes were kept.',
    'merge.keeping.unavailable': 'This merge cannot be undone keeping the later changes.',
    'merge.keeping.changedMeanwhileBy':
      'What the undo would do changed meanwhile ({name}, {at}). Nothing was changed; open the undo again.',
    'merge.keeping.changedMeanwhile':
      'What the undo would do changed meanwhile. Nothing was changed; open the undo again.',
    'merge.keeping.field.acknowledgedWarnings': 'Confirmed warnings',
    'merge.keeping.field.importRunId': 'Import run',
    'merge.keeping.field.geonamesId': 'GeoNames id',
    'merge.keeping.town.explain':
      'The town “{merged}” comes back as a card of its own with its number and values. The card of “{kept}” changed since the merge; its fields end up as follows:',
    'merge.keeping.town.noFields': 'The merge changed no field of this town’s card.',
    'merge.keeping.town.partnerships': 'Partnerships the merge moved to “{kept}”',
    'merge.keeping.town.noPartnerships': 'The merge moved none.',
    'merge.keeping.town.partnership.back': 'goes back to “{merged}”',
    'merge.keeping.town.partnership.deleted': 'deleted since ({name}, {at}): stays deleted',
    'merge.keeping.town.partnership.deletedUnknown': 'deleted since: stays deleted',
    'merge.keeping.town.partnership.merged': 'merged into another partnership since ({name}, {at}): stays so',
    'merge.keeping.town.partnership.mergedUnknown': 'merged into another partnership since: stays so',
    'merge.keeping.town.partnership.elsewhere': 'has another partner town now ({name}, {at}): stays with it',
    'merge.keeping.town.partnership.elsewhereUnknown': 'has another partner town now: stays with it',
    'merge.keeping.town.inner': 'Partnerships the town merge merged (the member had one with each town)',
    'merge.keeping.town.inner.undone':
      'The partnership “{merged}” is separated from “{kept}” and comes back with its number and values; on “{kept}”:',
    'merge.keeping.town.inner.keptGone':
      'Stays merged into “{kept}”: that one was deleted or merged into another partnership since ({name}, {at}).',
    'merge.keeping.town.inner.keptGoneUnknown':
      'Stays merged into “{kept}”: that one was deleted or merged into another partnership since.',
    'merge.keeping.town.inner.unavailable':
      'Stays merged into “{kept}”: the merge was recorded before merges noted what they changed, so it cannot be undone keeping later changes.',
    'merge.keeping.town.inner.noFields': 'The merge changed none of its fields.',
    'merge.keeping.town.geonamesDropped':
      'The town “{merged}” comes back without its GeoNames id: the card of “{kept}” or another town holds it now (only one card may).',
    'merge.keeping.town.addedStay':
      'Partnerships and values added to the card of “{kept}” after the merge stay with it.',
    'merge.keeping.townNameTaken':
      'The merge cannot be undone: another town of the same country is called “{name}” now, so the merged town cannot come back beside it.',
  },
);

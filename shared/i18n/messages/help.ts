import { defineMessages } from '../define';

/** The Help screen and the first-start welcome. */
export const helpMessages = defineMessages(
  {
    'help.title': 'Nápověda',
    'help.intro':
      'Registr partnerství vede členské obce sdružení a jejich partnerství se zahraničními městy: typ, stav, data, usnesení, oblasti spolupráce, kontakty a aktivity.',
    'help.toc': 'Obsah',
    'help.types.title': 'Typy partnerství',
    'help.type.formal':
      'Partnerství uzavřené písemnou smlouvou (dohodou o partnerství), obvykle schválenou zastupitelstvy obou stran.',
    'help.type.friendship':
      'Volnější vztah stvrzený memorandem nebo prohlášením o přátelství, bez smlouvy o partnerství.',
    'help.type.project': 'Spolupráce vázaná na společný projekt, která nemusí trvat po jeho skončení.',
    'help.type.informal': 'Obce se navštěvují nebo spolupracují, ale nic písemně neuzavřely.',
    'help.type.unknown':
      'Zdroj (obvykle importovaný soubor) typ neuvádí. Aplikace ho nedomýšlí a ve statistikách má takové partnerství vlastní kategorii.',
    'help.statuses.title': 'Stavy partnerství',
    'help.status.proposed': 'O partnerství se uvažuje nebo ho jedna strana navrhla; jednání ještě nezačala.',
    'help.status.preparation': 'Strany jednají; připravuje se smlouva nebo usnesení zastupitelstva.',
    'help.status.active': 'Partnerství platí a strany spolupracují.',
    'help.status.dormant': 'Partnerství formálně trvá, ale spolupráce ustala.',
    'help.status.ended':
      'Partnerství skončilo (vypovězením, uplynutím doby nebo jinak); záznam zůstává kvůli historii.',
    'help.status.unknown': 'Zdroj stav neuvádí. Takové partnerství se nikdy nepočítá jako aktivní.',
    'help.statuses.dormantNote':
      'Statistiky navíc označí jako „bez aktivity“ každé aktivní nebo neaktivní partnerství, jehož poslední aktivita i začátek jsou starší než zvolený počet let.',
    'help.statuses.periodNote':
      'Statistiky za období (rok zahájení od–do) počítají jen partnerství se známým rokem zahájení; kolik jich rok zahájení nemá, a proto do období nezapadá, uvádí obrazovka i každý export zvlášť. Členskými obcemi se ve statistikách vždy rozumějí dnešní členové svazu.',
    'help.term.unknown':
      'Platnost „neuvedeno“: zdroj neuvádí, zda partnerství platí na dobu neurčitou, nebo do určitého data. Doplníte ji v detailu partnerství, až ji zjistíte (např. ze smlouvy); do té doby se partnerství nepočítá mezi smlouvy, jejichž platnost končí.',
    'help.provenance.title': 'Původ a ověření údajů',
    'help.provenance.body':
      'Každá členská obec, zahraniční město a partnerství nese svůj původ: zadáno ručně, ukázková data, import ze souboru (s jeho názvem) nebo ze žádosti. Tabulky Členové a Partnerství ukazují původ a datum ověření a dají se podle nich filtrovat: neověřené, ověřené, podle původu nebo podle jednoho importu.',
    'help.provenance.verify':
      'Když záznamy porovnáte se skutečností (smlouvou, usnesením, webem obce), označte je tlačítkem „Označit jako ověřené (N)“: označí řádky, které tabulka právě ukazuje (na obrazovce Partnerství jen zaškrtnuté, pokud nějaké zaškrtnete), a do historie záznamů zapíše, kdo a kdy je ověřil.',
    'help.provenance.history':
      'Každá změna se zapisuje do historie záznamu s vaším jménem a časem (jméno nastavíte v Nastavení). Z historie lze jednotlivou změnu vrátit.',
    'help.sources.title': 'Odkud data pocházejí',
    'help.sources.import':
      'Import ze souboru: Excel (XLSX) nebo CSV a TSV v kódování UTF-8, Windows-1250 i ISO-8859-2, oddělené středníkem, čárkou nebo tabulátorem (kódování i oddělovač se poznají samy). Číselník ČSÚ „Struktura území ČR“, seznam obcí a mapa partnerských měst Svazu se poznají podle záhlaví; u jiných souborů přiřadíte sloupce polím registru.',
    'help.sources.gazetteer':
      'Zahraniční města se napovídají bez připojení k internetu z gazetteeru GeoNames (seznam měst světa s počtem obyvatel a souřadnicemi, dodávaný s aplikací), i podle českých názvů: „Remeš“ najde Reims. Při prvním napovídání se seznam chvíli načítá.',
    'help.sources.ares':
      'ARES: u obce stačí zadat IČO a stisknout „Načíst z ARES“. Aplikace se zeptá veřejného registru ekonomických subjektů Ministerstva financí (potřebuje připojení k internetu) a doplní jen prázdná pole: název, kód obce, typ, okres, ulici a PSČ. Co ve formuláři už je jinak, jen nabídne k převzetí. Nic se neuloží, dokud formulář neuložíte.',
    'help.sources.boundaries':
      'Mapa: hranice krajů jsou součástí aplikace (Natural Earth, volné dílo). Hranice okresů součástí nejsou; volba „Stínovat: Okresy (přibližně)“ je odvodí z poloh obcí v registru (každé místo kraje připadne okresu nejbližší obce), takže čáry mezi okresy jsou jen přibližné a okresy velkých měst vyjdou menší. Potřebuje seznam obcí se souřadnicemi; kraj, v jehož okrese žádná obec polohu nemá, se na okresy nedělí.',
    'help.sources.demo':
      'Ukázková data se při prvním spuštění nahrají do prázdného registru: 14 krajů, okresy, asi 40 skutečných členských obcí a jejich partnerství se smyšlenými kontakty a aktivitami. Jsou označená jako ukázková a pruh nad obrazovkou je umožní odstranit; předtím se vytvoří záloha a ukázkové záznamy, na které se odkazují vaše data, zůstanou.',
    'help.import.title': 'Jak funguje import',
    'help.import.step1':
      'Na obrazovce Členové zvolte „Importovat…“ (v okně aplikace také Soubor ▸ Importovat ze souboru), nebo soubor přetáhněte do okna. Soubor neznámého tvaru potřebuje přiřadit sloupce; sloupce, jejichž záhlaví údaj pojmenovává (např. „Kód obce“, „Poznámka“), aplikace předvyplní a vy je zkontrolujete.',
    'help.import.step2':
      'Náhled nic nezapisuje. Ukáže řádky k přidání, ke změně (údaj: před → po) a beze změny a každý problém s číslem řádku, sloupcem a důvodem. Chybný řádek se nenaimportuje; při varování se řádek naimportuje bez sporné hodnoty, nic se nedomýšlí. Možné duplicity zahraničních měst rozhodnete („totéž město“ / „jiné město“) a rozhodnutí se zapamatuje.',
    'help.import.step3':
      'Zvolte, co se stane s existujícími záznamy: doplnit jen prázdné údaje (doporučeno; vyplněné hodnoty zůstanou a náhled je vypíše), jen přidat nové a existující neměnit, nebo přepsat vyplněné údaje hodnotami ze souboru.',
    'help.import.step4':
      'U registru v souboru se před zápisem vytvoří ověřená záloha. Import se zapíše celý, nebo vůbec (lze ho zastavit a nic nezůstane napůl). Opakovaný import téhož souboru nic nezmění.',
    'help.import.step5':
      'Nastavení ▸ Historie importů ukazuje každý import: kdy, kdo, soubor, zvolenou volbu, počty a hlášení. Celý import vrátíte tlačítkem „Vrátit import“: přidané záznamy se odstraní a změněné dostanou zpět předchozí hodnoty. Pokud už na jeho záznamech někdo pracoval, aplikace je vyjmenuje (kdo a kdy) a nic nezmění; záznamy, na které nikdo nesáhl, pak můžete odebrat zvlášť („Odebrat … importované záznamy, které nikdo nezměnil“) a změněné zůstanou, jak jsou. Až jako poslední možnost zbývá u registru v souboru obnovit zálohu „před importem …“ v Nastavení ▸ Zálohy. Po importu seznamu obcí označíte členy hromadně: zaškrtněte obce a zvolte „Členství vybraných“.',
    'help.merge.title': 'Duplicity a slučování',
    'help.merge.start':
      'Po importu bývá jedno město v registru dvakrát (jednou třeba bez diakritiky: „Ruzomberk“ vedle „Ružomberok“), nebo má obec s jedním městem dvě partnerství. Otevřete na obrazovce Partnerství detail partnerství a v části Partnerské město zvolte „Sloučit s jiným záznamem města…“, nebo „Sloučit s jiným partnerstvím obce…“.',
    'help.merge.town':
      'U dvou záznamů města vyberte ten druhý (podobné názvy jsou v seznamu první) a zvolte, který z obou záznamů zůstane; navržen je ten s vazbou na místopis (GeoNames), a mají-li ji oba nebo žádný, ten, z něhož slučujete. Prázdné údaje karty, která zůstane, se doplní z druhé (vyplněné zůstanou), názvy druhého záznamu zůstanou jako další názvy a jeho partnerství a žádosti přejdou k městu, které zůstalo. Měla-li jedna obec partnerství s oběma záznamy, spojí se v jedno.',
    'help.merge.partnership':
      'U dvou partnerství jedné obce zůstane to, z jehož detailu slučujete: prázdné údaje se doplní, poznámky a oblasti spolupráce se spojí a kontakty, aktivity, návrhy smluv a přílohy přejdou k němu. Kde obě partnerství uvádějí něco jiného, vyberete, která hodnota platí.',
    'help.merge.undo':
      'Sloučení vrátíte tlačítkem Vrátit zpět v jeho oznámení, později tlačítkem „Vrátit sloučení“ v historii záznamu, který zůstal (u města v Kartě města ▸ Historie změn karty, u partnerství v jeho Historii změn). Změnil-li se ten záznam od sloučení, prosté vrácení by tuto změnu přepsalo, proto se nic nezmění a aplikace nabídne „Vrátit sloučení a ponechat pozdější změny…“: u každého údaje ukáže, co se s ním stane.',
    'help.merge.revert':
      'V historii karty partnerského města vrátíte i jednu dřívější změnu tlačítkem „Vrátit tuto změnu“: úpravu karty, nebo propojení s místopisem (GeoNames), které karta dostala, když bylo jako partner vybráno totéž město z místopisu, i s údaji, které se tím doplnily. Změnil-li někdo některý z těch údajů mezitím, aplikace ho jmenuje a nic nezmění.',
    'help.merge.gazetteer':
      'Partnerská města, která se do registru dostala dřívějšími importy a nejsou propojená s místopisem, propojíte najednou v Nastavení ▸ Propojení partnerských měst s místopisným rejstříkem: město se propojí, jen má-li místopis v jeho zemi jediné město téhož názvu do 10 km od souřadnic na kartě. Doplní se číslo GeoNames a počet obyvatel tam, kde chybí; celé propojení vrátíte v oznámení nebo v historii karty.',
    'help.backups.title': 'Zálohy a obnovení',
    'help.backups.when':
      'U registru v souboru se záloha dělá sama před každou změnou schématu databáze, před každým importem, který něco mění, i před jeho vrácením, před odstraněním ukázkových dat a jednou denně při spuštění; kdykoli také tlačítkem Nastavení ▸ Zálohy ▸ Zálohovat nyní. Každá záloha se po vytvoření ověří. Uchovává se 10 posledních a nejnovější z každého z 12 měsíců, ve složce vedle souboru databáze.',
    'help.backups.server':
      'Registr sdílený na serveru (PostgreSQL) zálohuje správce serveru, ne aplikace: zálohy před importem, tlačítko Zálohovat nyní ani obnovení ze zálohy v aplikaci nejsou (Nastavení ▸ Zálohy to u takového registru řekne). Ze zálohy ho obnovuje správce; obraťte se na něj. Smazané záznamy, historie záznamů a vrácení importu fungují stejně jako u souboru.',
    'help.backups.restore':
      'Obnovení ze zálohy nejprve zkontroluje, že je záloha v pořádku, a současný stav uloží jako další zálohu („před obnovou“). Změny provedené po pořízení obnovované zálohy pak v registru nebudou; zůstanou jen v té záloze před obnovou, odkud je lze dohledat.',
    'help.backups.bin':
      'Jednotlivé smazané záznamy (posledních 90 dní) vrátíte v Nastavení ▸ Smazané záznamy; poslední změnu vrátí tlačítko Vrátit zpět v jejím oznámení, nebo Ctrl+Z, dokud je oznámení vidět. Starší změnu vrátíte z historie záznamu. Partnerské město, které po smazání partnerství nic nezmiňuje, smažete v Nastavení ▸ Partnerská města bez partnerství nebo na jeho kartě.',
    'help.backups.attachments':
      'Přílohy partnerství (naskenované smlouvy, usnesení, fotografie) se ukládají přímo v registru, takže jsou v každé záloze i v kopii registru do souboru. Smazaná příloha se vrátí i se svým obsahem. Fotografie z akce lze přiřadit k její aktivitě; smazaná aktivita po obnovení své přílohy zase najde.',
    'help.keys.title': 'Klávesové zkratky',
    'help.keys.key': 'Klávesy',
    'help.keys.action': 'Co udělají',
    'help.key.new': 'Nový záznam na zobrazené obrazovce (nový člen, nové partnerství, nová žádost)',
    'help.key.save': 'Uloží otevřený formulář nebo dialog',
    'help.key.search': 'Přesune kurzor do vyhledávání na obrazovce',
    'help.key.undo': 'Vrátí vaši poslední změnu, dokud je vidět její oznámení (v textovém poli vrací psaní)',
    'help.key.close': 'Zavře dialog nebo panel',
    'help.key.help': 'Otevře tuto nápovědu',
    'help.key.gridOpen': 'V tabulce otevře řádek (na buňce s tlačítkem nebo odkazem udělá to, co klepnutí na ně)',
    'help.key.gridDelete': 'V tabulce partnerství se zeptá, zda řádek smazat',
    'help.key.gridEdit':
      'V tabulce začne upravovat buňku, kterou lze upravit (také psaní nebo dvojklik; Enter úpravu uloží)',
    'help.keys.mac': 'Na Macu místo Ctrl stiskněte ⌘ (Cmd).',
    'welcome.title': 'Vítejte v Registru partnerství',
    'welcome.intro': 'Než začnete: pod jakým jménem se mají zapisovat vaše změny?',
    'welcome.nameLabel': 'Vaše jméno',
    'welcome.nameHint':
      'Jméno se zapisuje do historie každého záznamu, který upravíte (kdo a kdy co změnil). Můžete ho kdykoli změnit v Nastavení.',
    'welcome.demoTitle': 'Registr zatím obsahuje ukázková data',
    'welcome.demoBody':
      'Abyste si mohli aplikaci hned vyzkoušet, obsahuje {municipalities} skutečných členských obcí a {partnerships} jejich partnerství se smyšlenými kontakty a aktivitami. Jsou označená jako ukázková; než začnete s vlastními daty, odstraníte je tlačítkem „Odstranit ukázková data“ v pruhu nahoře.',
    'welcome.helpHint': 'Co znamenají typy a stavy partnerství, jak funguje import a zálohy, najdete v Nápovědě (F1).',
    'welcome.skip': 'Přeskočit',
    'welcome.nameMissing': 'Napište své jméno, nebo zvolte „Přeskočit“.',
    'welcome.start': 'Uložit a začít',
  },
  {
    'help.title': 'Help',
    'help.intro':
      "Twinning Registry keeps an association's member municipalities and their partnerships with foreign towns: type, status, dates, council resolutions, areas of cooperation, contacts and activities.",
    'help.toc': 'Contents',
    'help.types.title': 'Types of partnership',
    'help.type.formal':
      'A partnership concluded by a written agreement, usually approved by the councils of both sides.',
    'help.type.friendship':
      'A looser tie confirmed by a memorandum or declaration of friendship, without a partnership agreement.',
    'help.type.project': 'Cooperation tied to a joint project, which need not go on after the project ends.',
    'help.type.informal': 'The towns visit each other or work together but have signed nothing.',
    'help.type.unknown':
      'The source (usually an imported file) does not state the type. The application never guesses it, and such a partnership has its own category in the statistics.',
    'help.statuses.title': 'Statuses of a partnership',
    'help.status.proposed': 'A partnership is being considered or one side has proposed it; talks have not begun.',
    'help.status.preparation': 'The sides are in talks; an agreement or a council resolution is being prepared.',
    'help.status.active': 'The partnership is in force and the sides work together.',
    'help.status.dormant': 'The partnership formally exists, but cooperation has stopped.',
    'help.status.ended':
      'The partnership has ended (terminated, expired or otherwise); the record stays for the history.',
    'help.status.unknown': 'The source does not state the status. Such a partnership is never counted as active.',
    'help.statuses.dormantNote':
      'The statistics also flag as “no activity” every active or dormant partnership whose latest activity and start are both older than the chosen number of years.',
    'help.statuses.periodNote':
      'Statistics for a period (start year from–to) count only partnerships whose start year is known; how many have none, and so fall outside the period, the screen and every export say separately. Member municipalities in the statistics are always today’s members of the association.',
    'help.term.unknown':
      'Term “not stated”: the source does not say whether the partnership is for an indefinite or a fixed term. Fill it in the partnership’s detail once you know it (e.g. from the agreement); until then the partnership is not counted among agreements whose term ends.',
    'help.provenance.title': 'Provenance and verification',
    'help.provenance.body':
      'Every member municipality, foreign town and partnership records where it came from: entered by hand, demo data, an import from a file (with its name) or a request. The Members and Partnerships grids show the provenance and the date of verification and filter by them: unverified, verified, by origin or by one import.',
    'help.provenance.verify':
      "Once you have checked records against reality (the agreement, a resolution, the town's website), mark them with “Mark as verified (N)”: it marks the rows the grid shows (in Partnerships only the ticked ones, if you tick some) and writes who verified them and when into their history.",
    'help.provenance.history':
      "Every change is written to the record's history with your name and the time (set your name in Settings). A single change can be put back from the history.",
    'help.sources.title': 'Where the data comes from',
    'help.sources.import':
      "Import from a file: Excel (XLSX), or CSV and TSV in UTF-8, Windows-1250 or ISO-8859-2, separated by semicolons, commas or tabs (the encoding and the separator are detected). The Czech Statistical Office's “territorial structure” list, the municipality list and the partner-town map of the Union of Towns and Municipalities (SMO ČR) are recognised by their header; for other files you map the columns to the registry's fields.",
    'help.sources.gazetteer':
      "Foreign towns are suggested offline from the GeoNames gazetteer (a list of the world's towns with population and coordinates that comes with the application), also by their Czech names: “Remeš” finds Reims. The list takes a moment to load the first time.",
    'help.sources.ares':
      'ARES: for a municipality, type its IČO and press “Look up in ARES”. The app asks the public register of economic subjects of the Ministry of Finance (it needs an internet connection) and fills only the empty fields: name, code, kind, district, street and postcode. What the form already holds differently is only offered. Nothing is saved until you save the form.',
    'help.sources.boundaries':
      'Map: the region boundaries ship with the app (Natural Earth, public domain). District boundaries do not; “Shade: Districts (approximate)” derives them from the positions of the municipalities in the registry (every place of a region goes to the district of the nearest municipality), so the lines between districts are approximate and city districts come out smaller. It needs the municipality list with coordinates; a region with a district where no municipality has a position is not divided.',
    'help.sources.demo':
      'Demo data is loaded into an empty registry on the first start: the 14 regions, the districts, about 40 real member municipalities and their partnerships with invented contacts and activities. It is marked as demo data and the bar above the screen removes it; a backup is made first, and demo records your own data refers to are kept.',
    'help.import.title': 'How import works',
    'help.import.step1':
      'On the Members screen choose “Import…” (in the application window also File ▸ Import from a file), or drop the file on the window. A file of an unknown layout needs its columns assigned; columns whose headers name a field (e.g. “Kód obce”, “Poznámka”) are filled in for you to check.',
    'help.import.step2':
      'The preview writes nothing. It lists the rows to add, to change (field: before → after) and unchanged, and every problem with its line, column and reason. A row with an error is not imported; with a warning the row is imported without the doubtful value, nothing is guessed. You decide on possible duplicate foreign towns (“the same town” / “another town”) and the decision is remembered.',
    'help.import.step3':
      "Choose what happens to existing records: fill empty fields only (recommended; filled values stay and the preview lists them), add new records only and change nothing existing, or overwrite filled values with the file's.",
    'help.import.step4':
      'For a registry file, a verified backup is made before anything is written. The import is written whole or not at all (it can be stopped and nothing is left half done). Importing the same file again changes nothing.',
    'help.import.step5':
      'Settings ▸ Import history shows every import: when, who, the file, the option chosen, the counts and the messages. To undo a whole import, use “Undo import”: the records it added are removed and the ones it changed get their earlier values back. If someone has worked on its records since, the app names them (who and when) and changes nothing; the records nobody touched can then be removed on their own (“Remove … imported records nobody changed”), and the changed ones stay as they are. Only as a last resort, for a registry file, restore its “before importing …” backup in Settings ▸ Backups. After importing the list of municipalities, mark the members at once: tick them and choose “Set membership”.',
    'help.merge.title': 'Duplicates and merging',
    'help.merge.start':
      'After an import one town is often in the registry twice (once perhaps without diacritics: “Ruzomberk” beside “Ružomberok”), or a member has two partnerships with one town. On the Partnerships screen open the partnership’s detail and, under Partner town, choose “Merge with another record of this town…” or “Merge with another partnership of this member…”.',
    'help.merge.town':
      'For two records of a town, pick the other one (similar names lead the list) and choose which of the two records stays; the one linked to the gazetteer (GeoNames) is proposed, or, if both or neither are, the one you started from. The empty fields of the card that stays are filled from the other (filled ones stay), the other record’s names stay as other names, and its partnerships and requests move to the town that stayed. Where one member had a partnership with each record, the two are joined into one.',
    'help.merge.partnership':
      'For two partnerships of one member, the one whose detail you started from stays: its empty fields are filled, notes and areas of cooperation are joined, and contacts, activities, agreement drafts and attachments move to it. Where the two partnerships state something different, you choose which value holds.',
    'help.merge.undo':
      'Undo a merge with the Undo button of its notice, later with “Undo the merge” in the history of the record that stayed (for a town in its Town card ▸ Changes of the card, for a partnership in its History of changes). If that record has changed since the merge, a plain undo would overwrite the change, so nothing is changed and the app offers “Undo the merge, keeping the later changes…”: it shows what happens to each field.',
    'help.merge.revert':
      'A partner town card’s history also puts back one past change with “Revert this change”: an edit of the card, or the link to the gazetteer (GeoNames) the card got when the same town was picked from the gazetteer as a partner, with the fields it filled. If someone changed one of those fields since, the app names it and changes nothing.',
    'help.merge.gazetteer':
      'Partner towns that came into the registry with earlier imports and are not linked to the gazetteer are linked at once in Settings ▸ Linking partner towns to the gazetteer: a town is linked only when the gazetteer has exactly one town of that name in its country within 10 km of the coordinates on its card. The GeoNames id is filled in, and the population where the card has none; the whole run is undone from its notice or from a card’s history.',
    'help.backups.title': 'Backups and restore',
    'help.backups.when':
      'For a registry file, a backup is made by itself before every change of the database schema, before every import that changes something and before its undo, before the demo data is removed and once a day at start; at any time also with Settings ▸ Backups ▸ Back up now. Every backup is checked once written. The 10 newest and the newest of each of 12 months are kept, in a folder beside the database file.',
    'help.backups.server':
      'A registry shared on a server (PostgreSQL) is backed up by the server’s administrator, not by the app: there are no backups before imports, no Back up now and no restore from a backup in the app (Settings ▸ Backups says so for such a registry). The administrator restores it from a backup; ask them. Deleted records, record histories and undoing an import work as with a file.',
    'help.backups.restore':
      'Restoring first checks that the backup is sound and saves the current state as another backup (“before a restore”). Changes made after the restored backup was taken are then no longer in the registry; they stay only in that backup, where they can be looked up.',
    'help.backups.bin':
      'Single deleted records (last 90 days) come back from Settings ▸ Deleted records; your last change is undone by the Undo button of its notice, or by Ctrl+Z while the notice is shown. An older change is undone from the record’s history. A partner town nothing names any more (after its partnership was deleted) is deleted in Settings ▸ Partner towns without a partnership, or on its card.',
    'help.backups.attachments':
      'Attachments of partnerships (scanned agreements, resolutions, photos) are kept inside the registry, so every backup and every copy of the registry to a file holds them. A deleted attachment comes back with its content. Photos of an event can be linked to its activity; a deleted activity finds its attachments again when it is restored.',
    'help.keys.title': 'Keyboard shortcuts',
    'help.keys.key': 'Keys',
    'help.keys.action': 'What they do',
    'help.key.new': 'A new record on the screen shown (new member, new partnership, new request)',
    'help.key.save': 'Saves the open form or dialog',
    'help.key.search': "Moves to the screen's search box",
    'help.key.undo': 'Undoes your last change while its notice is shown (in a text field it undoes typing)',
    'help.key.close': 'Closes a dialog or panel',
    'help.key.help': 'Opens this help',
    'help.key.gridOpen': 'In a table, opens the row (on a cell with a button or a link, does what a click on it does)',
    'help.key.gridDelete': 'In the Partnerships table, asks whether to delete the row',
    'help.key.gridEdit':
      'In a table, starts editing a cell that can be edited (typing or a double-click too; Enter stores the edit)',
    'help.keys.mac': 'On a Mac press ⌘ (Cmd) instead of Ctrl.',
    'welcome.title': 'Welcome to Twinning Registry',
    'welcome.intro': 'Before you start: under which name should your changes be recorded?',
    'welcome.nameLabel': 'Your name',
    'welcome.nameHint':
      'The name is written to the history of every record you edit (who changed what and when). You can change it in Settings at any time.',
    'welcome.demoTitle': 'The registry holds demo data for now',
    'welcome.demoBody':
      'So that you can try the application at once, it holds {municipalities} real member municipalities and {partnerships} of their partnerships with invented contacts and activities. They are marked as demo data; before you start with your own data, remove them with “Remove demo data” in the bar at the top.',
    'welcome.helpHint':
      'What the types and statuses of partnerships mean and how import and backups work is in Help (F1).',
    'welcome.skip': 'Skip',
    'welcome.nameMissing': 'Type your name, or choose “Skip”.',
    'welcome.start': 'Save and start',
  },
);

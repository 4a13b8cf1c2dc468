import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClauseLibrary } from '../../../shared/domain/agreements/library';
import {
  buildAgreementModel,
  markerText,
  sectionText,
  type AgreementModel,
  type AgreementRequest,
  type PartnerLanguage,
  type PartyFields,
} from '../../../shared/domain/agreements/model';
import type { AgreementRequestInput } from '../../../shared/domain/agreements/schemas';
import { withArticleEdits, type ArticleEdits } from '../../../shared/domain/agreements/article-edits';
import { formalStateNames } from '../../../shared/domain/agreements/states';
import { typeset } from '../../../shared/domain/agreements/typography';
import { loadClauseLibrary } from '../../../electron/core/services/agreements/library-loader';
import { renderAgreementDocx } from '../../../electron/core/services/agreements/docx-render';
import { agreementDocument } from '../../../electron/core/services/agreements/docx-marks';
import { RESOURCES_DIR } from '../../support/temp-db';

/*
 * Rows of the agreements language review that were still wrong in the regenerated 22 drafts
 * (scripts/review-drafts.ts): golden texts of the party lines, the signature's function marker,
 * the Slovak marker, French "Article 1er" and Swiss German spelling.
 */

let library: ClauseLibrary;
beforeAll(async () => {
  library = await loadClauseLibrary(RESOURCES_DIR);
});

const cz: PartyFields = {
  name: 'Český Krumlov',
  nounKey: 'mesto',
  countryNames: formalStateNames('CZ'),
  address: 'nám. Svornosti 1, 381 01 Český Krumlov',
  idNumber: '00245836',
  mayorName: 'Helena Rybářová',
  mayorGender: 'f',
  mayorRank: 'town',
  mayorOffice: 'CZ:starosta_mesta',
  mayorTitles: {},
  signingPlace: 'Český Krumlov',
  signingDate: null,
  resolution: '',
  resolutionDate: null,
};

const partner = (over: Partial<PartyFields>): PartyFields => ({
  ...cz,
  name: 'Partner',
  nounKey: 'foreign_town',
  idNumber: '',
  mayorName: '',
  mayorGender: null,
  mayorRank: 'town',
  mayorOffice: undefined,
  signingPlace: 'Partner',
  ...over,
});

const request = (
  language: PartnerLanguage,
  p: PartyFields,
  over: Partial<AgreementRequest> = {},
): AgreementRequest => ({
  template: 'partnership',
  language,
  layout: 'parallel',
  preambles: ['european_integration'],
  omit: [],
  titlePage: false,
  areas: ['culture'],
  fields: {
    cz,
    partner: p,
    duration: 'indefinite',
    entry: 'approval',
    validUntil: null,
    termYears: 5,
    noticeMonths: 6,
    originals: 4,
    projectName: '',
  },
  ...over,
});

const build = (r: AgreementRequest): AgreementModel => buildAgreementModel(library, r);
const flat = (text: string): string => text.replace(/[\u00a0\u2011]/g, (c) => (c === '\u2011' ? '-' : ' '));
/** The party lines of a column (heading and intro left out), no-break spaces read as spaces. */
const partyLines = (model: AgreementModel, column: 0 | 1): string[] =>
  flat(sectionText(model.sections.find((s) => s.id === 'parties')?.texts[column] ?? [])).split('\n');
const columnText = (model: AgreementModel, column: 0 | 1): string =>
  model.sections.map((s) => sectionText(s.texts[column])).join('\n');

const KALUSH = partner({
  name: 'Kalush',
  nameCs: 'Kaluš',
  nameCyrillic: 'Калуш',
  countryNames: formalStateNames('UA'),
  mayorName: 'Андрій Найда',
  mayorGender: 'm',
  mayorOffice: 'UA:miskyi_holova',
  contractingBody: 'Калуська міська рада',
});
const SAN_GIMIGNANO = partner({
  name: 'San Gimignano',
  countryNames: formalStateNames('IT'),
  mayorName: 'Daniela Morbis',
  mayorGender: 'f',
  mayorOffice: 'IT:sindaco',
  contractingBody: 'Comune di San Gimignano',
});

describe('uk4: the Ukrainian representative', () => {
  it('"від імені Сторони діє міська голова Гелена Рибаржова": no nominative after "в особі:"', () => {
    const lines = partyLines(build(request('uk', KALUSH)), 1);
    expect(lines).toContain('від імені Сторони діє міська голова Гелена Рибаржова');
    expect(lines).toContain('від імені Сторони діє міський голова Андрій Найда');
    expect(lines.join('\n')).not.toContain('в особі');
  });
});

describe('it4: the Italian representative', () => {
  it('"in persona della sindaca pro tempore, …" by the head’s gender, "del/della" with the title’s marker', () => {
    const lines = partyLines(build(request('it', SAN_GIMIGNANO)), 1);
    expect(lines).toContain('in persona della sindaca pro tempore, Helena Rybářová');
    expect(lines).toContain('in persona della sindaca pro tempore, Daniela Morbis');
    const male = partyLines(
      build(request('it', { ...SAN_GIMIGNANO, mayorGender: 'm', mayorName: 'Andrea Marrucci' })),
      1,
    );
    expect(male).toContain('in persona del sindaco pro tempore, Andrea Marrucci');
    const unknown = partyLines(build(request('it', { ...SAN_GIMIGNANO, mayorGender: null, mayorName: '' })), 1);
    expect(unknown).toContain(
      'in persona del/della [doplňte / da completare: sindaco / sindaca] pro tempore, ' +
        '[doplňte / da completare: nome e cognome del rappresentante]',
    );
  });
});

describe('C12: markers', () => {
  it('Slovak asks with the Czech word once: "[doplňte: adresa sídla]", never "[doplňte / doplňte: …]"', () => {
    expect(markerText(library, 'sk', 'address')).toBe(`[doplňte: ${library.languages.sk.markers.address}]`);
    expect(markerText(library, 'de', 'address')).toBe('[doplňte / bitte ergänzen: Anschrift]');
    const model = build(request('sk', partner({ name: 'Nové Zámky', mayorOffice: 'SK:primator' })));
    expect(columnText(model, 1)).not.toContain('doplňte / doplňte');
    // The title's marker reads the same in both languages: printed once under the signature.
    expect(model.signatures[1].functions).toEqual([
      '[doplňte: primátor / primátorka]',
      '[doplňte: primátor / primátorka]',
    ]);
  });

  it('the signature’s function marker is highlighted like every marker (the gender is unknown)', async () => {
    const model = build(request('de', partner({ name: 'Konstanz', mayorOffice: 'DE:oberbuergermeister' })));
    expect(model.signatures[1].functionsMissing).toEqual([true, true]);
    expect(model.signatures[0].functionsMissing).toEqual([false, false]);
    const zip = await JSZip.loadAsync(await renderAgreementDocx(model));
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const signatureParagraphs = [
      ...document.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?AgreementSignature[\s\S]*?<\/w:p>/g),
    ].map((m) => m[0]);
    const runs = signatureParagraphs.flatMap((p) => [...p.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]));
    const runOf = (text: string) => runs.find((r) => r.includes(`>${text}</w:t>`));
    const czechMarker = runOf('[doplňte: primátor / primátorka]');
    const germanMarker = runOf('[doplňte / bitte ergänzen: Oberbürgermeister / Oberbürgermeisterin]');
    expect(czechMarker).toContain('<w:highlight w:val="yellow"/>');
    expect(germanMarker).toContain('<w:highlight w:val="yellow"/>');
    // The known title of the Czech party is plain text.
    expect(runOf('starostka')).toBeDefined();
    expect(runOf('starostka')).not.toContain('w:highlight');
  });
});

describe('French "Article 1er"', () => {
  it('the first article is an ordinal in French only; the Word list of the French labels starts at 2', async () => {
    const model = build(request('fr', partner({ name: 'Metz', mayorOffice: 'FR:maire' })));
    const labels = model.sections
      .filter((s) => s.kind === 'article' && s.number !== null)
      .map((s) => [
        flat(sectionText([s.texts[0][0] ?? { role: 'text', runs: [] }])),
        flat(sectionText([s.texts[1][0] ?? { role: 'text', runs: [] }])),
      ]);
    expect(labels[0]).toEqual(['Článek 1', 'Article 1er']);
    expect(labels[1]).toEqual(['Článek 2', 'Article 2']);
    const zip = await JSZip.loadAsync(await renderAgreementDocx(model));
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const numbering = (await zip.file('word/numbering.xml')?.async('string')) ?? '';
    // "Article 1er" is typed; "Article %1" counts from 2 in Word.
    expect(flat(document)).toContain('>Article 1er</w:t>');
    expect(numbering).toMatch(/<w:start w:val="2"\/>(?:(?!<\/w:lvl>).)*<w:lvlText w:val="Article %1"\/>/);
    // Article 1er's paragraphs count in a list of their own: the French article list's first
    // paragraph is the label "Article 2" (a level-2 item before it would count an article: "Article 3").
    const frenchList = /<w:abstractNum w:abstractNumId="(\d+)"[^>]*>(?:(?!<\/w:abstractNum>)[\s\S])*?Article %1/.exec(
      numbering,
    )?.[1];
    const frenchNum = new RegExp(`<w:num w:numId="(\\d+)"><w:abstractNumId w:val="${frenchList ?? 'x'}"/>`).exec(
      numbering,
    )?.[1];
    const firstUse = new RegExp(`<w:ilvl w:val="(\\d)"/><w:numId w:val="${frenchNum ?? 'x'}"/>`).exec(document)?.[1];
    expect(frenchNum).toBeDefined();
    expect(firstUse).toBe('0');
    // No other language changes: Czech "Článek %1" from 1, German has no ordinal.
    expect(numbering).toMatch(/<w:start w:val="1"\/>(?:(?!<\/w:lvl>).)*<w:lvlText w:val="Článek %1"\/>/);
    const de = build(request('de', partner({ name: 'Konstanz' })));
    expect(
      flat(sectionText([de.sections.find((s) => s.number === 1)?.texts[1][0] ?? { role: 'text', runs: [] }])),
    ).toBe('Artikel 1');
  });
});

describe('de5: Swiss German', () => {
  it('a Swiss partner gets "ss" for "ß" in the German text; a German partner keeps "ß"', () => {
    const swiss = build(
      request('de', partner({ name: 'Luzern', mayorOffice: 'CH:stadtpraesident', mayorGender: 'm' })),
    );
    const german = build(
      request('de', partner({ name: 'Konstanz', mayorOffice: 'DE:oberbuergermeister', mayorGender: 'm' })),
    );
    const swissText = columnText(swiss, 1);
    expect(columnText(german, 1)).toContain('gleichermaßen');
    expect(swissText).toContain('gleichermassen');
    expect(swissText).not.toContain('ß');
    expect(swiss.signatures[1].functions[1]).toBe('Stadtpräsident');
  });
});

describe('C8: "r." / "р." after a date in digits', () => {
  it('Polish and Ukrainian dates read "01.12.2030 r." / "01.12.2030 р.", once, the sentence’s dot shared', () => {
    expect(flat(typeset('pl', 'do dnia 01.12.2030.'))).toBe('do dnia 01.12.2030 r.');
    expect(flat(typeset('pl', 'z dnia 01.01.2025 oraz'))).toBe('z dnia 01.01.2025 r. oraz');
    expect(flat(typeset('uk', 'від 01.01.2025 та'))).toBe('від 01.01.2025 р. та');
    for (const [language, text] of [
      ['pl', 'z dnia 01.01.2025 oraz do 01.12.2030.'],
      ['uk', 'від 01.01.2025 та до 01.12.2030.'],
    ] as const)
      expect(typeset(language, typeset(language, text))).toBe(typeset(language, text));
    // German digits stay as they are; a Czech date has no mark.
    expect(typeset('de', 'vom 01.12.2030.')).toBe('vom 01.12.2030.');
    const model = build({
      ...request('pl', partner({ name: 'Kłodzko', signingDate: '2030-12-01' })),
      fields: { ...request('pl', partner({})).fields, validUntil: '2030-12-01', duration: 'fixed' },
    });
    expect(flat(columnText(model, 1))).toContain('01.12.2030 r.');
    expect(flat(columnText(model, 0))).not.toContain(' r.');
  });
});

describe('pl4: the partner’s original names the partner first throughout', () => {
  it('alternate: title, preamble, Art. 1 and participants name Kłodzko first in both columns; parallel keeps Czech first', () => {
    const klodzko = partner({ name: 'Kłodzko', nameCs: 'Kladsko', countryNames: formalStateNames('PL') });
    const alternate = build({
      ...request('pl', klodzko, { layout: 'alternate' }),
      preambles: ['earlier_friendship'],
    });
    const parallel = build({ ...request('pl', klodzko), preambles: ['earlier_friendship'] });
    const text = (model: AgreementModel, id: string, column: 0 | 1) =>
      flat(sectionText(model.sections.find((s) => s.id === id)?.texts[column] ?? []));
    // Alternate: the Polish text is column 0, the Czech column 1.
    expect(text(alternate, 'title', 0)).toContain('między miastem Kłodzko a miastem Český Krumlov');
    expect(text(alternate, 'preamble', 0)).toContain('między miastem Kłodzko a miastem Český Krumlov');
    expect(text(alternate, 'purpose', 0)).toContain('mieszkańcami miasta Kłodzko i miasta Český Krumlov');
    expect(text(alternate, 'participants', 0)).toContain('miasta Kłodzko i miasta Český Krumlov');
    expect(text(alternate, 'preamble', 1)).toContain('mezi městem Kladsko a městem Český Krumlov');
    expect(text(alternate, 'purpose', 1)).toContain('mezi občany města Kladsko a města Český Krumlov');
    // Approvals keep each council with its own party.
    expect(text(alternate, 'entry', 1)).toMatch(/zastupitelstvo města Český Krumlov .* příslušný orgán města Kladsko/);
    expect(text(parallel, 'preamble', 0)).toContain('mezi městem Český Krumlov a městem Kladsko');
    expect(text(parallel, 'purpose', 1)).toContain('mieszkańcami miasta Český Krumlov i miasta Kłodzko');
  });
});

/** A model request as the screen sends it (a source, mutable lists), as one of the two originals. */
const asInput = (r: AgreementRequest, copyFor: 'cz' | 'partner'): AgreementRequestInput => ({
  ...r,
  preambles: [...r.preambles],
  omit: [...r.omit],
  areas: [...r.areas],
  source: { partnershipId: 1 },
  copyFor,
});

describe('the copy-for line of a pair comes from the clause library', () => {
  it('"Vyhotovení pro město Český Krumlov" / "Egzemplarz dla miasta …" from each language’s copyForPattern, in its case', () => {
    const klodzko = partner({ name: 'Kłodzko', nameCs: 'Kladsko', countryNames: formalStateNames('PL') });
    const forCz = agreementDocument(library, asInput(request('pl', klodzko), 'cz')).marks.copyFor?.map(flat);
    expect(forCz).toEqual(['Vyhotovení pro město Český Krumlov', 'Egzemplarz dla miasta Český Krumlov']);
    const forPartner = agreementDocument(library, asInput(request('pl', klodzko), 'partner')).marks.copyFor?.map(flat);
    expect(forPartner).toEqual(['Egzemplarz dla miasta Kłodzko', 'Vyhotovení pro město Kladsko']);
    // The wording is data: another pattern in the library is what the document prints.
    const edited: ClauseLibrary = {
      ...library,
      languages: {
        ...library.languages,
        cs: {
          ...library.languages.cs,
          layout: { ...library.languages.cs.layout, copyForPattern: 'Stejnopis pro {party:acc}' },
        },
      },
    };
    expect(agreementDocument(edited, asInput(request('pl', klodzko), 'cz')).marks.copyFor?.[0]).toBe(
      'Stejnopis pro město Český Krumlov',
    );
  });
});

describe('open rows of the review, finished (C15, own clauses, de7)', () => {
  it('C15: the registry’s participant groups are listed in the article on participants, in both languages', () => {
    const model = build(request('de', partner({ name: 'Konstanz' }), { participantGroups: ['schools', 'council'] }));
    const participants = model.sections.find((s) => s.id === 'participants');
    const [cs, de] = [sectionText(participants?.texts[0] ?? []), sectionText(participants?.texts[1] ?? [])];
    // Registry order (council before schools), numbered after the article's own paragraphs.
    expect(flat(cs)).toContain(
      '3. Smluvní strany budou zvlášť podporovat účast těchto skupin:\n– zastupitelé,\n– školy.',
    );
    expect(flat(de)).toContain('3. Die Vertragsparteien fördern besonders die Beteiligung folgender Gruppen:');
    expect(de).toContain('– Schulen.');
    // None in the registry: the article's general sentences alone, no empty list.
    const none = build(request('de', partner({ name: 'Konstanz' })));
    const plain = sectionText(none.sections.find((s) => s.id === 'participants')?.texts[0] ?? []);
    expect(plain).not.toContain('těchto skupin');
    expect(flat(plain)).toContain('2. Smluvní strany budou podporovat jejich vzájemné přímé kontakty.');
  });

  it('own clauses take the built-in styles: numbers and bullets typed by hand become the paragraph’s own', () => {
    const edits = {
      own: [
        {
          id: 'own1',
          after: 'forms',
          text: [
            'Výročí\n1. Strany oslaví 30. výročí.\n2) Slavnost bude v roce 2027.\n• koncert\n* výstava',
            'Jubiläum\n1. Die Parteien feiern das 30. Jubiläum.\n2) Das Fest ist 2027.\n• Konzert\n* Ausstellung',
          ],
        },
      ],
    } satisfies ArticleEdits;
    const model = withArticleEdits(library, edits, build(request('de', partner({ name: 'Konstanz' }))), true);
    const own = model.sections.find((s) => s.id === 'own:own1');
    const roles = own?.texts[0].map((p) => p.role);
    expect(roles).toEqual(['heading', 'heading', 'numbered', 'numbered', 'bullet', 'bullet']);
    expect(flat(sectionText(own?.texts[0] ?? []))).toContain(
      '1. Strany oslaví 30. výročí.\n2. Slavnost bude v roce 2027.\n– koncert\n– výstava',
    );
    // A sentence that starts with an ordinal keeps it ("30. výročí" is not the paragraph's number).
    const ordinal = withArticleEdits(
      library,
      {
        own: [
          { id: 'o', after: 'forms', text: ['Výročí\n30. výročí oslavíme.', 'Jubiläum\n30. Jubiläum feiern wir.'] },
        ],
      },
      build(request('de', partner({ name: 'Konstanz' }))),
      true,
    );
    expect(flat(sectionText(ordinal.sections.find((s) => s.id === 'own:o')?.texts[0] ?? []))).toContain(
      '30. výročí oslavíme.',
    );
  });

  it('de7: each signatory’s date in its own language’s format, once', async () => {
    const r = request('de', partner({ name: 'Konstanz', signingPlace: 'Konstanz', signingDate: '2026-05-01' }), {
      fields: {
        ...request('de', cz).fields,
        cz: { ...cz, signingDate: '2026-05-01' },
        partner: partner({ name: 'Konstanz', signingPlace: 'Konstanz', signingDate: '2026-05-01' }),
      },
    });
    const input: AgreementRequestInput = {
      ...r,
      preambles: [...r.preambles],
      omit: [...r.omit],
      areas: [...r.areas],
      source: { partnershipId: 1 },
    };
    const { model, marks } = agreementDocument(library, input);
    const zip = await JSZip.loadAsync(await renderAgreementDocx(model, marks));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    expect(text).toContain('1.\u00a05.\u00a02026');
    expect(text).toContain('01.05.2026');
    expect(text).not.toMatch(/2026 \/ 01\.05\.2026/);
  });
});

describe('French elision (walkthrough 14)', () => {
  it('"de" is elided before a vowel, in every clause that names a party; never before a consonant or an h', async () => {
    const olomouc: PartyFields = { ...cz, name: 'Olomouc', nounKey: 'statutarni_mesto', signingPlace: 'Olomouc' };
    const model = build({
      ...request('fr', partner({ name: 'Alès', mayorOffice: 'FR:maire', signingPlace: 'Alès' })),
      fields: { ...request('fr', partner({})).fields, cz: olomouc, partner: partner({ name: 'Alès' }) },
    });
    const french = flat(columnText(model, 1));
    expect(french).toContain('entre la ville statutaire d’Olomouc et la ville d’Alès');
    expect(french).toContain('Ville d’Alès');
    // The signature block too, as the document writes it.
    const zip = await JSZip.loadAsync(await renderAgreementDocx(model));
    expect(flat((await zip.file('word/document.xml')?.async('string')) ?? '')).toContain('Pour la ville d’Alès');
    expect(french).not.toMatch(/\bde (Alès|Olomouc)\b/);
    // A Czech name with a long vowel, and a name starting with h, which is left alone.
    const usti = build(
      request('fr', partner({ name: 'Haguenau' }), {
        fields: {
          ...request('fr', partner({})).fields,
          cz: { ...cz, name: 'Ústí nad Orlicí', signingPlace: 'Ústí nad Orlicí' },
          partner: partner({ name: 'Haguenau' }),
        },
      }),
    );
    const text = flat(columnText(usti, 1));
    expect(text).toContain('la ville d’Ústí nad Orlicí');
    expect(text).toContain('la ville de Haguenau');
    // The Czech column is not touched.
    expect(flat(columnText(model, 0))).toContain('mezi statutárním městem Olomouc a městem Alès');
  });
});

describe('resolution numbers and shares stay whole on a line (walkthrough 14)', () => {
  it('a resolution number never breaks at its spaces or hyphens, nor from its "č."; a share keeps its %', () => {
    const model = build(
      request('de', partner({ name: 'Plauen', resolution: 'StR-2024/117' }), {
        fields: {
          ...request('de', partner({})).fields,
          cz: { ...cz, resolution: 'ZM 5/2025' },
          partner: partner({ name: 'Plauen', resolution: 'StR-2024/117' }),
        },
      }),
    );
    const czech = columnText(model, 0);
    expect(czech).toContain('č.\u00a0ZM\u00a05/2025');
    expect(czech).toContain('č.\u00a0StR\u20112024/117');
    expect(columnText(model, 1)).toContain('Nr.\u00a0StR\u20112024/117');
    expect(typeset('cs', 'činí 60 % rozpočtu')).toContain('60\u00a0%');
  });
});

describe('a Czech name in Cyrillic leaves out the academic degrees (walkthrough 14)', () => {
  it('"Mgr. Dalibor Carda" is "Далібор Царда", not "Мґр. Далібор Царда"; the Latin name keeps its degree', async () => {
    const { withoutDegrees } = await import('../../../shared/domain/agreements/model');
    expect(withoutDegrees('Mgr. Dalibor Carda')).toBe('Dalibor Carda');
    expect(withoutDegrees('Ing. arch. Jan Novák, Ph.D.')).toBe('Jan Novák');
    expect(withoutDegrees('prof. MUDr. Eva Malá, CSc.')).toBe('Eva Malá');
    expect(withoutDegrees('Drahomír Dr')).toBe('Drahomír Dr');
    const model = build(
      request('uk', KALUSH, {
        fields: { ...request('uk', KALUSH).fields, cz: { ...cz, mayorName: 'Mgr. Dalibor Carda' } },
      }),
    );
    const ukrainian = flat(columnText(model, 1));
    expect(ukrainian).toContain('Далібор Царда');
    expect(ukrainian).not.toContain('Мґр');
    expect(flat(columnText(model, 0))).toContain('Mgr. Dalibor Carda');
  });
});

describe('the signature block is typeset as the party lines are (walkthrough 14)', () => {
  it('"O’Neill" with a typographic apostrophe under the signature too', () => {
    const model = build(
      request('en', partner({ name: 'Stamford', mayorName: "Mary O'Neill", mayorGender: 'f' }), {
        fields: {
          ...request('en', partner({})).fields,
          partner: partner({ name: 'Stamford', mayorName: "Mary O'Neill", mayorGender: 'f' }),
        },
      }),
    );
    const names = model.signatures.map((s) => s.name.text);
    expect(names.some((name) => name.includes('Mary O’Neill'))).toBe(true);
    expect(names.some((name) => name.includes("O'Neill"))).toBe(false);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { AGREEMENT_LANGUAGES, AGREEMENT_TEMPLATES } from '../../../shared/domain/codes';
import { defaultOmit, type ClauseLibrary } from '../../../shared/domain/agreements/library';
import {
  PARTNER_LANGUAGES,
  buildAgreementModel,
  sectionText,
  type AgreementModel,
  type AgreementRequest,
  type PartyFields,
} from '../../../shared/domain/agreements/model';
import { plannedActivities, withAnnex, type CooperationPlan } from '../../../shared/domain/agreements/annex';
import { countersignatureOf, withCountersignature } from '../../../shared/domain/agreements/countersignatures';
import type { AgreementRequestInput } from '../../../shared/domain/agreements/schemas';
import { articleEditsSchema } from '../../../shared/domain/agreements/article-edits';
import { agreementDocument } from '../../../electron/core/services/agreements/docx-marks';
import { renderAgreementDocx } from '../../../electron/core/services/agreements/docx-render';
import { countryNames, loadClauseLibrary } from '../../../electron/core/services/agreements/library-loader';
import JSZip from 'jszip';
import { RESOURCES_DIR } from '../../support/temp-db';

/* Issue 14 item 9 (review P3): what a mayor's office adds to a draft — dispute settlement and data
   protection, the partner's countersignature, Annex 1 "Plán spolupráce", a project's programme,
   lead partner, budget shares, return of funds and retention of documents. */

let library: ClauseLibrary;
beforeAll(async () => {
  library = await loadClauseLibrary(RESOURCES_DIR);
});

const party = (over: Partial<PartyFields>): PartyFields => ({
  name: 'Náchod',
  nounKey: 'mesto',
  countryNames: countryNames('CZ'),
  address: 'Masarykovo nám. 40, 547 01 Náchod',
  idNumber: '00272868',
  mayorName: 'Jan Birke',
  mayorGender: 'm',
  mayorRank: 'town',
  mayorTitles: {},
  signingPlace: 'Náchod',
  signingDate: null,
  resolution: 'ZM/1/2025',
  resolutionDate: '2025-01-20',
  ...over,
});

const polish = party({
  name: 'Kłodzko',
  nounKey: 'foreign_town',
  countryNames: countryNames('PL'),
  address: 'pl. Chrobrego 1, 57-300 Kłodzko',
  idNumber: '',
  mayorName: 'Michał Piszko',
  mayorOffice: 'PL:burmistrz',
  signingPlace: 'Kłodzko',
  resolution: 'XII/100/2025',
  resolutionDate: '2025-02-10',
});

const request = (
  over: Partial<AgreementRequestInput> = {},
  fields: Partial<AgreementRequest['fields']> = {},
): AgreementRequestInput => ({
  source: { partnershipId: 1 },
  template: 'partnership',
  language: 'pl',
  layout: 'parallel',
  preambles: [],
  omit: [],
  titlePage: false,
  areas: ['culture', 'youth'],
  fields: {
    cz: party({}),
    partner: polish,
    duration: 'indefinite',
    entry: 'approval',
    validUntil: null,
    termYears: 5,
    noticeMonths: 6,
    originals: 4,
    projectName: 'Mosty bez hranic',
    ...fields,
  },
  ...over,
});

const column = (model: AgreementModel, index: 0 | 1, sections = model.sections): string =>
  sections
    .map((s) => sectionText(s.texts[index]))
    .join('\n')
    .replace(/[\u00a0\u202f\u2011]/g, (c) => (c === '\u2011' ? '-' : ' '));

describe('dispute settlement and data protection in every template', () => {
  it('each template offers both as optional articles, in every language with its own heading', () => {
    for (const template of AGREEMENT_TEMPLATES) {
      const ids = library.templates[template].articles.flatMap((a) =>
        'clause' in a && a.optional === true ? [a.id] : [],
      );
      expect(ids, template).toEqual(expect.arrayContaining(['data_protection', 'disputes']));
      for (const language of PARTNER_LANGUAGES) {
        const model = buildAgreementModel(library, { ...request({ template, language }), omit: [] });
        const ids = model.sections.map((s) => s.id);
        expect(ids, `${template} ${language}`).toEqual(expect.arrayContaining(['data_protection', 'disputes']));
        const [cs, other] = [column(model, 0), column(model, 1)];
        expect(cs, template).toMatch(/nařízení \(EU\) 2016\/679/);
        expect(cs, template).toMatch(/smírně/);
        // The partner's text says the same: the regulation named in its own words.
        expect(other, `${template} ${language}`).toMatch(/2016\/679/);
        expect(other, `${template} ${language}`).not.toContain('smírně');
      }
    }
  });

  it('left out when the user leaves them out; the charter leaves them out until ticked', () => {
    const model = buildAgreementModel(library, request({ omit: ['data_protection', 'disputes'] }));
    expect(model.sections.map((s) => s.id)).not.toContain('disputes');
    expect(column(model, 0)).not.toContain('2016/679');
    expect(defaultOmit(library.templates.charter)).toEqual(['data_protection', 'disputes']);
    expect(defaultOmit(library.templates.partnership)).toEqual([]);
    // Numbered articles follow each other: "Řešení sporů" takes the number after the termination.
    const numbered = buildAgreementModel(library, request()).sections.filter((s) => s.number !== null);
    expect(numbered.map((s) => s.number)).toEqual(numbered.map((_, i) => i + 1));
    const disputes = numbered.find((s) => s.id === 'disputes');
    expect(sectionText(disputes?.texts[0] ?? [])).toContain('Řešení sporů');
    expect(sectionText(disputes?.texts[1] ?? [])).toContain('Rozstrzyganie sporów');
  });

  it('every language has the new clauses with Czech’s paragraphs', () => {
    for (const language of AGREEMENT_LANGUAGES) {
      for (const id of ['partnership.disputes', 'project.data_protection', 'project.retention', 'charter.disputes']) {
        expect(library.languages[language].clauses[id]?.paragraphs.length, `${language} ${id}`).toBe(
          library.languages.cs.clauses[id]?.paragraphs.length,
        );
      }
    }
  });
});

describe('countersignature of the Polish skarbnik and the Hungarian jegyző', () => {
  it('under the partner’s signature when ticked, in both languages, with the name', () => {
    const r = request({}, { countersignature: { name: 'Anna Nowak' } });
    const model = withCountersignature(library, r, buildAgreementModel(library, r));
    const partner = model.signatures.find((s) => s.side === 'partner');
    expect(partner?.countersign?.caption).toEqual([
      'Kontrasignace skarbnika (finančního ředitele gminy)',
      'Kontrasygnata Skarbnika',
    ]);
    expect(partner?.countersign?.name).toEqual({ text: 'Anna Nowak' });
    expect(model.signatures.find((s) => s.side === 'cz')?.countersign).toBeUndefined();
    expect(model.warnings).toEqual([]);
  });

  it('a blank name is a bilingual marker and a warning; not ticked or another country: nothing', () => {
    const blank = request({}, { countersignature: { name: '  ' } });
    const model = withCountersignature(library, blank, buildAgreementModel(library, blank));
    const name = model.signatures.find((s) => s.side === 'partner')?.countersign?.name;
    expect(name?.missing).toBe(true);
    expect(name?.text).toBe('[doplňte / proszę uzupełnić: imię i nazwisko osoby kontrasygnującej]');
    expect(model.warnings.map((w) => w.path)).toEqual(['partner.countersignatoryName']);
    const unticked = request();
    expect(
      withCountersignature(library, unticked, buildAgreementModel(library, unticked)).signatures[1].countersign,
    ).toBeUndefined();
    const german = request(
      { language: 'de' },
      { partner: { ...polish, mayorOffice: 'DE:buergermeister' }, countersignature: { name: 'X' } },
    );
    expect(
      withCountersignature(library, german, buildAgreementModel(library, german)).signatures[1].countersign,
    ).toBeUndefined();
    expect(countersignatureOf('HU:polgarmester')).toBe('HU:jegyzo');
    expect(countersignatureOf('PL:wojt')).toBe('PL:skarbnik');
    expect(countersignatureOf(undefined)).toBeNull();
  });

  it('a Hungarian partner’s jegyző, and the DOCX prints it under the partner’s signature', async () => {
    const r = request(
      { language: 'hu' },
      {
        partner: { ...polish, name: 'Eger', mayorOffice: 'HU:polgarmester' },
        countersignature: { name: 'Dr. Kiss Éva' },
      },
    );
    const { model, marks } = agreementDocument(library, r);
    const sig = model.signatures.find((s) => s.side === 'partner');
    expect(sig?.countersign?.caption).toEqual(['Kontrasignace tajemníka úřadu (jegyző)', 'Jegyzői ellenjegyzés']);
    const zip = await JSZip.loadAsync(await renderAgreementDocx(model, marks));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    expect(text).toContain('Kontrasignace tajemníka úřadu (jegyző) / Jegyzői ellenjegyzés');
    expect(text.indexOf('Dr. Kiss Éva')).toBeGreaterThan(text.indexOf('Jegyzői ellenjegyzés'));
  });
});

describe('Annex 1: Plán spolupráce', () => {
  const plan: CooperationPlan = {
    activities: [
      { date: '2027-05-15', dateEnd: '2027-05-17', title: 'Návštěva delegace z Kłodzka', kind: 'official_visit' },
      { date: '2027-09', dateEnd: null, title: 'Společný turnaj mládeže', kind: 'sports_event' },
      { date: '2027-10-02', dateEnd: null, title: 'Setkání seniorů', kind: 'unknown' },
    ],
    participantGroups: ['schools', 'firefighters'],
    coordinators: {
      cz: [{ name: 'Petra Malá', role: 'referentka', email: 'mala@nachod.cz', phone: null }],
      partner: [],
    },
  };

  it('only what is still to come is planned, oldest first (a month counts until its end)', () => {
    const activities = [
      { date: '2025-01-01', dateEnd: null, title: 'past', kind: 'other' },
      { date: '2026-12', dateEnd: null, title: 'this month', kind: 'other' },
      { date: '2027-03-01', dateEnd: null, title: 'later', kind: 'other' },
      { date: '2026-11-30', dateEnd: '2026-12-05', title: 'running', kind: 'other' },
    ] satisfies CooperationPlan['activities'];
    expect(plannedActivities(activities, '2026-12-03').map((a) => a.title)).toEqual(['running', 'this month', 'later']);
  });

  it('activities, areas, participants and coordinators in both languages; unknown stays a marker', () => {
    const r = request({ annex: true });
    const model = withAnnex(library, r, plan, buildAgreementModel(library, r));
    const annex = model.annex ?? [];
    const [cs, pl] = [column(model, 0, annex), column(model, 1, annex)];
    expect(cs).toContain('Příloha č. 1 – Plán spolupráce');
    expect(cs).toContain('Smlouva o partnerství');
    expect(pl).toContain('Załącznik nr 1 – Plan współpracy');
    expect(cs).toContain('– 15. 5. 2027 – 17. 5. 2027: Oficiální návštěva – Návštěva delegace z Kłodzka');
    expect(cs).toContain('– září 2027: Sportovní akce – Společný turnaj mládeže');
    // Dates in each language's own way; the activity's kind in the column's language (the
    // partner reads what it is), its title as the registry holds it (a title is not translated).
    expect(pl).toContain('– 15.05.2027 r. – 17.05.2027 r.: Wizyta oficjalna – Návštěva delegace z Kłodzka');
    expect(pl).toContain('– wrzesień 2027: Wydarzenie sportowe – Společný turnaj mládeže');
    // A kind nobody stated is not named: the title alone (walkthrough 20).
    expect(cs).toContain('– 2. 10. 2027: Setkání seniorů');
    expect(pl).toContain('– 02.10.2027 r.: Setkání seniorů');
    expect(cs).toContain('– kultura');
    expect(pl).toContain('– kultura');
    expect(pl).toContain('– szkoły');
    expect(cs).toContain('– hasiči');
    expect(cs).toContain('Za město Náchod:');
    expect(cs).toContain('– Petra Malá, referentka, mala@nachod.cz');
    expect(pl).toContain('Za miasto Kłodzko:');
    expect(pl).toContain('– Petra Malá, referentka, mala@nachod.cz');
    // The partner has no contact in the registry: a marker in both columns and a warning.
    expect(cs).toContain('[doplňte: koordinátor (jméno, funkce, kontakt)]');
    expect(pl).toContain('[doplňte / proszę uzupełnić: koordynator (imię i nazwisko, funkcja, kontakt)]');
    expect(model.warnings.map((w) => w.path)).toEqual(['partner.coordinator']);
  });

  it('an empty plan: markers for activities and participants, never an empty list', () => {
    const r = request({ annex: true }, {});
    const model = withAnnex(
      library,
      r,
      { activities: [], participantGroups: [], coordinators: { cz: [], partner: [] } },
      buildAgreementModel(library, r),
    );
    const cs = column(model, 0, model.annex ?? []);
    expect(cs).toContain('[doplňte: plánované aktivity]');
    expect(cs).toContain('[doplňte: účastníci]');
    expect(model.warnings.map((w) => w.path)).toEqual([
      'plannedActivities',
      'participantGroups',
      'cz.coordinator',
      'partner.coordinator',
    ]);
  });

  it('the DOCX has the annex after the signatures on a page of its own, in every layout', async () => {
    for (const layout of ['parallel', 'alternate', 'sequential'] as const) {
      const { model, marks } = agreementDocument(library, request({ annex: true, layout }), plan);
      const zip = await JSZip.loadAsync(await renderAgreementDocx(model, marks));
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      const annexAt = xml.search(/Příloha č\.[ \u00a0]1 – Plán spolupráce/);
      const signaturesAt = xml.indexOf('razítko'); // the seal's place beside the signatures
      expect(signaturesAt, layout).toBeGreaterThan(0);
      // After the signatures, and a page break between them.
      expect(annexAt, layout).toBeGreaterThan(signaturesAt);
      expect(xml.slice(signaturesAt, annexAt), layout).toContain('<w:pageBreakBefore/>');
      expect(xml, layout).toMatch(/Załącznik nr[ \u00a0]1 – Plan współpracy/);
      expect(xml.slice(annexAt), layout).toMatch(/Návštěva delegace z[ \u00a0]Kłodzka/);
    }
    const { model } = agreementDocument(library, request(), plan);
    expect(model.annex).toBeUndefined();
  });
});

describe('project agreements: programme, lead partner, budget, return of funds, retention', () => {
  it('names the programme, the lead partner and both shares in both languages', () => {
    const r = request(
      { template: 'project' },
      {
        programme: 'Interreg VI-A Česko – Polsko',
        leadPartner: 'partner',
        budgetShares: { cz: '40 %', partner: '60 %' },
      },
    );
    const model = buildAgreementModel(library, r);
    const [cs, pl] = [column(model, 0), column(model, 1)];
    expect(cs).toContain('Projekt bude předložen k financování z programu Interreg VI-A Česko – Polsko.');
    expect(cs).toContain('Vedoucím partnerem projektu je město Kłodzko.');
    expect(pl).toContain('Partnerem wiodącym projektu jest miasto Kłodzko.');
    expect(cs).toContain('Podíl města Náchod na rozpočtu projektu činí 40 % a podíl města Kłodzko 60 %.');
    expect(pl).toContain('Udział miasta Náchod w budżecie projektu wynosi 40 %, a udział miasta Kłodzko 60 %.');
    expect(model.sections.map((s) => s.id)).toEqual(
      expect.arrayContaining(['programme', 'budget', 'return_of_funds', 'retention']),
    );
    expect(cs).toContain('Vrácení prostředků');
    expect(pl).toContain('Przechowywanie dokumentów');
    expect(model.warnings).toEqual([]);
  });

  it('blank programme, lead partner and shares are markers in both columns and warnings', () => {
    const model = buildAgreementModel(library, request({ template: 'project' }));
    const [cs, pl] = [column(model, 0), column(model, 1)];
    expect(cs).toContain('z programu [doplňte: název programu].');
    expect(cs).toContain('Vedoucím partnerem projektu je [doplňte: vedoucí partner].');
    expect(pl).toContain('jest [doplňte / proszę uzupełnić: partner wiodący].');
    expect(cs).toContain('činí [doplňte: podíl na rozpočtu]');
    expect(model.warnings.map((w) => w.path)).toEqual([
      'programme',
      'leadPartner',
      'cz.budgetShare',
      'partner.budgetShare',
    ]);
    // Left out: no marker, no warning.
    const without = buildAgreementModel(library, request({ template: 'project', omit: ['programme', 'budget'] }));
    expect(without.warnings).toEqual([]);
  });
});

describe('per-draft article edits', () => {
  const edited = (edits: AgreementRequestInput['articleEdits'], over: Partial<AgreementRequestInput> = {}) =>
    agreementDocument(library, request({ ...over, articleEdits: edits })).model;

  it('rewords an article in both languages, removes one, adds an own clause, and numbers them again', () => {
    const model = edited({
      articles: {
        financing: {
          text: [
            'Financování\nKaždá strana hradí své náklady sama.',
            'Finansowanie\nKażda Strona pokrywa swoje koszty.',
          ],
        },
        forms: { removed: true },
        // The approval article cannot be removed (C1).
        entry: { removed: true },
      },
      own: [
        {
          id: 'jubilee',
          after: 'purpose',
          text: [
            'Výročí partnerství\nStrany oslaví {10.} výročí $& partnerství.\n– koncertem\n– výstavou',
            'Rocznica\nStrony uczczą rocznicę.\n– koncertem\n– wystawą',
          ],
        },
      ],
    });
    const ids = model.sections.filter((s) => s.kind === 'article').map((s) => s.id);
    expect(ids.slice(0, 3)).toEqual(['purpose', 'own:jubilee', 'areas']);
    expect(ids).not.toContain('forms');
    expect(ids).toContain('entry');
    const numbered = model.sections.filter((s) => s.number !== null);
    expect(numbered.map((s) => s.number)).toEqual(numbered.map((_, i) => i + 1));
    const own = model.sections.find((s) => s.id === 'own:jubilee');
    expect(sectionText(own?.texts[0] ?? []).replace(/\u00a0/g, ' ')).toBe(
      'Článek 2\nVýročí partnerství\nStrany oslaví {10.} výročí $& partnerství.\n– koncertem\n– výstavou',
    );
    expect(sectionText(own?.texts[1] ?? []).replace(/\u00a0/g, ' ')).toBe(
      'Artykuł 2\nRocznica\nStrony uczczą rocznicę.\n– koncertem\n– wystawą',
    );
    const financing = model.sections.find((s) => s.id === 'financing');
    expect(sectionText(financing?.texts[0] ?? [])).toContain('Každá strana hradí své náklady sama.');
    expect(sectionText(financing?.texts[1] ?? [])).toContain('Finansowanie');
    expect(sectionText(financing?.texts[1] ?? [])).not.toContain('zgodnie z przyjętą praktyką');
  });

  it('the partner’s original puts each text in its column; several paragraphs are numbered', () => {
    const model = edited(
      { articles: { financing: { text: ['Financování\nPrvní.\nDruhý.', 'Finansowanie\nPierwszy.\nDrugi.'] } } },
      { copyFor: 'partner' },
    );
    expect(model.languages).toEqual(['pl', 'cs']);
    const financing = model.sections.find((s) => s.id === 'financing');
    expect(sectionText(financing?.texts[0] ?? []).replace(/\u00a0/g, ' ')).toMatch(
      /Finansowanie\n1\. Pierwszy\.\n2\. Drugi\.$/,
    );
    expect(sectionText(financing?.texts[1] ?? []).replace(/\u00a0/g, ' ')).toMatch(
      /Financování\n1\. První\.\n2\. Druhý\.$/,
    );
  });

  it('Hungarian and French labels are rebuilt in their own words ("3. cikk", "Article 1er")', () => {
    const hu = edited({ articles: { purpose: { removed: true } } }, { language: 'hu' });
    expect(sectionText(hu.sections.find((s) => s.number === 1)?.texts[1] ?? []).split('\n')[0]).toBe('1.\u00a0cikk');
    const fr = edited(
      { own: [{ id: 'x', after: 'purpose', text: ['Vlastní\nText.', 'Propre\nTexte.'] }] },
      { language: 'fr' },
    );
    const labels = fr.sections.filter((s) => s.number !== null).map((s) => sectionText(s.texts[1]).split('\n')[0]);
    expect(labels[0]?.replace(/\u00a0/g, ' ')).toBe('Article 1er');
    expect(labels[1]?.replace(/\u00a0/g, ' ')).toBe('Article 2');
  });
});

describe('the charter’s unheaded paragraphs', () => {
  it('an edit whose first line is empty keeps the paragraph a paragraph, not a heading', () => {
    const model = agreementDocument(
      library,
      request({
        template: 'charter',
        articleEdits: {
          articles: { oath: { text: ['\nMy, starostové, slibujeme.', '\nMy, burmistrzowie, ślubujemy.'] } },
        },
      }),
    ).model;
    const oath = model.sections.find((s) => s.id === 'oath');
    expect(oath?.texts[0]).toEqual([{ role: 'text', runs: [{ text: 'My, starostové, slibujeme.' }] }]);
    expect(oath?.number).toBeNull();
  });
});

describe('article edits at the gate', () => {
  it('refuses more articles than a template has and texts not in both languages', () => {
    const many = Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`a${i}`, { removed: true }]));
    expect(articleEditsSchema.safeParse({ articles: many }).success).toBe(false);
    expect(articleEditsSchema.safeParse({ own: [{ id: 'x', after: 'purpose', text: ['only Czech'] }] }).success).toBe(
      false,
    );
    expect(articleEditsSchema.safeParse({ articles: { forms: { removed: true } } }).success).toBe(true);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { AGREEMENT_TEMPLATES, PREAMBLES } from '../../../shared/domain/codes';
import type { ClauseLibrary } from '../../../shared/domain/agreements/library';
import {
  PARTNER_LANGUAGES,
  buildAgreementModel,
  sectionText,
  type AgreementModel,
  type AgreementRequest,
  type PartyFields,
} from '../../../shared/domain/agreements/model';
import { countryNames, loadClauseLibrary } from '../../../electron/core/services/agreements/library-loader';
import { agreementFieldsSchema } from '../../../shared/domain/agreements/schemas';
import { RESOURCES_DIR } from '../../support/temp-db';

let library: ClauseLibrary;
beforeAll(async () => {
  library = await loadClauseLibrary(RESOURCES_DIR);
});

const party = (over: Partial<PartyFields>): PartyFields => ({
  name: 'Tábor',
  nounKey: 'mesto',
  countryNames: countryNames('CZ'),
  address: 'Žižkovo nám. 2, 390 01 Tábor',
  idNumber: '00253014',
  mayorName: 'Štěpán Vojtěch',
  mayorGender: 'm',
  mayorRank: 'town',
  mayorTitles: {},
  signingPlace: 'Tábor',
  signingDate: null,
  resolution: '',
  resolutionDate: null,
  ...over,
});

/** A complete cs–de request; tests change what they look at. */
const request = (over: Partial<AgreementRequest> = {}, fields: Partial<AgreementRequest['fields']> = {}) =>
  ({
    template: 'partnership',
    language: 'de',
    layout: 'parallel',
    preambles: [],
    omit: [],
    titlePage: false,
    areas: ['culture', 'agriculture'],
    fields: {
      cz: party({}),
      partner: party({
        name: 'Konstanz',
        nounKey: 'foreign_town',
        countryNames: countryNames('DE'),
        address: 'Kanzleistraße 15, 78462 Konstanz',
        idNumber: '',
        mayorName: 'Uli Burchardt',
        signingPlace: 'Konstanz',
      }),
      duration: 'indefinite',
      entry: 'approval',
      validUntil: null,
      termYears: 5,
      noticeMonths: 6,
      originals: 4,
      projectName: 'Mosty',
      programme: 'Interreg VI-A Česko – Sasko',
      leadPartner: 'cz',
      budgetShares: { cz: '60 %', partner: '40 %' },
      ...fields,
    },
    ...over,
  }) satisfies AgreementRequest;

const build = (r: AgreementRequest): AgreementModel => buildAgreementModel(library, r);
/** One column's whole text with non-breaking spaces read as spaces. */
const column = (model: AgreementModel, index: 0 | 1): string =>
  model.sections
    .map((s) => sectionText(s.texts[index]))
    .join('\n')
    .replace(/[\u00a0\u202f]/g, ' ');

describe('C1: both councils’ approval and the § 41 clause in every template', () => {
  it('without resolutions: markers for number and date of both sides, listed as warnings', () => {
    for (const template of AGREEMENT_TEMPLATES) {
      for (const entry of ['signature', 'approval'] as const) {
        const model = build(request({ template }, { entry }));
        const cs = column(model, 0);
        expect(cs, template).toContain('schválilo zastupitelstvo města Tábor usnesením č. [doplňte: číslo usnesení]');
        expect(cs, template).toContain('ze dne [doplňte: datum usnesení] a příslušný orgán města Konstanz');
        expect(cs, template).toContain(
          'Doložka dle § 41 zákona č. 128/2000 Sb.: O uzavření ' +
            {
              partnership: 'této smlouvy',
              friendship: 'tohoto memoranda',
              project: 'této smlouvy',
              charter: 'této partnerské listiny',
            }[template] +
            ' rozhodlo zastupitelstvo města Tábor usnesením č. [doplňte: číslo usnesení] ze dne [doplňte: datum usnesení].',
        );
        expect(model.warnings.map((w) => w.path)).toEqual(
          expect.arrayContaining([
            'cz.resolution',
            'cz.resolutionDate',
            'partner.resolution',
            'partner.resolutionDate',
          ]),
        );
        // The § 41 clause is the last section, unnumbered, right before the signatures.
        const last = model.sections.at(-1);
        expect(last?.id).toBe('clause41');
        expect(last?.number).toBeNull();
      }
    }
  });

  it('with resolutions: numbers and dates printed in both languages, dates never dropped', () => {
    const fields = {
      cz: party({ resolution: 'ZM/12/2019', resolutionDate: '2019-02-26' }),
      partner: party({
        name: 'Hochheim am Main',
        nounKey: 'foreign_town',
        resolution: '',
        resolutionDate: '2019-09-05',
        // The Ukrainian text needs the partner's names in Cyrillic (no rule gives them from Latin).
        nameCyrillic: 'Гохгайм-на-Майні',
        mayorNameCyrillic: 'Дірк Вестеделль',
      }),
    };
    for (const template of AGREEMENT_TEMPLATES) {
      for (const language of PARTNER_LANGUAGES) {
        const model = build(request({ template, language }, fields));
        const [cs, other] = [column(model, 0), column(model, 1)];
        expect(cs).toContain('usnesením č. ZM/12/2019 ze dne 26. 2. 2019');
        expect(cs).toContain('usnesením č. [doplňte: číslo usnesení] ze dne 5. 9. 2019');
        expect(other, `${template} ${language}`).toContain('ZM/12/2019');
        expect(other.match(/ZM\/12\/2019/g)?.length, `${template} ${language}: approval and § 41`).toBe(2);
        expect(other, `${template} ${language}`).toMatch(/2019/);
        expect(other, `${template} ${language}`).toMatch(/§ 41|Section 41|41\. §/);
        expect(model.warnings.map((w) => w.path)).toEqual(['partner.resolution']);
      }
    }
  });

  it('German names the Czech council "Gemeindevertretung (Zastupitelstvo)", never "Rat" (de2)', () => {
    const de = column(build(request()), 1);
    expect(de).toContain('von der Gemeindevertretung (Zastupitelstvo) der Stadt Tábor mit Beschluss Nr.');
    expect(de).not.toMatch(/vom Rat /);
  });
});

describe('C2, C11: both texts say the same', () => {
  /** Articles, paragraphs and list items of one column: role per paragraph, section by section. */
  const structure = (model: AgreementModel, index: 0 | 1) =>
    model.sections.map((s) => `${s.id}#${s.number ?? '-'}: ${s.texts[index].map((p) => p.role).join(' ')}`);

  it('every template in every language has Czech’s articles, paragraphs and list items', () => {
    const everything = {
      preambles: ['european_integration', 'neighbourhood', 'shared_history', 'solidarity', 'earlier_friendship'],
      areas: ['culture', 'education', 'heritage', 'agriculture', 'european_affairs', 'emergency_services'],
    } as const;
    for (const template of AGREEMENT_TEMPLATES) {
      for (const language of PARTNER_LANGUAGES) {
        for (const duration of ['indefinite', 'fixed'] as const) {
          const model = build(
            request(
              { template, language, preambles: everything.preambles, areas: everything.areas },
              { duration, validUntil: '2030-12-31' },
            ),
          );
          expect(structure(model, 1), `${template} ${language} ${duration}`).toEqual(structure(model, 0));
        }
      }
    }
  });

  it('the Czech languages clause names the partner’s language (cs1)', () => {
    const adjective = {
      de: 'německém',
      pl: 'polském',
      sk: 'slovenském',
      en: 'anglickém',
      fr: 'francouzském',
      it: 'italském',
      hu: 'maďarském',
      uk: 'ukrajinském',
    } as const;
    for (const template of AGREEMENT_TEMPLATES) {
      for (const language of PARTNER_LANGUAGES) {
        const cs = column(build(request({ template, language })), 0);
        expect(cs, `${template} ${language}`).toContain(`každý v jazyce českém a ${adjective[language]}`);
        expect(cs).not.toContain('v jazyce druhé');
      }
    }
  });

  it('friendship: "and their citizens" is said of both towns in every language (cs6)', () => {
    const intent = (language: (typeof PARTNER_LANGUAGES)[number]) =>
      sectionText(
        build(request({ template: 'friendship', language })).sections.find((s) => s.id === 'intent')?.texts[1] ?? [],
      ).replace(/\u00a0/g, ' ');
    expect(column(build(request({ template: 'friendship' })), 0)).toContain(
      'mezi městem Tábor a městem Konstanz i mezi jejich občany',
    );
    expect(intent('pl')).toContain('oraz między ich mieszkańcami');
    expect(intent('sk')).toContain('ako aj medzi ich občanmi');
    expect(intent('uk')).toContain('а також між їхніми мешканцями');
    expect(intent('en')).toContain('and between their citizens');
    expect(intent('de')).toContain('sowie zwischen ihren Bürgerinnen und Bürgern');
  });
});

describe('hostile values (the review’s Robustness table)', () => {
  const dollars = "Tábor \"Hussite\" & <Sons> 'Ü' $& $' $` 🏰";

  it("$&, $' and $` in any value are printed literally, in every template and language (C6)", () => {
    for (const template of AGREEMENT_TEMPLATES) {
      for (const language of PARTNER_LANGUAGES) {
        const model = build(
          request(
            { template, language },
            {
              cz: party({
                name: dollars,
                // The Cyrillic text takes these as typed (a transliteration would change the letters).
                nameCyrillic: dollars,
                mayorNameCyrillic: 'Jan $& Novák',
                mayorName: 'Jan $& Novák',
                mayorTitles: { cs: "starosta $'", [language]: 'Mayor $`' },
                address: 'Náměstí $& 1',
                resolution: 'ZM/1/2024 & <x> "q" $&',
                resolutionDate: '2024-01-15',
              }),
              partner: party({ name: "Partner $` $' $&", nameCyrillic: "Partner $` $' $&", nounKey: 'foreign_town' }),
              projectName: 'Projekt $&',
            },
          ),
        );
        for (const index of [0, 1] as const) {
          const text = column(model, index);
          expect(text, `${template} ${language}`).toContain(dollars);
          expect(text).toContain("Partner $` $' $&");
          expect(text).toContain('ZM/1/2024 & <x> "q" $&');
          expect(text).not.toMatch(/\{(noun|name|title|person|representedBy|hereinafter|between|and|first|second)/);
          if (template !== 'charter') {
            expect(text).toContain('Jan $& Novák');
            expect(text).toContain('Náměstí $& 1');
            expect(text).toContain(index === 0 ? "starosta $'" : 'Mayor $`');
          }
          if (template === 'project') expect(text).toContain('Projekt $&');
        }
        const signatures = model.signatures.flatMap((s) => s.forParty).join('\n');
        expect(signatures).toContain(dollars);
        expect(signatures).toContain("Partner $` $' $&");
      }
    }
  });

  it('placeholder-like text and markup in a value are not expanded', () => {
    const model = build(request({}, { cz: party({ address: '{cz:gen} {partnerName} &amp; <b>bold</b> $1' }) }));
    expect(column(model, 0)).toContain('se sídlem: {cz:gen} {partnerName} &amp; <b>bold</b> $1');
    expect(column(model, 1)).toContain('{cz:gen} {partnerName} &amp; <b>bold</b> $1');
  });

  it('blank names (spaces, control characters only) become markers and warnings, never "mezi městem a městem"', () => {
    for (const blank of ['', '   ', '\u0001\u0002\t']) {
      const model = build(
        request({}, { cz: party({ name: blank }), partner: party({ name: blank, nounKey: 'foreign_town' }) }),
      );
      const [cs, de] = [column(model, 0), column(model, 1)];
      expect(cs).toContain('mezi městem [doplňte: název] a městem [doplňte: název]');
      expect(de).toContain(
        'zwischen der Stadt [doplňte / bitte ergänzen: Name] und der Stadt [doplňte / bitte ergänzen: Name]',
      );
      expect(model.warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['cz.name', 'partner.name']));
      const markers = model.sections.flatMap((s) => s.texts.flatMap((paras) => paras.flatMap((p) => p.runs)));
      expect(markers.filter((r) => r.missing && r.text.includes('název')).length).toBeGreaterThan(4);
    }
  });

  it('markers in the partner’s column are in the partner’s language too', () => {
    const expected = {
      de: '[doplňte / bitte ergänzen: Anschrift]',
      pl: '[doplňte / proszę uzupełnić: adres siedziby]',
      // Slovak asks with the same word as Czech: once.
      sk: '[doplňte: adresa sídla]',
      en: '[doplňte / please complete: address]',
      fr: '[doplňte / à compléter : adresse du siège]',
      it: '[doplňte / da completare: indirizzo della sede]',
      hu: '[doplňte / kérjük, töltse ki: székhely címe]',
      uk: '[doplňte / заповніть: адреса]',
    } as const;
    for (const language of PARTNER_LANGUAGES) {
      const model = build(
        request({ language }, { partner: party({ name: 'X', nounKey: 'foreign_town', address: '' }) }),
      );
      expect(column(model, 0)).toContain('se sídlem: [doplňte: adresa sídla]');
      expect(column(model, 1), language).toContain(expected[language]);
      expect(model.warnings.map((w) => w.path)).toContain('partner.address');
    }
  });
});

describe('typography in the document (C8)', () => {
  const fixed = { duration: 'fixed', validUntil: '2030-12-01' } as const;
  const raw = (model: AgreementModel, index: 0 | 1) =>
    model.sections.map((s) => sectionText(s.texts[index])).join('\n');

  it('dates keep together and take ordinals; the Hungarian footer is unambiguous', () => {
    const fr = build(request({ language: 'fr' }, fixed));
    expect(raw(fr, 0)).toContain('do 1.\u00a012.\u00a02030');
    expect(raw(fr, 1)).toContain('1er\u00a0décembre\u00a02030');
    expect(raw(fr, 1)).not.toContain("'");
    expect(raw(build(request({ language: 'it' }, fixed)), 1)).toContain('1º\u00a0dicembre\u00a02030');
    const hu = build(request({ language: 'hu' }, fixed));
    expect(raw(hu, 1)).toContain('2030.\u00a0december\u00a01.');
    expect(hu.pageLabels).toEqual(['Strana {n} z {total}', '{n}. oldal (összesen {total})']);
  });

  it('Czech one-letter prepositions never end a line', () => {
    const cs = raw(build(request()), 0);
    expect(cs).not.toMatch(/(^|\s)[ksvzouaiKSVZOUAI] /);
    expect(cs).toContain('zejména v\u00a0těchto oblastech');
  });
});

describe('Czech text corrections of the review (cs7–cs9)', () => {
  it('the memorandum has "Strany memoranda", not contracting parties (cs7)', () => {
    const model = build(request({ template: 'friendship', language: 'pl' }));
    const parties = model.sections.find((s) => s.id === 'parties');
    expect(sectionText(parties?.texts[0] ?? []).split('\n')[0]).toBe('Strany memoranda');
    expect(sectionText(parties?.texts[1] ?? []).split('\n')[0]).toBe('Strony memorandum');
  });

  it("a memorandum's preamble does not call its parties contracting parties, a contract's does", () => {
    const preambles = PREAMBLES;
    for (const language of PARTNER_LANGUAGES) {
      const memorandum = build(request({ template: 'friendship', language, preambles: [...preambles] }));
      const text =
        memorandum.sections
          .find((s) => s.id === 'preamble')
          ?.texts.map(sectionText)
          .join('\n') ?? '';
      expect(text, language).not.toMatch(/Smluvn|Vertragspartei|Zmluvn|contraent|contractant|Szerződő|umowy/);
      // Every motive is there, each a paragraph of its own, under the heading and before the formula.
      expect(text.split('\n').filter((line) => line.trim() !== '').length, language).toBeGreaterThanOrEqual(
        2 * (preambles.length + 2),
      );
    }
    const cs = sectionText(
      build(request({ template: 'friendship', preambles: ['european_integration'] })).sections.find(
        (s) => s.id === 'preamble',
      )?.texts[0] ?? [],
    );
    expect(cs).toContain('Strany, vědomy si významu evropské integrace');
    const contract = sectionText(
      build(request({ preambles: ['european_integration'] })).sections.find((s) => s.id === 'preamble')?.texts[1] ?? [],
    );
    expect(contract).toContain('möchten die Vertragsparteien dazu beitragen');
  });

  it('the annual plan is no longer listed as a form of cooperation (cs8)', () => {
    for (const language of PARTNER_LANGUAGES) {
      const forms = build(request({ language })).sections.find((s) => s.id === 'forms');
      expect(sectionText(forms?.texts[0] ?? [])).not.toContain('plán');
      expect(sectionText(forms?.texts[0] ?? []).endsWith('zdrojů.')).toBe(true);
      expect(
        sectionText(forms?.texts[1] ?? [])
          .trimEnd()
          .endsWith('.'),
        language,
      ).toBe(true);
    }
  });

  it('the preamble closes with "se dohodly takto:", also without preambles (cs9)', () => {
    const withPreambles = build(request({ preambles: ['european_integration'] }));
    const preamble = withPreambles.sections.find((s) => s.id === 'preamble');
    expect(sectionText(preamble?.texts[0] ?? []).endsWith('Smluvní strany se dohodly takto:')).toBe(true);
    expect(sectionText(preamble?.texts[1] ?? []).endsWith('Die Vertragsparteien vereinbaren Folgendes:')).toBe(true);
    const without = build(request({ template: 'friendship', preambles: [] }));
    expect(without.sections.map((s) => s.id).slice(0, 4)).toEqual(['title', 'parties', 'agreed', 'intent']);
    expect(column(without, 0)).toContain('Strany se dohodly takto:');
    // The charter is an oath, not a contract: no formula.
    expect(build(request({ template: 'charter' })).sections.some((s) => s.id === 'agreed')).toBe(false);
  });
});

describe('German text corrections (de2, de3)', () => {
  it('a Czech council is never "Rat" in German', () => {
    const de = column(build(request()), 1);
    expect(de).toContain(
      'aufgrund eines Beschlusses ihrer Vertretungskörperschaft (Gemeinde-/Stadtrat bzw. Zastupitelstvo)',
    );
    expect(de).not.toMatch(/\bRat(es)?\b/);
  });
});

describe('Polish text corrections (pl5, pl8)', () => {
  it('lists with ";", "Strony umowy"', () => {
    const model = build(request({ language: 'pl' }));
    const pl = column(model, 1);
    expect(pl).toContain('– kultura;\n– rolnictwo i rozwój obszarów wiejskich.');
    expect(pl.split('\n')).toContain('Strony umowy');
    expect(column(model, 0)).toContain('– kultura,\n– zemědělství a rozvoj venkova.');
  });
});

describe('Slovak text corrections (sk8)', () => {
  it('originals read "v počte 4 rovnopisov" (grammatical for every number), never "v 4 rovnopisoch"', () => {
    for (const template of AGREEMENT_TEMPLATES) {
      for (const originals of [2, 4, 6, 12]) {
        const sk = column(build(request({ template, language: 'sk' }, { originals })), 1);
        expect(sk, template).toContain(`v počte ${originals} rovnopisov`);
        expect(sk).not.toMatch(/v \d+ rovnopisoch/);
      }
    }
  });
});

describe('Hungarian text corrections (hu3)', () => {
  it('the footer "1. oldal (összesen 6)"', () => {
    const model = build(request({ language: 'hu' }, { cz: party({ name: 'Kutná Hora' }) }));
    expect(model.pageLabels[1]).toBe('{n}. oldal (összesen {total})');
  });
});

describe('French and Italian party lines (fr1, fr2, fr4, fr5, fr6, it1, it3)', () => {
  const fixed = { duration: 'fixed', validUntil: '2030-12-01' } as const;
  it('French: "siège : …", "représentée par son maire, …", 1er, typographic apostrophes', () => {
    const model = build(request({ language: 'fr' }, fixed));
    const raw = model.sections.map((s) => sectionText(s.texts[1])).join('\n');
    expect(raw).toContain('siège\u00a0: Žižkovo nám. 2, 390\u00a001\u00a0Tábor');
    expect(raw).toMatch(/État\u00a0: /);
    expect(raw).toContain('représentée par son maire, Štěpán Vojtěch');
    expect(raw).toContain('1er\u00a0décembre\u00a02030');
    expect(raw).not.toContain("'");
  });

  it('Italian: "con sede in …" without a colon, 1º', () => {
    const model = build(request({ language: 'it' }, fixed));
    const it = column(model, 1);
    expect(it).toContain('con sede in Žižkovo nám. 2');
    expect(it).not.toContain('con sede in:');
    expect(it).toContain('1º dicembre 2030');
    expect(column(model, 0)).toContain('se sídlem: Žižkovo nám. 2');
  });
});

describe('no short names that the clauses never use (review C16)', () => {
  it('no "(dále jen „Tábor“)" in any language or template: the clauses name each party by noun and name', () => {
    const defined = /\((dále jen|nachfolgend|dalej|ďalej len|hereinafter|ci-après|di seguito|a továbbiakban|далі)/;
    for (const language of PARTNER_LANGUAGES)
      for (const template of AGREEMENT_TEMPLATES) {
        // The parties block defines no short name (the project's „projekt“ is defined and used, and stays).
        const parties = build(request({ language, template })).sections.find((s) => s.id === 'parties');
        const text = `${sectionText(parties?.texts[0] ?? [])}\n${sectionText(parties?.texts[1] ?? [])}`;
        expect(text, `${language} ${template}`).not.toMatch(defined);
      }
  });
});

describe('each party receives the same number of originals (review C14)', () => {
  it('the request refuses an odd number with a message that names the rule', () => {
    const parsed = agreementFieldsSchema.shape.originals.safeParse(3);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('validation.originalsEven');
    expect(agreementFieldsSchema.shape.originals.safeParse(4).success).toBe(true);
  });

  it('an odd number stored before is a marker and a warning, never "each receives the same number"', () => {
    const model = build(request({}, { originals: 3 }));
    expect(column(model, 0)).toContain('v počtu [doplňte: sudý počet originálů] originálů');
    expect(column(model, 1)).toContain('[doplňte / bitte ergänzen: gerade Anzahl der Ausfertigungen]');
    expect(model.warnings.map((w) => w.path)).toContain('originals');
    expect(build(request({}, { originals: 4 })).warnings.map((w) => w.path)).not.toContain('originals');
  });

  it('a term the partnership does not state: the duration article is highlighted and listed until chosen', () => {
    const guessed = build(request({}, { durationStated: false }));
    expect(guessed.warnings.map((w) => w.path)).toContain('duration');
    const article = guessed.sections.find((s) => s.id === 'duration');
    for (const paras of article?.texts ?? []) {
      const body = paras.filter((p) => p.role !== 'heading').flatMap((p) => p.runs);
      expect(body.length).toBeGreaterThan(0);
      expect(body.every((run) => run.guessed === true)).toBe(true);
    }
    // The same text: the proposal is the indefinite term, only marked as not stated.
    expect(column(guessed, 0)).toBe(column(build(request()), 0));
    const chosen = build(request({}, { durationStated: true }));
    expect(chosen.warnings.map((w) => w.path)).not.toContain('duration');
    expect(
      chosen.sections
        .find((s) => s.id === 'duration')
        ?.texts.flat()
        .flatMap((p) => p.runs)
        .some((run) => run.guessed === true),
    ).toBe(false);
  });
});

describe('the Czech party’s number keeps its Czech name (de4, fr3)', () => {
  it('"Identifikationsnummer (IČO): 00253014"; a partner’s number has the plain label', () => {
    const de = column(
      build(request({}, { partner: party({ name: 'Konstanz', nounKey: 'foreign_town', idNumber: '08335043' }) })),
      1,
    );
    expect(de).toContain('Identifikationsnummer (IČO): 00253014');
    expect(de).toContain('Identifikationsnummer: 08335043');
    expect(column(build(request({ language: 'fr' })), 1)).toContain('numéro d’identification (IČO) : 00253014');
  });
});

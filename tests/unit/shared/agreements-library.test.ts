import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGREEMENT_LANGUAGES, AGREEMENT_TEMPLATES, PREAMBLES } from '../../../shared/domain/codes';
import {
  KNOWN_PLACEHOLDERS,
  clauseFileSchema,
  clauseIdsOf,
  placeholdersIn,
  templatesFileSchema,
  type ClauseFile,
} from '../../../shared/domain/agreements/library';
import { cleanLine, cleanText } from '../../../shared/domain/agreements/clean-text';
import {
  defaultPartnerLanguage,
  formatAgreementDate,
  partnerMayorRank,
  czechMayorRank,
} from '../../../shared/domain/agreements/model';

const DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'agreements');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(DIR, file), 'utf8'));
const files = Object.fromEntries(
  AGREEMENT_LANGUAGES.map((language) => [language, clauseFileSchema.parse(read(`clauses/${language}.json`))]),
) as Record<(typeof AGREEMENT_LANGUAGES)[number], ClauseFile>;
const templates = templatesFileSchema.parse(read('templates.json'));

/** Placeholder names without the grammatical case: `cz:gen` → `cz`. */
const names = (text: string) => new Set(placeholdersIn(text).map((p) => p.split(':')[0]));

describe('clause library completeness', () => {
  it('every language has exactly the clauses, areas and groups Czech has', () => {
    const cs = files.cs;
    for (const language of AGREEMENT_LANGUAGES) {
      const file = files[language];
      expect(file.language).toBe(language);
      expect(Object.keys(file.clauses).sort(), language).toEqual(Object.keys(cs.clauses).sort());
      // Optional grammar a language alone needs (Italian "del"/"della" before a title; English naming
      // the partner by its contracting body) aside.
      const own = (keys: string[]) => keys.filter((key) => key !== 'titleArticles' && key !== 'partyByBody').sort();
      expect(own(Object.keys(file.layout)), language).toEqual(own(Object.keys(cs.layout)));
    }
  });

  it('every clause has Czech’s paragraphs and list items in every language (C11)', () => {
    const shape = (paragraphs: readonly string[]) => paragraphs.map((p) => (p.startsWith('– ') ? 'item' : 'paragraph'));
    for (const language of AGREEMENT_LANGUAGES) {
      for (const [id, clause] of Object.entries(files.cs.clauses)) {
        expect(shape(files[language].clauses[id]?.paragraphs ?? []), `${language} ${id}`).toEqual(
          shape(clause.paragraphs),
        );
      }
      expect(Object.keys(files[language].areas).sort()).toEqual(Object.keys(files.cs.areas).sort());
    }
  });

  it("list items end as the language's own lists in the clauses do (pl5)", () => {
    for (const language of AGREEMENT_LANGUAGES) {
      const items = files[language].clauses['partnership.forms']?.paragraphs.filter((p) => p.startsWith('– ')) ?? [];
      for (const item of items.slice(0, -1))
        expect(item.endsWith(files[language].layout.listSeparator), `${language}: ${item}`).toBe(true);
    }
  });

  it('templates name only clauses that exist, and every preamble exists', () => {
    for (const template of AGREEMENT_TEMPLATES) {
      for (const id of clauseIdsOf(templates[template])) {
        for (const language of AGREEMENT_LANGUAGES)
          expect(files[language].clauses[id], `${language} ${id}`).toBeDefined();
      }
    }
    for (const p of PREAMBLES)
      for (const language of AGREEMENT_LANGUAGES) expect(files[language].clauses[`preamble.${p}`]).toBeDefined();
  });

  it('placeholders are known and each clause carries the same data in every language', () => {
    for (const language of AGREEMENT_LANGUAGES) {
      for (const [id, clause] of Object.entries(files[language].clauses)) {
        for (const paragraph of clause.paragraphs) {
          for (const p of placeholdersIn(paragraph))
            expect(KNOWN_PLACEHOLDERS.has(p), `${language} ${id} {${p}}`).toBe(true);
        }
        const here = new Set(clause.paragraphs.flatMap((p) => [...names(p)]));
        const czech = new Set((files.cs.clauses[id]?.paragraphs ?? []).flatMap((p) => [...names(p)]));
        // Parties may be named differently, but data (dates, numbers, resolutions) must not be lost.
        // The partner texts name both languages in words; Czech takes the partner's from languageForms.
        const data = (set: Set<string | undefined>) =>
          [...set]
            .filter((n) => n !== 'cz' && n !== 'partner' && n !== 'first' && n !== 'second' && n !== 'partnerLanguage')
            .sort();
        expect(data(here), `${language} ${id}`).toEqual(data(czech));
      }
    }
  });

  it('layout patterns use only their own placeholders, and Hungarian word order is data', () => {
    for (const language of AGREEMENT_LANGUAGES) {
      const l = files[language].layout;
      expect(placeholdersIn(l.forPartyPattern).sort()).toEqual(expect.arrayContaining(['forParty']));
      expect(l.forPartyPattern).toMatch(/\{party:(nom|gen|dat|acc|loc|ins)\}/);
      expect(l.betweenPattern).toMatch(/\{first:\w+\}.*\{second:\w+\}/);
      expect(l.articlePattern).toContain('{n}');
      expect(l.pagePattern).toMatch(/\{n\}.*\{total\}/);
    }
    expect(files.hu.layout.forPartyPattern).toBe('{party:nom} {forParty}');
    expect(files.hu.layout.betweenPattern.endsWith('{between}')).toBe(true);
    expect(files.hu.layout.articlePattern).toBe('{n}. {article}');
    expect(files.uk.layout.forPartyPattern).toBe('{forParty} {party:gen}');
    expect(files.de.layout.forPartyPattern).toBe('{forParty} {party:acc}');
  });
});

describe('agreement text helpers', () => {
  it('cleanText removes what XML forbids and keeps everything else', () => {
    const hostile =
      'a\u0000b\u0001\u0008\u000b\u000c\u001f c\ud800d\udc00e\ufffe\uffff f\u200f\u202e🇨🇿\u0085\u00a0\t\n';
    expect(cleanText(hostile)).toBe('ab cde f\u200f\u202e🇨🇿\u0085\u00a0\t\n');
    expect(cleanLine(' Jan\tNovák\r\nml. ')).toBe('Jan Novák ml.');
    expect(cleanLine(null)).toBe('');
  });

  it('dates read the way each language writes them', () => {
    expect(formatAgreementDate('2025-05-02', files.cs.layout)).toBe('2. 5. 2025');
    expect(formatAgreementDate('2025-05-02', files.de.layout)).toBe('02.05.2025');
    expect(formatAgreementDate('2025-05-02', files.en.layout)).toBe('2 May 2025');
    expect(formatAgreementDate('2025-05-02', files.hu.layout)).toBe('2025. május 2.');
  });

  it('mayor ranks and the default second language', () => {
    expect(czechMayorRank('statutarni_mesto')).toBe('city');
    expect(czechMayorRank('obec')).toBe('municipality');
    expect(partnerMayorRank('town', 250_000)).toBe('city');
    expect(partnerMayorRank('town', 30_000)).toBe('town');
    expect(partnerMayorRank('municipality', 250_000)).toBe('municipality');
    expect(defaultPartnerLanguage('de', 'AT')).toBe('de');
    expect(defaultPartnerLanguage(null, 'UA')).toBe('uk');
    expect(defaultPartnerLanguage('nl', 'NL')).toBe('en');
    expect(defaultPartnerLanguage('cs', 'SK')).toBe('sk');
  });
});

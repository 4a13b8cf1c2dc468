import { describe, expect, it } from 'vitest';
import { MESSAGES, translate, translatePlural } from '../../../shared/i18n/index';

describe('message catalogs', () => {
  it('have the same keys in Czech and English, none empty', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.cs).sort());
    for (const language of ['cs', 'en'] as const) {
      for (const [key, text] of Object.entries(MESSAGES[language]))
        expect(text.trim(), `${language}:${key}`).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, cs] of Object.entries(MESSAGES.cs)) {
      expect(placeholders(MESSAGES.en[key] ?? ''), key).toEqual(placeholders(cs));
    }
  });

  it('quote in each language’s own marks: „…“ in Czech, “…” in English (no straight or mixed quotes)', () => {
    const straight = Object.entries(MESSAGES.en).filter(([, text]) => /"[^"]+"/.test(text) || /[„‚]/.test(text));
    expect(straight.map(([key]) => key)).toEqual([]);
    const english = Object.entries(MESSAGES.cs).filter(([, text]) => /"[^"]+"|“[^“”]+”/.test(text));
    expect(english.map(([key]) => key)).toEqual([]);
  });

  it('fills placeholders and picks Czech plural forms', () => {
    expect(translate('cs', 'common.rowsFiltered', { shown: 3, total: 1200 })).toBe('3 z 1\u00a0200');
    expect(translatePlural('cs', 'common.rows', 1)).toBe('1 řádek');
    expect(translatePlural('cs', 'common.rows', 3)).toBe('3 řádky');
    expect(translatePlural('cs', 'common.rows', 5)).toBe('5 řádků');
    expect(translatePlural('en', 'common.rows', 1)).toBe('1 row');
  });

  it('counts the map’s municipalities, towns and lines in the right form (walkthrough: "1 obcí, 3 spojnic")', () => {
    const summary = (language: 'cs' | 'en', members: number, towns: number, links: number) =>
      [
        translatePlural(language, 'map.summary.members', members),
        translatePlural(language, 'map.summary.towns', towns),
        translatePlural(language, 'map.summary.links', links),
      ].join(', ');
    expect(summary('cs', 1, 3, 3)).toBe('1 obec, 3 partnerská města, 3 spojnice');
    expect(summary('cs', 5, 1, 1)).toBe('5 obcí, 1 partnerské město, 1 spojnice');
    expect(summary('cs', 2, 7, 12)).toBe('2 obce, 7 partnerských měst, 12 spojnic');
    expect(summary('en', 1, 3, 1)).toBe('1 municipality, 3 partner towns, 1 line');
  });

  it('says dormancy and a member’s active partnerships in correct Czech (first-use review D31)', () => {
    expect(translatePlural('cs', 'stats.card.dormant', 3)).toBe('Bez aktivity déle než 3 roky');
    expect(translatePlural('cs', 'stats.card.dormant', 5)).toBe('Bez aktivity déle než 5 let');
    expect(translatePlural('cs', 'stats.card.dormant', 1)).toBe('Bez aktivity déle než 1 rok');
    expect(translatePlural('cs', 'members.detail.summary', 1, { total: 1 })).toBe('1 aktivní z 1 partnerství');
    expect(translatePlural('cs', 'members.detail.summary', 5, { total: 8 })).toBe('5 aktivních z 8 partnerství');
    expect(translate('cs', 'members.exportXlsx')).toBe(translate('cs', 'partnerships.export.xlsx'));
  });
});

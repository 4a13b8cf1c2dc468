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

  it('fills placeholders and picks Czech plural forms', () => {
    expect(translate('cs', 'common.rowsFiltered', { shown: 3, total: 1200 })).toBe('3 z 1\u00a0200');
    expect(translatePlural('cs', 'common.rows', 1)).toBe('1 řádek');
    expect(translatePlural('cs', 'common.rows', 3)).toBe('3 řádky');
    expect(translatePlural('cs', 'common.rows', 5)).toBe('5 řádků');
    expect(translatePlural('en', 'common.rows', 1)).toBe('1 row');
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

import { describe, expect, it } from 'vitest';
import {
  SCRIPT_OF,
  czechToUkrainian,
  hasCyrillic,
  nameInScript,
  ukrainianToCzech,
} from '../../../shared/domain/agreements/transliteration';

describe('Czech names and persons in Ukrainian Cyrillic (C4, uk1, uk3)', () => {
  it.each([
    ['Třebíč', 'Тршебіч'],
    ['Jihlava', 'Їглава'],
    ['Hradec Králové', 'Градець Кралове'],
    ['Český Krumlov', 'Чеський Крумлов'],
    ['Uherské Hradiště', 'Угерське Градіште'],
    ['Helena Rybářová', 'Гелена Рибаржова'],
    ['Jiří Dvořák', 'Їржі Дворжак'],
    ['Přerov', 'Пршеров'],
    ['Olomouc', 'Оломоуць'],
    ['Liberec', 'Ліберець'],
    ['Děčín', 'Дечин'],
    ['Nový Jičín', 'Новий Їчин'],
    ['Ondřej', 'Ондржей'],
    ['Jaroslav', 'Ярослав'],
    ['Kutná Hora', 'Кутна Гора'],
    ['Náchod', 'Наход'],
    ['Frýdek-Místek', 'Фридек-Містек'],
    ['Chlum u Třeboně', 'Хлум у Тршебоне'],
    ['Běla', 'Бєла'],
    ['Kaňa', 'Каня'],
    ['Objížďka', 'Об’їждька'],
    ['Štěpánka Nováková', 'Штепанка Новакова'],
  ])('%s → %s', (czech, ukrainian) => {
    expect(czechToUkrainian(czech)).toBe(ukrainian);
  });

  it('keeps what is not a letter (digits, punctuation, spaces) and the case of each letter', () => {
    expect(czechToUkrainian('Praha 4 – Chodov')).toBe('Прага 4 – Ходов');
    expect(czechToUkrainian('ŠKODA Plzeň')).toBe('ШКОДА Плзень');
  });
});

describe('Ukrainian names in Czech (Czech practical transcription)', () => {
  it.each([
    ['Калуш', 'Kaluš'],
    ['Чернігів', 'Černihiv'],
    ['Андрій Найда', 'Andrij Najda'],
    ['Львів', 'Lviv'],
    ['Київ', 'Kyjiv'],
    ['Юрій', 'Jurij'],
    ['Щастя', 'Ščastja'],
    ['Калуська міська рада', 'Kaluska miska rada'],
    ['Кам’янець-Подільський', 'Kamjanec-Podilskyj'],
  ])('%s → %s', (ukrainian, czech) => {
    expect(ukrainianToCzech(ukrainian)).toBe(czech);
  });
});

describe('a name in a language’s script', () => {
  it('Ukrainian is the one Cyrillic language; a future one is added to the same table', () => {
    expect(Object.entries(SCRIPT_OF).filter(([, script]) => script === 'cyrillic')).toEqual([['uk', 'cyrillic']]);
    expect(hasCyrillic('Калуш')).toBe(true);
    expect(hasCyrillic('Kalush')).toBe(false);
  });

  it('a name already in the script is kept; a Czech one is transliterated; a Latin foreign one has no rule', () => {
    expect(nameInScript('Калуш', 'uk', 'native')).toBe('Калуш');
    expect(nameInScript('Tábor', 'uk', 'cs')).toBe('Табор');
    expect(nameInScript('Kalush', 'uk', 'native')).toBeNull();
    expect(nameInScript('Kalush', 'de', 'native')).toBe('Kalush');
    expect(nameInScript('Калуш', 'cs', 'native')).toBe('Kaluš');
  });
});

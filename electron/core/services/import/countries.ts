import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { searchKey } from '../../../../shared/domain/text';

/**
 * Czech country names → ISO 3166-1 alpha-2, from i18n-iso-countries' Czech names (all variants)
 * plus the names Czech lists use that it does not know. ISO codes themselves are accepted too.
 */
const ALIASES: Record<string, string> = {
  korea: 'KR', // in Czech twinning lists "Korea" is the Republic of Korea (Soul)
  'korejska republika': 'KR',
  'velka britanie': 'GB',
  anglie: 'GB',
  skotsko: 'GB',
  wales: 'GB',
  'severni irsko': 'GB',
  usa: 'US',
  'spojene staty': 'US',
  holandsko: 'NL',
  rusko: 'RU',
  'ruska federace': 'RU',
  cesko: 'CZ',
  'ceska republika': 'CZ',
  moldavsko: 'MD',
  makedonie: 'MK',
  'bosna a hercegovina': 'BA',
  'tchaj-wan': 'TW',
  kosovo: 'XK',
  // Official and abbreviated names Czech lists write.
  'slovenska republika': 'SK',
  'spolkova republika nemecko': 'DE',
  'nemecka spolkova republika': 'DE',
  'konzska republika': 'CG',
  'beloruska republika': 'BY',
};

/**
 * Names that stand for more than one country, each with the countries it may be: "SR" is the
 * Slovak Republic in Czech lists but Suriname as an ISO code; "Kongo" is either Congo. Refused
 * with the choices rather than guessed.
 */
const AMBIGUOUS: Record<string, readonly string[]> = {
  kongo: ['CG', 'CD'],
};

/**
 * Abbreviations Czech lists write, as written (capitals, diacritics): "SR" and "CR" are also the
 * ISO codes of Suriname and Costa Rica, so they are ambiguous; "ČR" is not.
 */
const ABBREVIATIONS: Record<string, string | readonly string[]> = {
  SR: ['SK', 'SR'],
  CR: ['CZ', 'CR'],
  ČR: 'CZ',
  SRN: 'DE',
  NSR: 'DE',
  UK: 'GB',
};

/** The countries a name may be when it is ambiguous (see AMBIGUOUS); null when it is not. */
export function ambiguousCountry(name: string): readonly string[] | null {
  const abbreviation = ABBREVIATIONS[name.trim().toUpperCase()];
  if (abbreviation !== undefined && typeof abbreviation !== 'string') return abbreviation;
  return AMBIGUOUS[key(name)] ?? null;
}

let table: Map<string, string> | null = null;

const key = (name: string) => searchKey(name).replace(/\s+/g, ' ').trim();

function build(): Map<string, string> {
  const requireJson = createRequire(import.meta.url);
  countries.registerLocale(requireJson('i18n-iso-countries/langs/cs.json') as countries.LocaleData);
  countries.registerLocale(requireJson('i18n-iso-countries/langs/en.json') as countries.LocaleData);
  const map = new Map<string, string>();
  for (const language of ['en', 'cs']) {
    const names = countries.getNames(language, { select: 'all' }) as Record<string, string[]>;
    for (const [code, variants] of Object.entries(names)) {
      for (const variant of variants) map.set(key(variant), code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) map.set(alias, code);
  return map;
}

/** The ISO alpha-2 code for a country name (Czech or English) or code; null when unknown. */
export function countryCodeOf(name: string): string | null {
  table ??= build();
  const trimmed = name.trim();
  const abbreviation = ABBREVIATIONS[trimmed.toUpperCase()];
  if (typeof abbreviation === 'string') return abbreviation;
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const upper = trimmed.toUpperCase();
    return countries.isValid(upper) || upper === 'XK' ? upper : null;
  }
  return table.get(key(trimmed)) ?? null;
}

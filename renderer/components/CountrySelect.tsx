import { useMemo, type SelectHTMLAttributes } from 'react';
import { countryOptions } from '../../shared/domain/countries';
import { compareCzech } from '../../shared/domain/text';
import type { UiLanguage } from '../../shared/domain/codes';
import { useI18n } from '../lib/i18n';

const englishOrder = new Intl.Collator('en');

/**
 * The countries by their names in a language, in that language's order: Czech order for Czech
 * names (ch after h), English for English ones (Chad, Chile, China after Cameroon, not after
 * Hungary); `exclude` leaves one out.
 */
export function countriesInOrder(language: UiLanguage, exclude?: string): { code: string; name: string }[] {
  return countryOptions(language)
    .filter((c) => c.code !== exclude)
    .sort(language === 'cs' ? (a, b) => compareCzech(a.name, b.name) : (a, b) => englishOrder.compare(a.name, b.name));
}

/**
 * A select of countries by their names in the user's language, in that language's order; `empty`
 * is the first option, chosen as ''; `exclude` leaves one country out (the Czech Republic for a
 * partner town).
 */
export function CountrySelect({
  value,
  onChange,
  empty,
  exclude,
  ...rest
}: {
  value: string;
  onChange: (code: string) => void;
  empty: string;
  exclude?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  const { language } = useI18n();
  const countries = useMemo(() => countriesInOrder(language, exclude), [language, exclude]);
  return (
    <select {...rest} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{empty}</option>
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

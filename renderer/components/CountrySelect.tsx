import { useMemo, type SelectHTMLAttributes } from 'react';
import { countryOptions } from '../../shared/domain/countries';
import { compareCzech } from '../../shared/domain/text';
import { useI18n } from '../lib/i18n';

/**
 * A select of countries by their names in the user's language, in Czech order; `empty` is the
 * first option, chosen as ''; `exclude` leaves one country out (the Czech Republic for a partner town).
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
  const countries = useMemo(
    () =>
      countryOptions(language)
        .filter((c) => c.code !== exclude)
        .sort((a, b) => compareCzech(a.name, b.name)),
    [language, exclude],
  );
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

import { useState, type InputHTMLAttributes } from 'react';
import { datePrecision, editablePartialDate, parsePartialDate } from '../../shared/domain/dates';
import { useI18n } from '../lib/i18n';

/**
 * What a day field gives its form: the ISO day ("2026-05-22") for "22. 5. 2026", "22.5.2026" or
 * "2026-05-22"; '' when empty; else the text as typed, which the form's rules then name at the
 * field (typing is never dropped as if nothing had been typed).
 */
export const dayValueOf = (text: string): string => {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const parsed = parsePartialDate(trimmed);
  return parsed !== null && datePrecision(parsed) === 'day' ? parsed : trimmed;
};

/**
 * A day typed as the other dates of the app are ("22. 5. 2026" in Czech, "2026-05-22" in English),
 * instead of the browser's date picker, which showed "mm/dd/yyyy" in a Czech screen when the
 * browser's own language was English and looked unlike the partial dates beside it. The form holds
 * `dayValueOf` the text; a value set from outside (a reset, a reload) is shown in the user's form.
 */
export function DayInput({
  value,
  onChange,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string;
  onChange: (value: string) => void;
}) {
  const { t, language } = useI18n();
  const [text, setText] = useState(() => editablePartialDate(value, language));
  const shown = dayValueOf(text) === value ? text : editablePartialDate(value, language);
  return (
    <input
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('common.dayPlaceholder')}
      {...rest}
      value={shown}
      onChange={(event) => {
        setText(event.target.value);
        onChange(dayValueOf(event.target.value));
      }}
    />
  );
}

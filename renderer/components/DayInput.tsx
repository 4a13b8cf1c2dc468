import { useState, type InputHTMLAttributes } from 'react';
import { datePrecision, editablePartialDate, parsePartialDate, unreadableDateMessage } from '../../shared/domain/dates';
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

/**
 * A day field of a form that holds only whole days or nothing (an agreement's signature, its end):
 * what is not a day yet is kept on screen with its problem named at the field, and the form holds
 * null meanwhile, so a document drafted then says the day is missing instead of using an old one.
 */
export function StrictDayInput({
  id,
  value,
  onChange,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'id'> & {
  id: string;
  value: string | null;
  onChange: (day: string | null) => void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState<string | null>(null);
  const [seen, setSeen] = useState(value);
  // A day set from outside (another draft opened, a gap filled from the registry) replaces the typing.
  if (seen !== value) {
    setSeen(value);
    if (value !== null) setTyped(null);
  }
  const errorId = `${id}-error`;
  return (
    <>
      <DayInput
        id={id}
        {...rest}
        aria-invalid={typed !== null}
        aria-describedby={typed !== null ? errorId : undefined}
        value={typed ?? value ?? ''}
        onChange={(day) => {
          const whole = day === '' || (parsePartialDate(day) === day && datePrecision(day) === 'day');
          setTyped(whole ? null : day);
          onChange(whole && day !== '' ? day : null);
        }}
      />
      {typed !== null && (
        <span className="field-error" role="alert" id={errorId} data-testid={`error-${id}`}>
          {t(unreadableDateMessage(typed) === 'validation.noSuchDay' ? 'validation.noSuchDay' : 'validation.date')}
        </span>
      )}
    </>
  );
}

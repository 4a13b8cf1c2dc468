import type { InputHTMLAttributes } from 'react';
import { useI18n } from '../lib/i18n';

/**
 * A text field that takes at most `maxLength` characters and says so once the text reaches it: a
 * pasted text was cut there without a word (walkthrough 15), and a longer one than the rule allows
 * gave "Invalid input" with no field named (walkthrough 14).
 */
export function LimitedInput({
  value,
  maxLength,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'maxLength'> & { value: string; maxLength: number }) {
  const { t } = useI18n();
  const full = value.length >= maxLength;
  const hintId = rest.id === undefined ? undefined : `${rest.id}-limit`;
  return (
    <>
      <input {...rest} value={value} maxLength={maxLength} aria-describedby={full ? hintId : undefined} />
      {full && (
        <span className="field-hint" id={hintId} data-testid={rest.id === undefined ? undefined : `limit-${rest.id}`}>
          {t('common.atMaxLength', { max: maxLength })}
        </span>
      )}
    </>
  );
}

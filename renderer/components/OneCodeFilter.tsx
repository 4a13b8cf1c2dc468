import type { SelectHTMLAttributes } from 'react';
import { CodeSelect } from './Field';

/**
 * A filter that holds a list of codes (the statistics filter's types, statuses) chosen one at a
 * time: shows the first, and an empty choice (`empty`, "all") clears the list.
 */
export function OneCodeFilter<C extends string>({
  codes,
  labelPrefix,
  chosen,
  onChange,
  empty,
  ...rest
}: {
  codes: readonly C[];
  labelPrefix: string;
  chosen: readonly C[] | undefined;
  onChange: (codes: C[]) => void;
  empty: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  return (
    <CodeSelect
      {...rest}
      codes={codes}
      labelPrefix={labelPrefix}
      value={chosen?.[0] ?? null}
      onChange={(code) => onChange(code === null ? [] : [code])}
      empty={empty}
    />
  );
}

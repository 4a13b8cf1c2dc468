import { useMemo, type Ref, type SelectHTMLAttributes } from 'react';
import type { MunicipalityRow } from '../../shared/domain/schemas';
import { compareCzech } from '../../shared/domain/text';

/**
 * A member as an option: "name (district)", the code where the district is not known, and the
 * name alone where the district is named after it ('Žďár nad Sázavou', not 'Žďár nad Sázavou
 * (Žďár nad Sázavou)', review D31); homonyms elsewhere still show their own district.
 */
export const memberOptionLabel = (m: Pick<MunicipalityRow, 'name' | 'code' | 'districtName'>): string =>
  m.districtName === m.name ? m.name : `${m.name} (${m.districtName ?? m.code})`;

/**
 * A select of member municipalities in Czech order, each as `memberOptionLabel` says; `empty` is
 * the first option, chosen as ''.
 */
export function MemberSelect({
  members,
  value,
  onChange,
  empty,
  ref,
  ...rest
}: {
  members: readonly Pick<MunicipalityRow, 'id' | 'name' | 'code' | 'districtName'>[];
  value: string;
  onChange: (id: string) => void;
  empty: string;
  ref?: Ref<HTMLSelectElement>;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  const sorted = useMemo(() => [...members].sort((a, b) => compareCzech(a.name, b.name)), [members]);
  return (
    <select {...rest} ref={ref} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{empty}</option>
      {sorted.map((m) => (
        <option key={m.id} value={String(m.id)}>
          {memberOptionLabel(m)}
        </option>
      ))}
    </select>
  );
}

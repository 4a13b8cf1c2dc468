import { useMemo, type Ref, type SelectHTMLAttributes } from 'react';
import type { MunicipalityRow } from '../../shared/domain/schemas';
import { compareCzech } from '../../shared/domain/text';
import { useI18n } from '../lib/i18n';

/**
 * A member as an option: "name (district)", the code where the district is not known, and the
 * name alone where the district is named after it ('Žďár nad Sázavou', not 'Žďár nad Sázavou
 * (Žďár nad Sázavou)', review D31); homonyms elsewhere still show their own district.
 */
export const memberOptionLabel = (m: Pick<MunicipalityRow, 'name' | 'code' | 'districtName'>): string =>
  m.districtName === m.name ? m.name : `${m.name} (${m.districtName ?? m.code})`;

type Option = Pick<MunicipalityRow, 'id' | 'name' | 'code' | 'districtName'> & { isMember?: boolean };

/**
 * The options in Czech order; a list that mixes members with other municipalities (a request's
 * municipality may be any of the registry's, e.g. one that is about to join) puts the members
 * first and the others in a group of their own, so that a member is found among a few hundred
 * options instead of the ~6,000 municipalities of the country. One group when all are alike.
 */
export function memberOptionGroups<T extends Option>(list: readonly T[]): { kind: 'members' | 'others'; items: T[] }[] {
  const sorted = [...list].sort((a, b) => compareCzech(a.name, b.name));
  const members = sorted.filter((m) => m.isMember !== false);
  const others = sorted.filter((m) => m.isMember === false);
  if (members.length === 0 || others.length === 0)
    return [{ kind: members.length > 0 ? 'members' : 'others', items: sorted }];
  return [
    { kind: 'members', items: members },
    { kind: 'others', items: others },
  ];
}

/**
 * A select of municipalities in Czech order, each as `memberOptionLabel` says; `empty` is the
 * first option, chosen as ''. Members and other municipalities, when both are given, are two
 * groups (`memberOptionGroups`).
 */
export function MemberSelect({
  members,
  value,
  onChange,
  empty,
  ref,
  ...rest
}: {
  members: readonly Option[];
  value: string;
  onChange: (id: string) => void;
  empty: string;
  ref?: Ref<HTMLSelectElement>;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  const { t } = useI18n();
  const groups = useMemo(() => memberOptionGroups(members), [members]);
  const options = (items: readonly Option[]) =>
    items.map((m) => (
      <option key={m.id} value={String(m.id)}>
        {memberOptionLabel(m)}
      </option>
    ));
  return (
    <select {...rest} ref={ref} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{empty}</option>
      {groups.length === 1
        ? options(groups[0]?.items ?? [])
        : groups.map((group) => (
            <optgroup
              key={group.kind}
              label={t(`members.select.${group.kind}`)}
              data-testid={`member-group-${group.kind}`}
            >
              {options(group.items)}
            </optgroup>
          ))}
    </select>
  );
}

import { typedNumberOrText, type TypedNumberKind } from '../../../shared/domain/typed-number';
import type { ColDef, ValueParserParams } from 'ag-grid-community';
import { MUNICIPALITY_KINDS } from '../../../shared/domain/codes';
import { MEMBER_COLUMNS } from '../../../shared/domain/columns';
import { MEMBERSHIP_STATES, membershipState } from '../../../shared/domain/membership';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import type { I18n } from '../../lib/i18n';
import { catalogueColumns } from '../../lib/catalogue-columns';
import { choiceFilter } from '../../components/ChoiceFilter';
import { provenanceOverrides } from '../../lib/czech-grid';
import { MembershipCell, OpenCell } from './members-cells';

/** Text typed into a cell: trimmed, empty means "not given". */
export const parseTextCell = (params: ValueParserParams<MunicipalityRow>): unknown => {
  const text = typeof params.newValue === 'string' ? params.newValue.trim() : params.newValue;
  return text === '' ? null : text;
};

/**
 * A number typed the Czech or the English way (`shared/domain/typed-number.ts`): a population
 * "1 200", "1,200" → 1200; a coordinate "49,123" → 49.123. Not a number: the text is kept, so
 * the rule names the problem instead of silently dropping it.
 */
export function parseNumberText(value: unknown, kind: TypedNumberKind = 'integer'): unknown {
  if (typeof value === 'number' || value === null || value === undefined) return value ?? null;
  if (typeof value !== 'string') return value;
  return typedNumberOrText(value, kind);
}

export type MembersColumnOptions = { onOpen: (row: MunicipalityRow) => void };

/**
 * Column definitions of the Members grid: the catalogue's columns (`shared/domain/columns.ts`,
 * which the export writes too) with what only the grid has, by id; a pure function of the
 * language, tested without a browser.
 */
export function membersColumns(i18n: I18n, options: MembersColumnOptions): ColDef<MunicipalityRow>[] {
  const editableText = { editable: true, valueParser: parseTextCell };
  // Membership dates are not matched by the quick search (a year would find half the registry).
  const memberDate = { width: 140, getQuickFilterText: () => '' };
  return [
    ...catalogueColumns(MEMBER_COLUMNS, i18n, {
      name: { pinned: 'left', minWidth: 190, sort: 'asc', ...editableText },
      code: { width: 125 },
      // Closed lists of codes shown as labels: the filter ticks codes (the view means the same
      // rows in either language, walkthrough 23 finding 9) and reads the row's code, not the label.
      kind: {
        width: 150,
        ...choiceFilter(MUNICIPALITY_KINDS, 'kind', 'label'),
        filterValueGetter: (params) => params.data?.kind ?? null,
      },
      membership: {
        width: 152,
        cellRenderer: MembershipCell,
        ...choiceFilter(MEMBERSHIP_STATES, 'membership', 'label'),
        filterValueGetter: (params) => (params.data ? membershipState(params.data) : null),
      },
      districtName: { width: 150 },
      regionName: { width: 175 },
      // "ORP" explained where it is named (walkthrough 19: never explained in English).
      orpName: { width: 150, headerTooltip: i18n.t('members.col.orpTooltip'), ...editableText },
      orpCode: { width: 110, headerTooltip: i18n.t('members.col.orpTooltip') },
      population: {
        width: 115,
        editable: true,
        valueParser: (params) => parseNumberText(params.newValue) as number | null,
      },
      mayorName: { minWidth: 170, ...editableText },
      mayorGender: { width: 130 },
      activePartnerships: { width: 150 },
      partnerships: { width: 150 },
      memberSince: memberDate,
      memberUntil: memberDate,
      email: { minWidth: 190, ...editableText },
      website: { minWidth: 190, ...editableText },
      street: { minWidth: 170, ...editableText },
      postalCode: { width: 100, ...editableText },
      ico: { width: 110 },
      latitude: { width: 120 },
      longitude: { width: 120 },
      ...provenanceOverrides<MunicipalityRow>(i18n),
    }),
    {
      colId: 'open',
      headerName: '',
      width: 100,
      minWidth: 90,
      pinned: 'right',
      sortable: false,
      filter: false,
      resizable: false,
      suppressMovable: true,
      cellRenderer: OpenCell,
      cellRendererParams: { onOpen: options.onOpen },
      getQuickFilterText: () => '',
    },
  ];
}

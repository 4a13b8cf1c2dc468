import type { ColDef } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { MUNICIPALITY_KINDS, PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../../shared/domain/codes';
import type { MunicipalityRow } from '../../shared/domain/schemas';
import { translate } from '../../shared/i18n/index';
import { ChoiceFilter } from '../../renderer/components/ChoiceFilter';
import {
  choiceFiltersOfView,
  codesFilterPasses,
  hasOldChoiceFilter,
  isChoiceParams,
  modelOfChosen,
  sortedChoices,
  textConditionToCodes,
  type ChoiceColumn,
} from '../../renderer/lib/choice-filter';
import { createI18n } from '../../renderer/lib/i18n';
import {
  choiceLabelOf,
  columnFiltersInForce,
  partnershipsColumns,
} from '../../renderer/features/partnerships/partnerships-columns';
import { membersColumns } from '../../renderer/features/members/members-columns';
import { requestsColumns } from '../../renderer/features/requests/requests-columns';

const noop = () => undefined;

/** A choice column of the grid as the restore of a view sees it: both languages' labels. */
const column = (codes: readonly string[], prefix: string): ChoiceColumn => ({
  codes,
  labelsOf: (code) => [translate('cs', `${prefix}.${code}`), translate('en', `${prefix}.${code}`)],
});
const status = column(PARTNERSHIP_STATUSES, 'partnershipStatus');
const type = column(PARTNERSHIP_TYPES, 'partnershipType');

const text = (kind: string, filter?: string) => ({ filterType: 'text', type: kind, filter });
const sorted = (codes: Set<string> | null) => (codes === null ? null : [...codes].sort());

describe('choice filter (codes of a column, walkthrough 23 finding 9)', () => {
  it('lets a row pass by its code alone, whatever the language', () => {
    const model = { filterType: 'codes', values: ['active', 'preparation'] };
    expect(codesFilterPasses(model, 'active')).toBe(true);
    expect(codesFilterPasses(model, 'preparation')).toBe(true);
    expect(codesFilterPasses(model, 'dormant')).toBe(false);
    // The label is not the code: „aktivní“ or "active" labels never pass by themselves.
    expect(codesFilterPasses(model, 'aktivní')).toBe(false);
    expect(codesFilterPasses(model, null)).toBe(false);
    expect(codesFilterPasses({ filterType: 'codes', values: [] }, 'active')).toBe(false);
    // No model: every row passes.
    expect(codesFilterPasses(null, 'active')).toBe(true);
  });

  it('keeps the codes in the column order and no filter when all are ticked', () => {
    expect(modelOfChosen(PARTNERSHIP_STATUSES, new Set(['ended', 'active']))).toEqual({
      filterType: 'codes',
      values: ['active', 'ended'],
    });
    expect(modelOfChosen(PARTNERSHIP_STATUSES, new Set(PARTNERSHIP_STATUSES))).toBeNull();
    expect(modelOfChosen(PARTNERSHIP_STATUSES, new Set())).toEqual({ filterType: 'codes', values: [] });
  });

  it('lists the choices as the column sorts them, labelled in the language shown', () => {
    const cs = createI18n('cs');
    const en = createI18n('en');
    const statuses = { choiceCodes: PARTNERSHIP_STATUSES, labelPrefix: 'partnershipStatus', order: 'codes' as const };
    expect(sortedChoices(statuses, cs.tk).map((choice) => choice.code)).toEqual([...PARTNERSHIP_STATUSES]);
    expect(sortedChoices(statuses, en.tk).map((choice) => choice.label)).toContain('preparing');
    const types = { choiceCodes: PARTNERSHIP_TYPES, labelPrefix: 'partnershipType', order: 'label' as const };
    expect(sortedChoices(types, cs.tk).map((choice) => choice.label)).toEqual([
      'neformální kontakt',
      'neuvedeno',
      'partnerství (smlouva)',
      'projektové partnerství',
      'přátelství / memorandum',
    ]);
    expect(sortedChoices(types, en.tk).map((choice) => choice.code)).toEqual([
      'friendship',
      'informal',
      'unknown',
      'formal',
      'project',
    ]);
  });

  it('is the filter of the Typ and Stav columns, reading the code, in both languages', () => {
    for (const language of ['cs', 'en'] as const) {
      const columns = partnershipsColumns(createI18n(language), { onOpen: noop, onDelete: noop });
      for (const [colId, codes, order] of [
        ['type', PARTNERSHIP_TYPES, 'label'],
        ['status', PARTNERSHIP_STATUSES, 'codes'],
      ] as const) {
        const def = columns.find((c) => c.colId === colId);
        expect(def?.filter).toBe(ChoiceFilter);
        expect(def?.filterParams).toEqual({ choiceCodes: codes, labelPrefix: expect.any(String), order });
        // The filter reads the field (the code), no getter turns it into a label.
        expect(def?.field).toBe(colId);
        expect(def?.filterValueGetter).toBeUndefined();
      }
    }
  });

  it('is the filter of the members kind and membership and of the requests status, reading the code', () => {
    const member = { kind: 'mestys', isMember: false, memberSince: '2001-01-01', memberUntil: null } as MunicipalityRow;
    const members = membersColumns(createI18n('en'), { onOpen: noop });
    const getter = (def: ColDef | undefined, data: unknown): unknown =>
      (def?.filterValueGetter as (params: { data: unknown }) => unknown)({ data });
    const kind = members.find((c) => c.colId === 'kind');
    expect(kind?.filter).toBe(ChoiceFilter);
    expect((kind?.filterParams as { choiceCodes: unknown }).choiceCodes).toEqual(MUNICIPALITY_KINDS);
    expect(getter(kind, member)).toBe('mestys');
    const membership = members.find((c) => c.colId === 'membership');
    expect(membership?.filter).toBe(ChoiceFilter);
    expect(getter(membership, member)).toBe('former');
    const requestStatus = requestsColumns(createI18n('cs')).find((c) => c.colId === 'status');
    expect(requestStatus?.filter).toBe(ChoiceFilter);
    expect(getter(requestStatus, { status: 'matched' })).toBe('matched');
  });
});

describe('an old text filter of a saved view on a choice column', () => {
  it('contains: the codes whose Czech or English label contains the text, without case and diacritics', () => {
    // „aktivni“ typed in Czech: aktivní and neaktivní; "active" typed in English: active alone.
    expect(sorted(textConditionToCodes(text('contains', 'aktivni'), status.codes, status.labelsOf))).toEqual([
      'active',
      'dormant',
    ]);
    expect(sorted(textConditionToCodes(text('contains', 'ACTIVE'), status.codes, status.labelsOf))).toEqual(['active']);
    // „ko“ of walkthrough 23: in „neformální kontakt“ and „ukončeno“, in no English label.
    expect(sorted(textConditionToCodes(text('contains', 'ko'), type.codes, type.labelsOf))).toEqual(['informal']);
    expect(sorted(textConditionToCodes(text('contains', 'ko'), status.codes, status.labelsOf))).toEqual(['ended']);
    // Without an operator AG Grid's text filter meant "contains".
    expect(sorted(textConditionToCodes({ filter: 'smlouva' }, type.codes, type.labelsOf))).toEqual(['formal']);
  });

  it('equals, not equal, starts with, ends with, does not contain', () => {
    const codes = (condition: unknown) => sorted(textConditionToCodes(condition, status.codes, status.labelsOf));
    expect(codes(text('equals', 'V PRIPRAVE'))).toEqual(['preparation']);
    expect(codes(text('equals', 'preparing'))).toEqual(['preparation']);
    expect(codes(text('equals', 'prepar'))).toEqual([]);
    expect(codes(text('notEqual', 'neuvedeno'))).toEqual(['active', 'dormant', 'ended', 'preparation', 'proposed']);
    expect(codes(text('startsWith', 'ne'))).toEqual(['dormant', 'unknown']);
    expect(codes(text('startsWith', 'not'))).toEqual(['unknown']);
    expect(codes(text('endsWith', 'eno'))).toEqual(['ended', 'proposed', 'unknown']);
    expect(codes(text('endsWith', 'ed'))).toEqual(['ended', 'proposed', 'unknown']);
    // Neither language's label of active or dormant may contain it.
    expect(codes(text('notContains', 'aktiv'))).toEqual(['ended', 'preparation', 'proposed', 'unknown']);
    expect(codes(text('notContains', 'active'))).toEqual(['dormant', 'ended', 'preparation', 'proposed', 'unknown']);
  });

  it('a combined filter: AND keeps the codes both match, OR those either matches', () => {
    const both = {
      filterType: 'text',
      operator: 'AND',
      conditions: [text('contains', 'aktiv'), text('startsWith', 'ne')],
    };
    expect(sorted(textConditionToCodes(both, status.codes, status.labelsOf))).toEqual(['dormant']);
    const either = {
      filterType: 'text',
      operator: 'OR',
      conditions: [text('contains', 'smlouva'), text('contains', 'memorandum')],
    };
    expect(sorted(textConditionToCodes(either, type.codes, type.labelsOf))).toEqual(['formal', 'friendship']);
  });

  it('cannot be said in codes: blank, not blank, an unknown operator, another filter type', () => {
    expect(textConditionToCodes(text('blank'), status.codes, status.labelsOf)).toBeNull();
    expect(textConditionToCodes(text('notBlank'), status.codes, status.labelsOf)).toBeNull();
    expect(textConditionToCodes(text('regex', 'a.*'), status.codes, status.labelsOf)).toBeNull();
    expect(
      textConditionToCodes({ filterType: 'number', type: 'equals', filter: 1 }, status.codes, status.labelsOf),
    ).toBeNull();
    const withBlank = { filterType: 'text', operator: 'OR', conditions: [text('contains', 'a'), text('blank')] };
    expect(textConditionToCodes(withBlank, status.codes, status.labelsOf)).toBeNull();
  });

  it('a view restored: text models become codes, what cannot be said is dropped and named, the rest kept', () => {
    const view = {
      status: text('contains', 'aktivni'),
      type: text('notBlank'),
      country: text('contains', 'ko'),
    };
    expect(hasOldChoiceFilter(view, ['status', 'type'])).toBe(true);
    const { model, dropped } = choiceFiltersOfView(view, { status, type });
    expect(model).toEqual({
      status: { filterType: 'codes', values: ['active', 'dormant'] },
      country: text('contains', 'ko'),
    });
    expect(dropped).toEqual(['type']);
    // The same view means the same rows in either language: its codes do not depend on either.
    expect(hasOldChoiceFilter(model, ['status', 'type'])).toBe(false);
    // A codes model stays as saved; a text that matched every code is no filter any more.
    const again = choiceFiltersOfView(
      { status: { filterType: 'codes', values: ['ended'] }, type: text('notContains', 'zzz') },
      { status, type },
    );
    expect(again).toEqual({ model: { status: { filterType: 'codes', values: ['ended'] } }, dropped: [] });
    expect(choiceFiltersOfView(undefined, { status })).toEqual({ model: undefined, dropped: [] });
  });
});

describe('the notice names a choice filter by its labels', () => {
  it('in the language shown', () => {
    const header = (colId: string) => ({ status: 'Stav', type: 'Typ', country: 'Stát' })[colId] ?? colId;
    for (const language of ['cs', 'en'] as const) {
      const i18n = createI18n(language);
      const defs = partnershipsColumns(i18n, { onOpen: noop, onDelete: noop });
      const labelOf = (colId: string, code: string) =>
        choiceLabelOf(defs.find((c) => c.colId === colId) as ColDef | undefined, code, i18n.tk);
      const named = columnFiltersInForce(
        {
          status: { filterType: 'codes', values: ['preparation', 'active'] },
          type: { filterType: 'codes', values: [] },
          country: { filterType: 'text', type: 'contains', filter: 'ko' },
        },
        header,
        labelOf,
      );
      expect(named).toEqual([
        { column: 'Stav', text: language === 'cs' ? 'v přípravě, aktivní' : 'preparing, active' },
        { column: 'Typ', text: null },
        { column: 'Stát', text: 'ko' },
      ]);
    }
    // A column that is no choice column names the code as it is.
    expect(choiceLabelOf({ filterParams: {} }, 'x', createI18n('cs').tk)).toBe('x');
    expect(isChoiceParams({ choiceCodes: ['a'], labelPrefix: 'p', order: 'codes' })).toBe(true);
  });
});

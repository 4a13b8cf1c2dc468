import { describe, expect, it } from 'vitest';
import { countIssuesBySeverity, firstOf, groupImportIssues } from '../../../shared/domain/import/issue-groups';
import type { ImportIssue, ImportSeverity } from '../../../shared/domain/import/report';
import { translatePlural } from '../../../shared/i18n/index';

const issue = (
  line: number,
  severity: ImportSeverity,
  column: string,
  reason: string,
  params: Record<string, string | number> = {},
): ImportIssue => ({ line, severity, column, reason, params });

// As the 2013 partnerships file reports them (walkthrough 25): notes by the hundred, warnings, one error late.
const REPORT: ImportIssue[] = [
  issue(2, 'info', 'obec2', 'import.issue.townNotInGazetteer', { value: 'Gernik' }),
  issue(3, 'info', 'obec2', 'import.issue.townNotInGazetteer', { value: 'Zabrze' }),
  issue(10, 'warning', 'rok', 'import.issue.yearZero'),
  issue(27, 'info', 'obec2', 'import.issue.townCapitals', { value: 'KOMÁRNO' }),
  issue(29, 'warning', 'rok', 'import.issue.yearZero'),
  issue(30, 'info', 'obec2', 'import.issue.townNotInGazetteer', { value: 'Liptovský Ján' }),
  // The same reason in another column is another kind.
  issue(31, 'info', 'obec1', 'import.issue.townNotInGazetteer', { value: 'Xyz' }),
  issue(576, 'error', 'kod1', 'import.issue.cityDistrict', { value: 'Brno-Líšeň' }),
  issue(577, 'warning', 'lat2', 'import.issue.coordinatesFar'),
];

describe('grouping the import problems by kind (one function for the preview and the CLI)', () => {
  it('puts errors first, then warnings, then information; within a severity, kinds by first occurrence', () => {
    const groups = groupImportIssues(REPORT);
    expect(groups.map((g) => [g.severity, g.column, g.reason])).toEqual([
      ['error', 'kod1', 'import.issue.cityDistrict'],
      ['warning', 'rok', 'import.issue.yearZero'],
      ['warning', 'lat2', 'import.issue.coordinatesFar'],
      ['info', 'obec2', 'import.issue.townNotInGazetteer'],
      ['info', 'obec2', 'import.issue.townCapitals'],
      ['info', 'obec1', 'import.issue.townNotInGazetteer'],
    ]);
  });

  it('keeps every problem exactly once, with its own values, lines in the file’s order', () => {
    const groups = groupImportIssues(REPORT);
    expect(groups.map((g) => g.issues.length)).toEqual([1, 2, 1, 3, 1, 1]);
    expect(groups.flatMap((g) => g.issues)).toHaveLength(REPORT.length);
    expect(new Set(groups.flatMap((g) => g.issues))).toEqual(new Set(REPORT));
    const notInGazetteer = groups[3];
    expect(notInGazetteer?.issues.map((i) => i.line)).toEqual([2, 3, 30]);
    expect(notInGazetteer?.issues.map((i) => i.params.value)).toEqual(['Gernik', 'Zabrze', 'Liptovský Ján']);
  });

  it('groups nothing from nothing and leaves its input as it was', () => {
    expect(groupImportIssues([])).toEqual([]);
    const copy = structuredClone(REPORT);
    groupImportIssues(REPORT);
    expect(REPORT).toEqual(copy);
  });

  it('counts the problems of each severity', () => {
    expect(countIssuesBySeverity(REPORT)).toEqual({ error: 1, warning: 3, info: 5 });
    expect(countIssuesBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('caps a long list: the first items and how many more (a kind of 244 rows names 12 lines)', () => {
    const many = Array.from({ length: 244 }, (_, i) =>
      issue(i + 2, 'info', 'obec2', 'import.issue.townNotInGazetteer'),
    );
    const [group] = groupImportIssues(many);
    expect(group?.issues).toHaveLength(244);
    const lines = firstOf(group?.issues ?? [], 12);
    expect(lines.shown.map((i) => i.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(lines.more).toBe(232);
    const rows = firstOf(group?.issues ?? [], 200);
    expect(rows.shown).toHaveLength(200);
    expect(rows.more).toBe(44);
    expect(firstOf([1, 2, 3], 12)).toEqual({ shown: [1, 2, 3], more: 0 });
    expect(firstOf([1, 2, 3], 0)).toEqual({ shown: [], more: 3 });
  });

  it('says the counts in the preview’s summary line in correct Czech and English', () => {
    const line = (language: 'cs' | 'en', error: number, warning: number, info: number) =>
      [
        translatePlural(language, 'import.issueCount.error', error),
        translatePlural(language, 'import.issueCount.warning', warning),
        translatePlural(language, 'import.issueCount.info', info),
      ].join(' · ');
    expect(line('cs', 1, 92, 287)).toBe('1 chyba · 92 upozornění · 287 informací');
    expect(line('cs', 3, 1, 2)).toBe('3 chyby · 1 upozornění · 2 informace');
    expect(line('cs', 5, 4, 1)).toBe('5 chyb · 4 upozornění · 1 informace');
    expect(line('en', 1, 92, 287)).toBe('1 error · 92 warnings · 287 information notes');
    expect(line('en', 2, 1, 1)).toBe('2 errors · 1 warning · 1 information note');
    expect(translatePlural('cs', 'import.group.moreRows', 44)).toBe('… a dalších 44 řádků tohoto druhu');
    expect(translatePlural('en', 'import.group.moreRows', 1)).toBe('… and 1 more row of this kind');
  });
});

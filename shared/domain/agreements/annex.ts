import type { ActivityKind, AgreementLanguage, ParticipantGroup } from '../codes';
import { COOPERATION_AREAS, PARTICIPANT_GROUPS } from '../codes';
import { datePrecision } from '../dates';
import { cleanLine } from './clean-text';
import type { ClauseLibrary, LanguageLayout, MISSING_FIELDS } from './library';
import {
  formatAgreementDate,
  markerText,
  type AgreementModel,
  type AgreementRequest,
  type AgreementWarning,
  type Para,
  type Run,
  type Section,
  type Side,
} from './model';
import { typesetRuns } from './typography';

/** An activity of the partnership still to come (its date, or its end, is today or later). */
export type PlannedActivity = { date: string; dateEnd: string | null; title: string; kind: ActivityKind };
/** A contact person of one side, as the partnership's contacts hold them. */
export type PlanContact = { name: string; role: string | null; email: string | null; phone: string | null };

/**
 * What Annex 1 "Plán spolupráce" is filled from (review P3 13): the partnership's planned
 * activities, its participant groups and the contacts of both sides (the areas are the request's).
 * Read from the registry by core each time a document is built, so a regenerated draft has the
 * plan as it is then.
 */
export type CooperationPlan = {
  activities: PlannedActivity[];
  participantGroups: ParticipantGroup[];
  coordinators: Record<Side, PlanContact[]>;
};

export const EMPTY_PLAN: CooperationPlan = {
  activities: [],
  participantGroups: [],
  coordinators: { cz: [], partner: [] },
};

/** The last day a partial date ("2027-05", "2027") can mean: an activity in this month is still planned. */
const lastDayOf = (value: string): string => {
  const precision = datePrecision(value);
  if (precision === 'year') return `${value}-12-31`;
  if (precision === 'month') return `${value}-31`;
  return value;
};

/** The activities that are still to come on `today` (ISO), oldest first. */
export function plannedActivities(activities: readonly PlannedActivity[], today: string): PlannedActivity[] {
  return activities
    .filter((a) => lastDayOf(a.dateEnd ?? a.date) >= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A date at the precision the registry knows it: "15. 5. 2027", "květen 2027", "2027". */
function planDate(value: string, layout: LanguageLayout): string {
  const precision = datePrecision(value);
  if (precision === 'day') return formatAgreementDate(value, layout);
  if (precision === 'month')
    return new Intl.DateTimeFormat(layout.dateLocale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${value}-01T00:00:00Z`),
    );
  return value;
}

type Missing = (typeof MISSING_FIELDS)[number];

/**
 * The model with Annex 1 after the signatures, in both languages in the model's order: its title
 * ("Příloha č. 1 – Plán spolupráce") over the agreement's title, then planned activities, areas of
 * cooperation, participants and the coordinators of each side. What the registry does not know is a
 * marker (bilingual in the partner's column) and a warning, never left out silently. Each activity
 * says its kind in the column's language ("Kulturveranstaltung – Česko-německé kulturní dny"); its
 * title and the contact details are printed as the registry holds them (they are not translated).
 */
export function withAnnex(
  library: ClauseLibrary,
  request: AgreementRequest,
  plan: CooperationPlan,
  model: AgreementModel,
): AgreementModel {
  const warnings: AgreementWarning[] = [...model.warnings];
  const warn = (side: Side | null, field: Missing): void => {
    const path = side === null ? field : `${side}.${field}`;
    if (!warnings.some((w) => w.path === path)) warnings.push({ path, field, side });
  };
  const columns = [0, 1] as const;
  const fileOf = (language: AgreementLanguage) => library.languages[language];
  const marker = (language: AgreementLanguage, field: Missing): Run => ({
    text: markerText(library, language, field),
    missing: true,
  });
  const bullet = (runs: Run[]): Para => ({ role: 'bullet', runs: [{ text: '– ' }, ...runs] });
  const heading = (text: string): Para => ({ role: 'heading', runs: [{ text, strong: true }] });
  const section = (id: string, build: (language: AgreementLanguage, column: 0 | 1) => Para[]): Section => {
    const [a, b] = columns.map((column) => {
      const language = model.languages[column];
      return build(language, column).map((para) => ({ ...para, runs: typesetRuns(language, para.runs) }));
    });
    return { id, kind: 'annex', number: null, texts: [a ?? [], b ?? []] };
  };

  const title = model.sections.find((s) => s.id === 'title');
  const activities = plan.activities;
  if (activities.length === 0) warn(null, 'plannedActivities');
  const areas = COOPERATION_AREAS.filter((a) => request.areas.includes(a));
  if (areas.length === 0) warn(null, 'areas');
  const groups = PARTICIPANT_GROUPS.filter((g) => plan.participantGroups.includes(g));
  if (groups.length === 0) warn(null, 'participantGroups');

  const sections: Section[] = [
    section('annex', (language, column) => {
      const t = fileOf(language).terms;
      // The agreement's own title and "between" line, under the annex's title (as subtitles).
      const under = (title?.texts[column] ?? []).map((para): Para => ({ role: 'subtitle', runs: para.runs }));
      return [{ role: 'title', runs: [{ text: `${t['annex.title']} – ${t['annex.plan']}` }] }, ...under];
    }),
    section('annex-activities', (language) => {
      const layout = fileOf(language).layout;
      const lines = activities.map((a) => {
        const end = a.dateEnd !== null && a.dateEnd !== a.date ? ` – ${planDate(a.dateEnd, layout)}` : '';
        // A kind nobody stated is not named: the title alone.
        const kind = a.kind === 'unknown' ? '' : fileOf(language).activityKinds[a.kind];
        const title = cleanLine(a.title);
        const what = [kind.charAt(0).toLocaleUpperCase(language) + kind.slice(1), title].filter(Boolean).join(' – ');
        return bullet([{ text: `${planDate(a.date, layout)}${end}: ${what}` }]);
      });
      return [
        heading(fileOf(language).terms['annex.activities']),
        ...(lines.length > 0 ? lines : [bullet([marker(language, 'plannedActivities')])]),
      ];
    }),
    section('annex-areas', (language) => [
      heading(fileOf(language).terms['annex.areas']),
      ...(areas.length > 0
        ? areas.map((area) => bullet([{ text: fileOf(language).areas[area] }]))
        : [bullet([marker(language, 'areas')])]),
    ]),
    section('annex-participants', (language) => [
      heading(fileOf(language).terms['annex.participants']),
      ...(groups.length > 0
        ? groups.map((group) => bullet([{ text: fileOf(language).participantGroups[group] }]))
        : [bullet([marker(language, 'participantGroups')])]),
    ]),
    section('annex-coordinators', (language, column) => {
      const paras: Para[] = [heading(fileOf(language).terms['annex.coordinators'])];
      for (const signature of model.signatures) {
        // "Za město Tábor:" as the signature block names the party, in this column's language.
        paras.push({ role: 'text', runs: [{ text: `${signature.forParty[column]}:`, strong: true }] });
        const contacts = plan.coordinators[signature.side].filter((c) => cleanLine(c.name) !== '');
        if (contacts.length === 0) {
          warn(signature.side, 'coordinator');
          paras.push(bullet([marker(language, 'coordinator')]));
        }
        for (const contact of contacts) {
          const parts = [contact.name, contact.role, contact.email, contact.phone]
            .map((part) => cleanLine(part))
            .filter((part) => part !== '');
          paras.push(bullet([{ text: parts.join(', ') }]));
        }
      }
      return paras;
    }),
  ];
  return { ...model, annex: sections, warnings };
}

import { parseTypedNumber } from '../../../shared/domain/typed-number';
import { DayInput } from '../../components/DayInput';
import {
  ACTIVITY_KINDS,
  CURRENCIES,
  FUNDING_PROGRAMMES,
  type ActivityKind,
  type Currency,
  type FundingProgramme,
} from '../../../shared/domain/codes';
import { activityFieldsSchema } from '../../../shared/domain/partnership-rules';
import type { Activity } from '../../../shared/domain/partnerships';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { CodeSelect, Field } from '../../components/Field';
import { InlineForm } from '../../components/InlineForm';
import { useChildEditor } from './useChildEditor';

type Draft = {
  id: number | null;
  version: number;
  date: string;
  title: string;
  kind: ActivityKind;
  participants: string;
  fundingProgramme: FundingProgramme | '';
  fundingAmount: string;
  currency: Currency | '';
};
const blank = (): Draft => ({
  id: null,
  version: 1,
  date: '',
  title: '',
  // Not stated until the user says (walkthrough 20: "oficiální návštěva" was chosen for them).
  kind: 'unknown',
  participants: '',
  fundingProgramme: '',
  fundingAmount: '',
  currency: '',
});

const asDraft = (a: Activity): Draft => ({
  id: a.id,
  version: a.version,
  date: a.date,
  title: a.title,
  kind: a.kind,
  participants: a.participants === null ? '' : String(a.participants),
  fundingProgramme: a.fundingProgramme ?? '',
  fundingAmount: a.fundingAmount === null ? '' : String(a.fundingAmount),
  currency: a.currency ?? '',
});

/** Activities of a partnership with their funding (programme, amount, currency, date, participants). */
export function ActivitiesSection({
  partnershipId,
  activities,
  attachmentsPerActivity,
  onChanged,
  onUnsaved,
}: {
  partnershipId: number;
  activities: Activity[];
  /** How many of the partnership's attachments belong to each activity (by its id). */
  attachmentsPerActivity: ReadonlyMap<number, number>;
  onChanged: () => void;
  /** A draft holds typing not saved yet (see useChildEditor). */
  onUnsaved?: (unsaved: boolean) => void;
}) {
  const i18n = useI18n();
  const { t, tk, tn, formatDate } = i18n;
  // The form has no end date: one kept as stored that a new start would pass is the date's problem.
  const label = (p: string) =>
    tk(
      `partnerships.activity.${p === 'fundingProgramme' ? 'programme' : p === 'fundingAmount' ? 'amount' : p === 'dateEnd' ? 'date' : p}`,
    );
  const editor = useChildEditor({
    label,
    onChanged,
    onUnsaved,
    records: activities,
    asDraft,
    revert: (change) => call('activities:revert', change),
  });
  const { draft, setDraft, errors } = editor;
  const money = (amount: number, currency: string | null) => i18n.formatMoney(amount, currency);

  const save = async () => {
    if (!draft) return;
    // Typed the Czech or the English way; "1,250" is refused as unclear, never read as 1.25.
    const participants = parseTypedNumber(draft.participants, 'integer');
    const amount = parseTypedNumber(draft.fundingAmount, 'amount');
    // A number that cannot be read is named at its field together with every other problem; the
    // rules between fields judge an amount typed at all as an amount (it needs its currency).
    const unreadable = {
      ...(participants.ok ? {} : { participants: participants.reason }),
      ...(amount.ok ? {} : { fundingAmount: amount.reason }),
    };
    const fields = {
      date: draft.date,
      title: draft.title,
      kind: draft.kind,
      participants: participants.ok ? participants.value : null,
      fundingProgramme: draft.fundingProgramme === '' ? null : draft.fundingProgramme,
      fundingAmount: amount.ok ? amount.value : 0,
      currency: draft.currency === '' ? null : draft.currency,
    };
    await editor.save(
      activityFieldsSchema,
      fields,
      () =>
        draft.id === null
          ? call('activities:create', { partnershipId, ...fields })
          : call('activities:update', { id: draft.id, version: draft.version, ...fields }),
      unreadable,
    );
  };
  const remove = (activity: Activity) =>
    editor.remove(() => call('activities:delete', { id: activity.id, version: activity.version }));
  const edit = (a: Activity) => setDraft(asDraft(a));

  return (
    <section data-testid="activities">
      <h3>{t('partnerships.section.activities')}</h3>
      {activities.length === 0 && <p className="hint">{t('partnerships.activity.none')}</p>}
      {activities.length > 0 && (
        <table className="table table-boxed">
          <thead>
            <tr>
              <th>{label('date')}</th>
              <th>{label('title')}</th>
              <th className="num">{label('participants')}</th>
              <th>{label('programme')}</th>
              <th className="num">{label('amount')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {activities.map((a) => (
              <tr key={a.id}>
                <td>{formatDate(a.date)}</td>
                <td>
                  {a.title}
                  <div className="muted-small">
                    {tk(`partnerships.activityKind.${a.kind}`)}
                    {(attachmentsPerActivity.get(a.id) ?? 0) > 0 && (
                      <span className="p-activity-attachments" data-testid="activity-attachments">
                        {' · '}
                        {tn('attachments.count', attachmentsPerActivity.get(a.id) ?? 0)}
                      </span>
                    )}
                  </div>
                </td>
                <td className="num">{a.participants ?? ''}</td>
                <td>
                  {a.fundingProgramme ? (
                    tk(`partnerships.programme.${a.fundingProgramme}`)
                  ) : (
                    <span className="muted-small">{t('partnerships.activity.noFunding')}</span>
                  )}
                </td>
                <td className="num">{a.fundingAmount !== null ? money(a.fundingAmount, a.currency) : ''}</td>
                <td className="p-row-actions">
                  <button type="button" className="link-button" onClick={() => edit(a)}>
                    {t('partnerships.edit')}
                  </button>
                  <button type="button" className="link-button danger" onClick={() => void remove(a)}>
                    {t('partnerships.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draft ? (
        <InlineForm
          className="p-inline-form p-grid3"
          testId="activity-form"
          saveTestId="activity-save"
          wideActions
          onSave={save}
          onCancel={() => setDraft(null)}
          formRef={editor.formRef}
          summary={editor.summary}
        >
          {/* The form has no end date: one kept as stored that a new start would pass is named here. */}
          <Field name="date" label={label('date')} error={errors.date ?? errors.dateEnd}>
            <DayInput
              value={draft.date}
              onChange={(date) => setDraft({ ...draft, date })}
              data-testid="activity-date"
            />
          </Field>
          <Field name="title" label={label('title')} error={errors.title} wide>
            <input
              value={draft.title}
              maxLength={300}
              onChange={(e) => setDraft({ ...draft, title: e.target.value })}
              data-testid="activity-title"
            />
          </Field>
          <Field name="kind" label={label('kind')} error={errors.kind}>
            <CodeSelect
              codes={ACTIVITY_KINDS}
              labelPrefix="partnerships.activityKind"
              value={draft.kind}
              onChange={(kind) => kind && setDraft({ ...draft, kind })}
              data-testid="activity-kind"
            />
          </Field>
          <Field name="participants" label={label('participants')} error={errors.participants}>
            <input
              inputMode="numeric"
              value={draft.participants}
              onChange={(e) => setDraft({ ...draft, participants: e.target.value })}
            />
          </Field>
          <Field name="fundingProgramme" label={label('programme')} error={errors.fundingProgramme}>
            <select
              value={draft.fundingProgramme}
              onChange={(e) => setDraft({ ...draft, fundingProgramme: e.target.value as FundingProgramme | '' })}
              data-testid="activity-programme"
            >
              <option value="">—</option>
              {FUNDING_PROGRAMMES.map((p) => (
                <option key={p} value={p}>
                  {tk(`partnerships.programme.${p}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field name="fundingAmount" label={label('amount')} error={errors.fundingAmount}>
            <input
              inputMode="decimal"
              value={draft.fundingAmount}
              onChange={(e) => setDraft({ ...draft, fundingAmount: e.target.value })}
              data-testid="activity-amount"
            />
          </Field>
          <Field name="currency" label={label('currency')} error={errors.currency}>
            <select
              value={draft.currency}
              onChange={(e) => setDraft({ ...draft, currency: e.target.value as Currency | '' })}
              data-testid="activity-currency"
            >
              <option value="">—</option>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
        </InlineForm>
      ) : (
        <button type="button" className="button small" onClick={() => setDraft(blank())} data-testid="add-activity">
          + {t('partnerships.activity.add')}
        </button>
      )}
    </section>
  );
}

import { useState } from 'react';
import type { FillChild, FillField, FillFieldRow } from '../../../shared/domain/partnership-merge';
import { FILL_CHILDREN } from '../../../shared/domain/partnership-merge';
import type { OutputOf } from '../../../shared/ipc/contract';
import { MESSAGES } from '../../../shared/i18n/index';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Dialog, DialogButtons } from '../../components/dialogs';
import { call } from '../../lib/api';
import { PARTNERSHIP_CODE_LABELS } from '../../lib/code-labels';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';

type Preview = OutputOf<'bin:fillPreview'>;

/** The form's label of each field the fill lists. */
const FIELD_LABEL: Readonly<Record<FillField, string>> = {
  type: 'partnerships.field.type',
  status: 'partnerships.field.status',
  startedOn: 'partnerships.field.startedOn',
  signedOn: 'partnerships.field.signedOn',
  signedPlace: 'partnerships.field.signedPlace',
  czResolution: 'partnerships.field.czResolution',
  czResolutionDate: 'partnerships.field.czResolutionDate',
  partnerResolution: 'partnerships.field.partnerResolution',
  partnerResolutionDate: 'partnerships.field.partnerResolutionDate',
  term: 'partnerships.field.termKind',
  endedOn: 'partnerships.field.endedOn',
  notes: 'partnerships.field.notes',
  areas: 'partnerships.field.areas',
  participantGroups: 'partnerships.field.participantGroups',
};

const TEXT_FIELDS: ReadonlySet<FillField> = new Set(['signedPlace', 'czResolution', 'partnerResolution', 'notes']);

/**
 * What the dialog ticks first: a field the live record does not state (nothing of it is replaced);
 * a field both state differently stays for the user to choose (walkthrough 22, finding 1).
 */
export const defaultTake = (fields: readonly FillFieldRow[]): FillField[] =>
  fields.filter((row) => row.live === null).map((row) => row.field);

/** The children ticked first: every one the live record does not have already. */
export const defaultChildren = (children: Preview['children']): string[] =>
  children.filter((child) => !child.duplicate).map((child) => `${child.table}:${String(child.id)}`);

/**
 * Fills the partnership re-added meanwhile from its deleted record in the bin: field by field the
 * deleted value against the live one (the user ticks what to take), then the deleted record's
 * contacts, activities, drafts and attachments. One confirm, checked against the live record's
 * version the preview showed; a colleague's change meanwhile is refused and said in the dialog.
 */
export function FillFromDeletedDialog({
  auditId,
  onDone,
  onClose,
}: {
  /** The delete's audit entry in the bin. */
  auditId: number;
  onDone: (result: { auditId: number; liveId: number; municipalityId: number; label: string }) => void;
  onClose: () => void;
}) {
  const { t, tk, language, formatDate, formatMoney } = useI18n();
  const [take, setTake] = useState<ReadonlySet<FillField> | null>(null);
  const [children, setChildren] = useState<ReadonlySet<string> | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const preview = useAsync(async () => {
    const answer = await call('bin:fillPreview', { auditId });
    // Read again (after a refusal): the ticks start again from what the records hold now.
    setTake(new Set(defaultTake(answer.fields)));
    setChildren(new Set(defaultChildren(answer.children)));
    return answer;
  }, [auditId]);

  const has = (key: string) => MESSAGES[language][key] !== undefined;
  const code = (field: FillField, value: string): string => {
    const prefix = PARTNERSHIP_CODE_LABELS[field];
    return prefix !== undefined && has(`${prefix}.${value}`) ? tk(`${prefix}.${value}`) : value;
  };
  const shown = (field: FillField, value: string | null): string => {
    if (value === null) return t('merge.fill.unstated');
    if (field === 'type' || field === 'status') return code(field, value);
    if (field === 'areas' || field === 'participantGroups')
      return value
        .split(',')
        .map((item) => code(field, item))
        .join(', ');
    if (field === 'term') {
      const [kind, until] = value.split(':');
      const key = `partnerships.termKind.${kind ?? ''}`;
      const named = has(key) ? tk(key) : (kind ?? '');
      return until === undefined ? named : t('merge.clashes.termUntil', { term: named, date: formatDate(until) });
    }
    return TEXT_FIELDS.has(field) ? value : formatDate(value);
  };

  /** A child's date, texts and funding as a line ("1. 6. 2019 · Erasmus+ · 1 200 EUR"). */
  const childDetail = (child: Preview['children'][number]): string => {
    const funding = child.funding;
    const programme =
      funding?.programme !== null && funding?.programme !== undefined
        ? has(`partnerships.programme.${funding.programme}`)
          ? tk(`partnerships.programme.${funding.programme}`)
          : funding.programme
        : null;
    const amount =
      funding?.amount !== null && funding?.amount !== undefined && Number.isFinite(Number(funding.amount))
        ? formatMoney(Number(funding.amount), funding.currency)
        : null;
    return [child.date === null ? null : formatDate(child.date.slice(0, 10)), ...child.texts, programme, amount]
      .filter((part): part is string => part !== null && part !== '')
      .join(' · ');
  };

  const data = preview.status === 'ready' ? preview.data : undefined;
  const chosenFields = take ?? new Set<FillField>();
  const chosenChildren = children ?? new Set<string>();
  const nothing = chosenFields.size === 0 && chosenChildren.size === 0;

  const confirm = async (answer: Preview) => {
    setBusy(true);
    setFailure(null);
    try {
      const byTable: Partial<Record<FillChild, number[]>> = {};
      for (const child of answer.children)
        if (!child.duplicate && chosenChildren.has(`${child.table}:${String(child.id)}`))
          (byTable[child.table] ??= []).push(child.id);
      const done = await call('bin:fill', {
        auditId,
        liveId: answer.live.id,
        version: answer.live.version,
        take: [...chosenFields],
        children: byTable,
      });
      onDone({ ...done, municipalityId: answer.live.municipalityId, label: answer.live.label });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const toggle = <T,>(set: (update: (now: ReadonlySet<T> | null) => ReadonlySet<T>) => void, key: T, on: boolean) =>
    set((now) => {
      const next = new Set(now ?? []);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <Dialog
      title={t('merge.fill.title', { live: data?.live.label ?? '…' })}
      onClose={onClose}
      testId="fill-dialog"
      wide
      footer={
        <DialogButtons
          confirmLabel={t('merge.fill.confirm')}
          onCancel={onClose}
          onConfirm={() => data !== undefined && !nothing && void confirm(data)}
          disabled={data === undefined || nothing || busy}
          testId="fill-confirm"
        />
      }
    >
      {preview.status === 'error' && <ErrorNotice error={preview.error} onRetry={preview.reload} />}
      {data === undefined && preview.status !== 'error' && <p className="empty-note">{t('common.loading')}</p>}
      {data !== undefined && (
        <>
          <p className="dialog-text">
            {t('merge.fill.explain', { live: data.live.label, id: String(data.deletedId) })}
          </p>
          {failure !== null && (
            <div data-testid="fill-failure">
              <ErrorNotice
                error={failure}
                onRetry={() => {
                  setFailure(null);
                  preview.reload();
                }}
              />
            </div>
          )}
          <h3 className="fill-heading">{t('merge.fill.fields')}</h3>
          {data.fields.length === 0 ? (
            <p className="hint">{t('merge.fill.noFields')}</p>
          ) : (
            <table className="fill-table" data-testid="fill-fields">
              <thead>
                <tr>
                  <th scope="col" />
                  <th scope="col">{t('merge.fill.col.field')}</th>
                  <th scope="col">{t('merge.fill.col.deleted')}</th>
                  <th scope="col">{t('merge.fill.col.live')}</th>
                </tr>
              </thead>
              <tbody>
                {data.fields.map((row) => (
                  <tr key={row.field} data-testid={`fill-field-${row.field}`}>
                    <td>
                      <input
                        type="checkbox"
                        id={`fill-${row.field}`}
                        checked={chosenFields.has(row.field)}
                        onChange={(e) => toggle(setTake, row.field, e.target.checked)}
                        data-testid={`fill-take-${row.field}`}
                      />
                    </td>
                    <th scope="row">
                      <label htmlFor={`fill-${row.field}`}>{tk(FIELD_LABEL[row.field])}</label>
                      {row.live !== null && row.field === 'notes' && (
                        <div className="muted-small">{t('merge.fill.notesJoined')}</div>
                      )}
                      {row.live !== null && (row.field === 'areas' || row.field === 'participantGroups') && (
                        <div className="muted-small">{t('merge.fill.setsAdded')}</div>
                      )}
                    </th>
                    <td className="fill-value">{shown(row.field, row.deleted)}</td>
                    <td className={row.live === null ? 'fill-value muted' : 'fill-value'}>
                      {shown(row.field, row.live)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3 className="fill-heading">{t('merge.fill.children')}</h3>
          {data.children.length === 0 ? (
            <p className="hint">{t('merge.fill.noChildren')}</p>
          ) : (
            <ul className="fill-children" data-testid="fill-children">
              {FILL_CHILDREN.flatMap((table) => data.children.filter((child) => child.table === table)).map((child) => {
                const key = `${child.table}:${String(child.id)}`;
                return (
                  <li key={key} data-testid="fill-child">
                    <label>
                      <input
                        type="checkbox"
                        checked={!child.duplicate && chosenChildren.has(key)}
                        disabled={child.duplicate}
                        onChange={(e) => toggle(setChildren, key, e.target.checked)}
                        data-testid={`fill-child-${child.table}`}
                      />{' '}
                      <span className="muted-small">{tk(`merge.fill.child.${child.table}`)}:</span>{' '}
                      <strong>{child.label}</strong>
                      {childDetail(child) !== '' && <span className="muted-small"> · {childDetail(child)}</span>}
                      {child.duplicate && <em className="muted-small"> ({t('merge.fill.duplicate')})</em>}
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
          {nothing && <p className="hint">{t('merge.fill.nothingChosen')}</p>}
        </>
      )}
    </Dialog>
  );
}

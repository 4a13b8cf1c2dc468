import { useState } from 'react';
import type {
  AnyFillField,
  FillChild,
  FillField,
  FillFieldRow,
  TownFillField,
} from '../../../shared/domain/partnership-merge';
import { FILL_CHILDREN } from '../../../shared/domain/partnership-merge';
import { officeOf } from '../../../shared/domain/agreements/offices';
import type { OutputOf } from '../../../shared/ipc/contract';
import { MESSAGES, type MessageKey } from '../../../shared/i18n/index';
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

/** The town card's label of each town field the fill lists. */
const TOWN_FIELD_LABEL: Readonly<Record<TownFillField, string>> = {
  nameCs: 'towns.field.nameCs',
  altNames: 'towns.field.altNames',
  nameNative: 'towns.field.nameNative',
  kind: 'towns.field.kind',
  largeCity: 'towns.field.largeCity',
  adminRegion: 'towns.field.adminRegion',
  population: 'towns.field.population',
  coordinates: 'merge.fill.field.coordinates',
  address: 'towns.field.address',
  language: 'towns.field.language',
  website: 'towns.field.website',
  email: 'towns.field.email',
  mayorName: 'towns.field.mayorName',
  mayorGender: 'towns.field.mayorGender',
  mayorOffice: 'towns.field.mayorOffice',
  mayorTitle: 'towns.field.mayorTitle',
  contractingBody: 'towns.field.contractingBody',
  idNumber: 'towns.field.idNumber',
  geonamesId: 'towns.field.geonamesId',
  history: 'towns.field.history',
  notes: 'towns.field.notes',
};

/** What ticking a field does beyond taking its value, under its label (nothing when it only takes it). */
function FieldHint({ hint }: { hint: MessageKey | null }) {
  const { t } = useI18n();
  return hint === null ? null : <div className="muted-small">{t(hint)}</div>;
}

/**
 * What the dialog ticks first: a field the live record does not state (nothing of it is replaced);
 * a field both state differently stays for the user to choose (walkthrough 22, finding 1).
 */
export const defaultTake = (fields: readonly FillFieldRow[]): AnyFillField[] =>
  fields.filter((row) => row.live === null).map((row) => row.field);

/** The children ticked first: every one the live record does not have already. */
export const defaultChildren = (children: Preview['children']): string[] =>
  children.filter((child) => !child.duplicate).map((child) => `${child.table}:${String(child.id)}`);

/**
 * Fills the partnership re-added meanwhile from its deleted record in the bin: field by field the
 * deleted value against the live one (the user ticks what to take), then the deleted record's
 * contacts, activities, drafts and attachments. One confirm, checked against the live record's
 * version the preview showed; a colleague's change meanwhile is refused and said in the dialog.
 * The same for a deleted partner town whose town was added again: its card's fields only.
 */
export function FillFromDeletedDialog({
  auditId,
  onDone,
  onClose,
}: {
  /** The delete's audit entry in the bin. */
  auditId: number;
  onDone: (result: {
    auditId: number;
    liveId: number;
    table: Preview['table'];
    municipalityId: number | null;
    label: string;
  }) => void;
  onClose: () => void;
}) {
  const { t, tk, language, formatDate, formatMoney, formatNumber } = useI18n();
  const [take, setTake] = useState<ReadonlySet<AnyFillField> | null>(null);
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
  /** A town field's value as the card shows it (a kind, a gender, an office by name; names one per item). */
  const shownOfTown = (field: TownFillField, value: string): string => {
    switch (field) {
      case 'altNames':
        return value.split('\n').join(', ');
      case 'coordinates':
        return value
          .split(',')
          .map((part) => formatNumber(Number(part)))
          .join('; ');
      case 'population':
        return formatNumber(Number(value));
      case 'largeCity':
        return t(value === 'true' ? 'common.yes' : 'common.no');
      case 'kind':
        return has(`towns.kind.${value}`) ? tk(`towns.kind.${value}`) : value;
      case 'mayorGender':
        return has(`gender.${value}`) ? tk(`gender.${value}`) : value;
      case 'mayorOffice':
        return officeOf(value)?.label[language] ?? value;
      default:
        return value;
    }
  };
  const shown = (table: Preview['table'], field: AnyFillField, value: string | null): string => {
    if (value === null) return t('merge.fill.unstated');
    if (table === 'foreign_towns') return shownOfTown(field as TownFillField, value);
    return shownOfPartnership(field as FillField, value);
  };
  const shownOfPartnership = (field: FillField, value: string): string => {
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

  const labelOf = (table: Preview['table'], field: AnyFillField): string =>
    table === 'foreign_towns' ? TOWN_FIELD_LABEL[field as TownFillField] : FIELD_LABEL[field as FillField];
  /** What ticking a field does beyond taking the value: texts joined, items added to the live ones. */
  const hintOf = (table: Preview['table'], field: AnyFillField): MessageKey | null => {
    if (table === 'foreign_towns')
      return field === 'notes' || field === 'history'
        ? 'merge.fill.textsJoined'
        : field === 'altNames'
          ? 'merge.fill.namesAdded'
          : null;
    if (field === 'notes') return 'merge.fill.notesJoined';
    return field === 'areas' || field === 'participantGroups' ? 'merge.fill.setsAdded' : null;
  };

  const data = preview.status === 'ready' ? preview.data : undefined;
  const chosenFields = take ?? new Set<AnyFillField>();
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
        table: answer.table,
        liveId: answer.live.id,
        version: answer.live.version,
        take: [...chosenFields],
        children: byTable,
      });
      onDone({ ...done, table: answer.table, municipalityId: answer.live.municipalityId, label: answer.live.label });
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
            {t(data.table === 'foreign_towns' ? 'merge.fill.explainTown' : 'merge.fill.explain', {
              live: data.live.label,
              id: String(data.deletedId),
            })}
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
                      <label htmlFor={`fill-${row.field}`}>{tk(labelOf(data.table, row.field))}</label>
                      {row.live !== null && <FieldHint hint={hintOf(data.table, row.field)} />}
                    </th>
                    <td className="fill-value">{shown(data.table, row.field, row.deleted)}</td>
                    <td className={row.live === null ? 'fill-value muted' : 'fill-value'}>
                      {shown(data.table, row.field, row.live)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.table === 'partnerships' && <h3 className="fill-heading">{t('merge.fill.children')}</h3>}
          {data.table !== 'partnerships' ? null : data.children.length === 0 ? (
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

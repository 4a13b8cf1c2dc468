import { typedNumberOrText } from '../../shared/domain/typed-number';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { GENDERS, type Gender } from '../../shared/domain/codes';
import { countryName } from '../../shared/domain/countries';
import {
  FOREIGN_TOWN_KINDS,
  townCardPatchSchema,
  type TownCard,
  type TownCardFields,
  type TownCardPatch,
} from '../../shared/domain/town-card';
import { ApiError, call, onEvent } from '../lib/api';
import { conflictText, errorText, mergeRefusalBesideOffer } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { useForm } from '../lib/useForm';
import { useAsync } from '../lib/useAsync';
import { offerUndo } from '../lib/undo';
import { CountrySelect } from './CountrySelect';
import { Dialog } from './dialogs';
import { CodeSelect, Field } from './Field';
import { FormProblems } from './FormProblems';
import { ChangedUnderTypingNotice } from './ChangedUnderTypingNotice';
import { MiniMap } from './MiniMap';
import { RecordHistory } from './RecordHistory';
import { errorToast, said, useToast } from './Toasts';
import { mergeEdits } from '../lib/form-merge';
import { goneOf, quoted, typedKeys } from '../lib/record-gone';
import { FormGoneNotice } from './FormGoneNotice';
import { MergeNotice } from './MergeNotice';
import { UndoMergeKeepingDialog } from './UndoMergeKeepingDialog';
import { officeContradictsKind, officeOptions } from '../../shared/domain/agreements/offices';
import { originLabel } from '../../shared/i18n/provenance';
import './kit.css';

/** The form's values: text as typed (numbers too), lists one per line. */
type Values = {
  name: string;
  nameCs: string;
  nameNative: string;
  useCzechName: boolean;
  altNames: string;
  countryCode: string;
  kind: TownCardFields['kind'];
  adminRegion: string;
  population: string;
  latitude: string;
  longitude: string;
  address: string;
  language: string;
  website: string;
  email: string;
  mayorName: string;
  mayorGender: Gender | null;
  mayorOffice: string;
  mayorTitle: string;
  contractingBody: string;
  idNumber: string;
  /** '' : the population decides; 'yes' / 'no': stated on the card. */
  largeCity: '' | 'yes' | 'no';
  history: string;
  notes: string;
};

const text = (value: string | null): string => value ?? '';
const numberText = (value: number | null): string => (value === null ? '' : String(value));

const valuesOf = (card: TownCard): Values => ({
  name: card.name,
  nameCs: text(card.nameCs),
  nameNative: text(card.nameNative),
  useCzechName: card.useCzechName,
  altNames: card.altNames.join('\n'),
  countryCode: card.countryCode,
  kind: card.kind,
  adminRegion: text(card.adminRegion),
  population: numberText(card.population),
  latitude: numberText(card.latitude),
  longitude: numberText(card.longitude),
  address: text(card.address),
  language: text(card.language),
  website: text(card.website),
  email: text(card.email),
  mayorName: text(card.mayorName),
  mayorGender: card.mayorGender,
  mayorOffice: text(card.mayorOffice),
  mayorTitle: text(card.mayorTitle),
  contractingBody: text(card.contractingBody),
  idNumber: text(card.idNumber),
  largeCity: card.largeCity === null ? '' : card.largeCity ? 'yes' : 'no',
  history: text(card.history),
  notes: text(card.notes),
});

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Two values of a field mean the same (spaces around typed text do not count). */
const fieldMeaning = <K extends keyof Values>(_key: K, value: Values[K]): string =>
  typeof value === 'string' ? value.trim() : JSON.stringify(value);

/** Typing carried to the town this one was merged into, and the card it began on. */
type Carried = { toId: number; base: Values; values: Values };

/** The card's fields as typed, in the shape of the stored card. */
const fieldsOf = (v: Values): Record<keyof TownCardFields, unknown> => ({
  name: v.name.trim(),
  nameCs: orNull(v.nameCs),
  nameNative: orNull(v.nameNative),
  useCzechName: v.useCzechName,
  altNames: v.altNames
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== ''),
  countryCode: v.countryCode,
  kind: v.kind,
  adminRegion: orNull(v.adminRegion),
  // Typed the Czech or the English way (shared/domain/typed-number.ts): blank is unknown, text
  // that is no number stays text for the rule to name.
  population: typedNumberOrText(v.population, 'integer'),
  latitude: typedNumberOrText(v.latitude, 'decimal'),
  longitude: typedNumberOrText(v.longitude, 'decimal'),
  address: orNull(v.address),
  language: orNull(v.language),
  website: orNull(v.website),
  email: orNull(v.email),
  mayorName: orNull(v.mayorName),
  mayorGender: v.mayorGender,
  mayorOffice: orNull(v.mayorOffice),
  mayorTitle: orNull(v.mayorTitle),
  contractingBody: orNull(v.contractingBody),
  idNumber: orNull(v.idNumber),
  largeCity: v.largeCity === '' ? null : v.largeCity === 'yes',
  history: orNull(v.history),
  notes: orNull(v.notes),
});

/** Only what the user changed goes to core: a save never writes back values it did not touch. */
function patchOf(card: TownCard, values: Values): Record<string, unknown> {
  const typed = fieldsOf(values);
  const stored = fieldsOf(valuesOf(card));
  return Object.fromEntries(
    Object.entries(typed).filter(
      ([field, value]) => JSON.stringify(value) !== JSON.stringify(stored[field as keyof TownCardFields]),
    ),
  );
}

/** The values a change replaced, to put them back (undo). */
function undoPatchOf(before: TownCard, patch: TownCardPatch): TownCardPatch {
  const old = fieldsOf(valuesOf(before));
  // A rename kept the former name among the other names: the undo puts that list back too
  // (review 67: the typo of an undone rename stayed as a "former name" imports match).
  const fields =
    patch.name !== undefined && !('altNames' in patch) ? [...Object.keys(patch), 'altNames'] : Object.keys(patch);
  return Object.fromEntries(fields.map((field) => [field, old[field as keyof TownCardFields]]));
}

const FIELD_LABELS: Record<string, string> = {
  name: 'towns.field.name',
  nameCs: 'towns.field.nameCs',
  nameNative: 'towns.field.nameNative',
  useCzechName: 'towns.field.useCzechName',
  altNames: 'towns.field.altNames',
  countryCode: 'towns.field.countryCode',
  kind: 'towns.field.kind',
  adminRegion: 'towns.field.adminRegion',
  population: 'towns.field.population',
  latitude: 'towns.field.latitude',
  longitude: 'towns.field.longitude',
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
  largeCity: 'towns.field.largeCity',
  history: 'towns.field.history',
  notes: 'towns.field.notes',
  // The gazetteer link a suggestion made (its history line, and the revert that takes it back).
  geonamesId: 'towns.field.geonamesId',
};

/**
 * A partner town's card: its names in each script, where it is, its town hall and mayor, who signs
 * for it, how the partnership came about, its partnerships and the history of the card. Opened
 * from the Partnerships grid, a partnership's detail and the agreement screen; what is saved here
 * is what every later agreement draft of the town starts from.
 */
/** The kinds in the select: „neuvedeno“ first, as in the mayor's gender (walkthrough 23). */
const KIND_CHOICES = [
  'unknown',
  ...FOREIGN_TOWN_KINDS.filter((kind) => kind !== 'unknown'),
] as const satisfies readonly (typeof FOREIGN_TOWN_KINDS)[number][];

export function TownCardDialog({ townId, onClose }: { townId: number; onClose: () => void }) {
  const { t } = useI18n();
  // The town shown: the one opened, or the town it was merged into ("Open … with your edits").
  const [shownId, setShownId] = useState(townId);
  const loaded = useAsync(() => call('towns:card', { id: shownId }), [shownId]);
  const { reload } = loaded;
  // A colleague's save, delete or merge shows at once (walkthrough 22, finding 9: the card kept
  // showing empty notes a colleague had filled in); the form decides what comes into it.
  useEffect(
    () =>
      onEvent('data:changed', (change) => {
        if (change.tables.includes('foreign_towns') || change.tables.includes('partnerships')) reload();
      }),
    [reload],
  );
  // What a save answered, until a newer version is read.
  const [saved, setSaved] = useState<TownCard | null>(null);
  const fetched = loaded.data !== undefined && loaded.data.id === shownId ? loaded.data : undefined;
  const card =
    saved !== null && saved.id === shownId && (fetched === undefined || saved.version >= fetched.version)
      ? saved
      : (fetched ?? null);
  const loadError = loaded.status === 'error' ? loaded.error : null;
  // The card is no longer in the registry (deleted, merged into another town): said beside Save.
  const gone = loadError === null ? null : goneOf(loadError);
  const [carry, setCarry] = useState<Carried | null>(null);
  const load = () => {
    setSaved(null);
    reload();
  };
  const title = card ? t('towns.card.title', { name: card.name }) : t('towns.card.open');
  return (
    <Dialog title={title} onClose={onClose} wide testId="town-card">
      {card === null ? (
        loadError === null ? (
          <p className="muted" role="status">
            {t('towns.card.loading')}
          </p>
        ) : (
          <FormProblems errors={{}} fixText="" failure={loadError} />
        )
      ) : (
        <TownCardForm
          key={card.id}
          card={card}
          gone={gone}
          carried={carry !== null && carry.toId === card.id ? carry : null}
          onCarried={() => setCarry(null)}
          onOpenKept={(toId, typing) => {
            setCarry({ toId, ...typing });
            setSaved(null);
            setShownId(toId);
          }}
          onSaved={setSaved}
          onReload={load}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

function TownCardForm({
  card: latest,
  gone,
  carried,
  onCarried,
  onOpenKept,
  onSaved,
  onReload,
  onClose,
}: {
  /** The card as last read (a colleague's save brings a newer version). */
  card: TownCard;
  /** The card is no longer in the registry: said beside Save, which it disables. */
  gone: ReturnType<typeof goneOf>;
  /** Typing carried from a town merged into this one: merged in once, when the form starts. */
  carried: Carried | null;
  onCarried: () => void;
  /** Opens the town this one was merged into, with the typing and the card it began on. */
  onOpenKept: (toId: number, typing: { base: Values; values: Values }) => void;
  onSaved: (card: TownCard) => void;
  onReload: () => void;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t, tk, language, formatNumber } = i18n;
  const toast = useToast();
  // Typing carried from a town merged into this one (mergeEdits: the user's edits on this card).
  const [start] = useState(() => {
    if (carried === null) return { values: valuesOf(latest), merged: null };
    const result = mergeEdits(carried.base, carried.values, valuesOf(latest), fieldMeaning);
    return { values: result.merged, merged: { stored: valuesOf(latest), clashes: result.clashes } };
  });
  useEffect(() => {
    if (carried !== null) onCarried();
    // Once, when the form starts with what it merged.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const {
    values,
    setValues,
    set,
    errors,
    setErrors,
    failure,
    busy,
    check,
    run,
    saved: markStored,
  } = useForm<Values>(() => start.values);
  /**
   * The card the typing began on, and the version a save is made against: a colleague's save
   * comes in when nothing is typed; with typing, the save is refused naming them, and "Načíst
   * znovu" brings the typing onto the stored card (as the partnership detail and the member form).
   */
  const [card, setCard] = useState<TownCard>(latest);
  const [merged, setMerged] = useState<{ stored: Values; clashes: (keyof Values)[] } | null>(start.merged);
  const [mergeWanted, setMergeWanted] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  /** The merge entry whose undo keeping later changes is being confirmed. */
  const [undoKeeping, setUndoKeeping] = useState<number | null>(null);
  /** A merge's undo refused because a record it kept changed since: said in the card, with the undo keeping it. */
  const [mergeRefused, setMergeRefused] = useState<{ auditId: number; error: unknown } | null>(null);
  /** Why putting back a past change from the history was refused (the field changed since, who and when). */
  /** Reads the card again; the typing stays: it is brought onto the card read now (it was dropped before). */
  const reloadKeepingTyping = () => {
    setMergeWanted(true);
    onReload();
  };
  const [revertFailed, setRevertFailed] = useState<{ entryId: number; text: string } | null>(null);
  /** A refused undo of a run of gazetteer links (towns changed since), said under the history. */
  const [linksRefused, setLinksRefused] = useState<{ groupId: number; text: string; others: number } | null>(null);
  /**
   * Undoes the run of gazetteer links this town was part of (Settings ▸ Linking partner towns), as
   * its toast's Undo did; said here, since a toast's button lies under this modal dialog.
   */
  const undoLinks = (groupId: number, onlyUnchanged: boolean) => {
    setLinksRefused(null);
    call('towns:linkGazetteerUndo', onlyUnchanged ? { auditId: groupId, onlyUnchanged } : { auditId: groupId }).then(
      () => {
        toast({ kind: 'ok', text: said('gazetteerLink.undone'), seconds: 6 });
        onReload();
      },
      (error: unknown) => {
        const others = error instanceof ApiError ? error.details?.others : undefined;
        setLinksRefused({
          groupId,
          text: errorText(error, i18n, (p) => p),
          others: typeof others === 'number' ? others : 0,
        });
      },
    );
  };
  const untouched = Object.keys(patchOf(card, values)).length === 0;
  if (latest.version !== card.version && latest.id === card.id) {
    // Adjusted while rendering (React's "state from props"): the next render shows the new card.
    // What is stored now is the form's new base: Escape closes without asking about typing that
    // is not there (a colleague's save, a revert or a merge's undo from the history brought it).
    if (untouched && !mergeWanted) {
      setCard(latest);
      setValues(valuesOf(latest));
      markStored(valuesOf(latest));
    } else if (mergeWanted) {
      const result = mergeEdits(valuesOf(card), values, valuesOf(latest), fieldMeaning);
      markStored(valuesOf(latest));
      setCard(latest);
      setValues(result.merged);
      setMerged({ stored: valuesOf(latest), clashes: result.clashes });
      setMergeWanted(false);
      setConflict(null);
    }
  }
  /** A field's stored value as the notice after a merge names it (quoted as the language quotes). */
  const storedText = (key: keyof Values, stored: Values, whole = false): string => {
    const shown =
      key === 'kind'
        ? tk(`towns.kind.${stored.kind}`)
        : key === 'mayorGender'
          ? stored.mayorGender === null
            ? ''
            : tk(`gender.${stored.mayorGender}`)
          : key === 'useCzechName'
            ? t(stored.useCzechName ? 'common.yes' : 'common.no')
            : key === 'largeCity'
              ? tk(`towns.largeCity.${stored.largeCity === '' ? 'byPopulation' : stored.largeCity}`)
              : key === 'countryCode'
                ? countryName(stored.countryCode, language)
                : stored[key].trim();
    const value = shown === '' ? '—' : quoted(!whole && shown.length > 80 ? `${shown.slice(0, 79)}…` : shown, language);
    return `${tk(FIELD_LABELS[key] ?? key)}: ${value}`;
  };
  // An office that does not fit the kind ("obec" headed by a "prezydent miasta", walkthrough 21):
  // said beside the office; saving it asks the user to confirm (reality is sometimes odd).
  const contradiction = officeContradictsKind(values.kind, values.mayorOffice);
  // The confirmation holds for the pair confirmed (another odd office asks again).
  const pair = `${values.kind}|${values.mayorOffice}`;
  const [confirmedPair, setConfirmedPair] = useState<string | null>(null);
  const oddConfirmed = confirmedPair === pair;

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const patch = check(townCardPatchSchema, patchOf(card, values));
    if (patch === null) return;
    // Asked only when this save sets the kind or the office: a card stored so is not held back.
    if (contradiction && !oddConfirmed && (patch.kind !== undefined || patch.mayorOffice !== undefined)) {
      setErrors({ mayorOffice: t('towns.card.officeKindConfirmFirst') });
      return;
    }
    if (Object.keys(patch).length === 0) {
      toast({ kind: 'info', text: said('towns.card.noChange'), seconds: 4 });
      onClose();
      return;
    }
    await run(
      async () => {
        const saved = await call('towns:update', { id: card.id, version: card.version, patch });
        const undoPatch = undoPatchOf(card, patch);
        const undo = offerUndo(() => {
          call('towns:update', { id: saved.id, version: saved.version, patch: undoPatch, undo: true }).then(
            () => toast({ kind: 'info', text: said('towns.card.undone', { name: card.name }), seconds: 5 }),
            (error: unknown) => toast(errorToast(error)),
          );
        });
        toast({
          kind: 'ok',
          text: said('towns.card.saved', { name: saved.name }),
          action: { label: said('towns.card.undo'), run: undo },
          seconds: 8,
        });
        onSaved(saved);
        // Closed once saved: its toast (with Undo) lies under a modal dialog and could not be clicked.
        onClose();
      },
      (error: ApiError) => {
        const details = error.details as { reason?: string; otherName?: string } | undefined;
        if (details?.reason === 'townCard.error.duplicate') {
          setErrors({ name: t('towns.card.duplicate', { name: details.otherName ?? '' }) });
        } else setConflict(conflictText(error, i18n, 'towns.card.conflict'));
      },
    );
  };

  /** Deletes a town no partnership names: to the bin, with Undo in the toast (the card closes). */
  const removeTown = async () => {
    try {
      const { auditId } = await call('towns:delete', { id: card.id, version: card.version });
      onClose();
      toast({
        kind: 'info',
        text: said('towns.unused.deleted', { name: card.name }),
        seconds: 15,
        action: {
          label: said('towns.card.undo'),
          run: offerUndo(() => {
            call('bin:restore', { auditId }).then(
              () => toast({ kind: 'ok', text: said('towns.unused.restored', { name: card.name }), seconds: 5 }),
              (error: unknown) => toast(errorToast(error)),
            );
          }),
        },
      });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT' && error.details?.reason === undefined)
        setConflict(conflictText(error, i18n, 'towns.card.conflict'));
      else toast(errorToast(error));
    }
  };

  const latitude = Number(typedNumberOrText(values.latitude, 'decimal') ?? NaN);
  const longitude = Number(typedNumberOrText(values.longitude, 'decimal') ?? NaN);
  const hasPoint =
    values.latitude.trim() !== '' &&
    values.longitude.trim() !== '' &&
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 85 &&
    Math.abs(longitude) <= 180;
  const offices = officeOptions(values.countryCode, language);
  const input = (field: keyof Values, props: { hint?: string; wide?: boolean; type?: string } = {}) => (
    <Field
      label={tk(FIELD_LABELS[field] ?? field)}
      error={errors[field]}
      hint={props.hint}
      htmlFor={`tc-${field}`}
      wide={props.wide}
    >
      <input
        id={`tc-${field}`}
        type={props.type ?? 'text'}
        value={String(values[field])}
        onChange={(e) => set(field, e.target.value as never)}
        data-testid={`town-${field}`}
        aria-invalid={errors[field] !== undefined}
      />
    </Field>
  );
  const area = (field: 'altNames' | 'history' | 'notes', hint?: string) => (
    <Field label={tk(FIELD_LABELS[field] ?? field)} error={errors[field]} hint={hint} htmlFor={`tc-${field}`} wide>
      <textarea
        id={`tc-${field}`}
        rows={field === 'altNames' ? 2 : 3}
        value={values[field]}
        onChange={(e) => set(field, e.target.value)}
        data-testid={`town-${field}`}
      />
    </Field>
  );

  return (
    <form
      className="form town-card"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-unsaved={untouched ? 'false' : 'true'}
      data-testid="town-card-form"
    >
      {merged && (
        <MergeNotice
          text={t('towns.card.merged')}
          clashesText={
            merged.clashes.length === 0
              ? null
              : t('towns.card.mergedClashes', {
                  fields: merged.clashes.map((key) => storedText(key, merged.stored)).join('; '),
                })
          }
          useStoredLabel={t('towns.card.useStored')}
          onUseStored={() => {
            setValues((now) => ({
              ...now,
              ...Object.fromEntries(merged.clashes.map((key) => [key, merged.stored[key]])),
            }));
            setMerged({ ...merged, clashes: [] });
          }}
        />
      )}
      <fieldset>
        <legend>{t('towns.section.names')}</legend>
        <div className="form-grid">
          {input('name')}
          {input('nameCs')}
          {input('nameNative', { hint: t('towns.field.nameNativeHint') })}
          <label className="field field-check" data-field="useCzechName">
            <span className="field-label">{t('towns.section.agreements')}</span>
            <span className="check">
              <input
                type="checkbox"
                checked={values.useCzechName}
                onChange={(e) => set('useCzechName', e.target.checked)}
                data-testid="town-useCzechName"
              />{' '}
              {t('towns.field.useCzechName')}
            </span>
          </label>
          {area('altNames', t('towns.field.altNamesHint'))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('towns.section.place')}</legend>
        <div className="town-card-place">
          <div className="form-grid">
            <Field label={t('towns.field.countryCode')} error={errors.countryCode} htmlFor="tc-countryCode">
              <CountrySelect
                value={values.countryCode}
                onChange={(code) => {
                  set('countryCode', code);
                  // An office of the old country is none of the new one's: back to "by the rules".
                  if (
                    values.mayorOffice !== '' &&
                    !officeOptions(code, language).some((o) => o.code === values.mayorOffice)
                  )
                    set('mayorOffice', '');
                }}
                empty="—"
                id="tc-countryCode"
                data-testid="town-countryCode"
              />
            </Field>
            <Field label={t('towns.field.kind')} error={errors.kind} htmlFor="tc-kind">
              <CodeSelect
                codes={KIND_CHOICES}
                labelPrefix="towns.kind"
                value={values.kind}
                onChange={(kind) => kind && set('kind', kind)}
                id="tc-kind"
                data-testid="town-kind"
              />
            </Field>
            {values.kind === 'town' && (
              // "velké město" / "the City of …" in agreements: the population decides until someone says.
              <Field
                label={t('towns.field.largeCity')}
                error={errors.largeCity}
                hint={t('towns.field.largeCityHint')}
                htmlFor="tc-largeCity"
              >
                <select
                  id="tc-largeCity"
                  data-testid="town-largeCity"
                  value={values.largeCity}
                  onChange={(e) => set('largeCity', e.target.value as Values['largeCity'])}
                >
                  <option value="">{t('towns.largeCity.byPopulation')}</option>
                  <option value="yes">{t('towns.largeCity.yes')}</option>
                  <option value="no">{t('towns.largeCity.no')}</option>
                </select>
              </Field>
            )}
            {input('adminRegion')}
            {input('population', { type: 'text' })}
            {input('latitude')}
            {input('longitude')}
          </div>
          <div className="town-card-map">
            <span className="field-label">{t('towns.field.map')}</span>
            {hasPoint ? (
              <>
                <MiniMap latitude={latitude} longitude={longitude} testId="town-map" />
                <p className="muted-small" data-testid="town-map-hint">
                  {t('towns.field.mapHint')}
                </p>
              </>
            ) : (
              // Nothing typed is "not known"; something typed that is no place is said so (walkthrough 28).
              <p className="muted" data-testid="town-map-none">
                {values.latitude.trim() === '' && values.longitude.trim() === ''
                  ? t('towns.field.mapNone')
                  : t('towns.field.mapInvalid')}
              </p>
            )}
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('towns.section.townHall')}</legend>
        <div className="form-grid">
          {input('address', { hint: t('towns.field.addressHint'), wide: true })}
          {input('email', { type: 'email' })}
          {input('website', { type: 'url' })}
          {input('language', { hint: t('towns.field.languageHint') })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('towns.section.mayor')}</legend>
        <div className="form-grid">
          {input('mayorName')}
          <Field label={t('towns.field.mayorGender')} error={errors.mayorGender} htmlFor="tc-mayorGender">
            <CodeSelect
              codes={GENDERS}
              labelPrefix="gender"
              value={values.mayorGender}
              onChange={(gender) => set('mayorGender', gender)}
              empty={t('towns.field.genderUnknown')}
              id="tc-mayorGender"
              data-testid="town-mayorGender"
            />
          </Field>
          <Field label={t('towns.field.mayorOffice')} error={errors.mayorOffice} htmlFor="tc-mayorOffice">
            <select
              id="tc-mayorOffice"
              value={values.mayorOffice}
              onChange={(e) => set('mayorOffice', e.target.value)}
              data-testid="town-mayorOffice"
              aria-describedby={contradiction ? 'tc-officeKind' : undefined}
            >
              <option value="">{t('towns.field.officeByRules')}</option>
              {offices.map((office) => (
                <option key={office.code} value={office.code}>
                  {office.label}
                </option>
              ))}
            </select>
          </Field>
          {contradiction && (
            <div
              className="notice notice-warn field-wide"
              role="status"
              id="tc-officeKind"
              data-testid="town-officeKind"
            >
              {t('towns.card.officeKind', {
                office: offices.find((o) => o.code === values.mayorOffice)?.label ?? values.mayorOffice,
                kind: tk(`towns.kind.${values.kind}`),
              })}
              <label className="check">
                <input
                  type="checkbox"
                  checked={oddConfirmed}
                  onChange={(e) => {
                    setConfirmedPair(e.target.checked ? pair : null);
                    if (e.target.checked)
                      setErrors(
                        Object.fromEntries(Object.entries(errors).filter(([field]) => field !== 'mayorOffice')),
                      );
                  }}
                  data-testid="town-officeKind-confirm"
                />{' '}
                {t('towns.card.officeKindConfirm')}
              </label>
            </div>
          )}
          {input('mayorTitle', { hint: t('towns.field.mayorTitleHint') })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('towns.section.agreements')}</legend>
        <div className="form-grid">
          {input('contractingBody', { hint: t('towns.field.contractingBodyHint'), wide: true })}
          {input('idNumber', { hint: t('towns.field.idNumberHint') })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('towns.section.history')}</legend>
        <div className="form-grid">
          {area('history')}
          {area('notes')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('towns.section.partnerships', { count: card.partnerships.length })}</legend>
        {card.partnerships.length === 0 ? (
          <p className="muted">{t('towns.partnerships.none')}</p>
        ) : (
          <ul className="town-card-partnerships" data-testid="town-partnerships">
            {card.partnerships.map((p) => (
              <li key={p.partnershipId}>
                <a className="link" href={`#/partnerships?municipality=${String(p.municipalityId)}`} onClick={onClose}>
                  {p.municipalityName}
                </a>
                {p.regionName !== null && <span className="muted"> · {p.regionName}</span>}
                <span className="muted">
                  {' '}
                  · {tk(`partnershipType.${p.type}`)} · {tk(`partnershipStatus.${p.status}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="muted">
          {countryName(card.countryCode, language)}
          {card.population !== null && ` · ${formatNumber(card.population)}`}
          {card.geonamesId !== null && ` · ${t('towns.field.geonamesId')} ${String(card.geonamesId)}`}
          {card.source !== null && ` · ${t('towns.field.source')}: ${originLabel(card.source, language)}`}
        </p>
      </fieldset>
      <details className="town-card-history">
        <summary>{t('towns.section.changes')}</summary>
        <RecordHistory
          table="foreign_towns"
          recordId={card.id}
          version={card.version}
          fieldLabel={(field) => (FIELD_LABELS[field] ? tk(FIELD_LABELS[field]) : null)}
          codeLabels={{ mayorGender: 'gender', kind: 'towns.kind' }}
          testId="town-history"
          entryNotice={revertFailed}
          onUndoBulk={(groupId) => undoLinks(groupId, false)}
          // One past change put back (a card edit, or the link and fills of a suggestion), as in a
          // member's and a partnership's history; a refusal is said here (a toast lies under the dialog).
          onRevert={(auditId) => {
            setRevertFailed(null);
            call('towns:revert', { auditId }).then(
              () => {
                toast({ kind: 'ok', text: said('history.reverted'), seconds: 5 });
                onReload();
              },
              (error: unknown) =>
                setRevertFailed({
                  entryId: auditId,
                  text: errorText(error, i18n, (p) => (FIELD_LABELS[p] ? tk(FIELD_LABELS[p]) : p)),
                }),
            );
          }}
          onUndoMerge={(auditId, filled) => {
            call('merges:restore', { auditId }).then(
              () => {
                // A fill's undo brings no record back: the deleted card goes back to the bin.
                toast({
                  kind: 'ok',
                  text: said(filled ? 'merge.history.townFillUndone' : 'history.mergeUndone'),
                  seconds: 6,
                });
                onReload();
              },
              (error: unknown) => {
                // Refused because the kept town (or a partnership the merge merged) changed since:
                // the undo that keeps the later changes is offered, as a partnership's is; here, in
                // the card (a toast's button lies under this modal dialog and cannot be clicked).
                if (
                  !filled &&
                  error instanceof ApiError &&
                  (error.details?.reason === 'merge.error.changedSinceBy' ||
                    error.details?.reason === 'merge.error.changedSinceKept')
                )
                  setMergeRefused({ auditId, error });
                else toast(errorToast(error));
              },
            );
          }}
        />
        {linksRefused !== null && (
          <div className="town-merge-refused" data-testid="town-links-refused">
            <div className="notice notice-error" role="alert">
              <span>{linksRefused.text}</span>
            </div>
            {linksRefused.others > 0 && (
              <button type="button" className="button" onClick={() => undoLinks(linksRefused.groupId, true)}>
                {t('gazetteerLink.undoOthers', { count: formatNumber(linksRefused.others) })}
              </button>
            )}
          </div>
        )}
        {mergeRefused !== null && (
          <div className="town-merge-refused" data-testid="town-merge-refused">
            {/* The refusal's facts, leading to the offer (its own text said to re-create the town by hand). */}
            <div className="notice notice-error" role="alert">
              <span>{mergeRefusalBesideOffer(mergeRefused.error, i18n)}</span>
            </div>
            <button
              type="button"
              className="button"
              onClick={() => {
                setUndoKeeping(mergeRefused.auditId);
                setMergeRefused(null);
              }}
              data-testid="town-undo-keeping-offer"
            >
              {t('merge.keeping.offer')}
            </button>
          </div>
        )}
      </details>
      {undoKeeping !== null && (
        <UndoMergeKeepingDialog
          auditId={undoKeeping}
          onClose={() => setUndoKeeping(null)}
          onDone={() => {
            setUndoKeeping(null);
            toast({ kind: 'ok', text: said('merge.keeping.done'), seconds: 6 });
            onReload();
          }}
        />
      )}
      {conflict !== null && (
        <p className="form-problems" role="alert">
          {conflict}{' '}
          <button
            type="button"
            className="link-button"
            onClick={reloadKeepingTyping}
            data-testid="town-conflict-reload"
          >
            {t('towns.card.reload')}
          </button>
        </p>
      )}
      <div className="form-actions sticky">
        {gone !== null && (
          <FormGoneNotice
            gone={gone}
            onOpenKept={(toId) => onOpenKept(toId, { base: valuesOf(card), values })}
            typed={typedKeys(valuesOf(card), values).map((key) => storedText(key, values, true))}
          />
        )}
        {card.partnerships.length === 0 && (
          // Left over after its partnership was deleted, or added by mistake (walkthrough 19).
          <button
            type="button"
            className="button danger town-card-delete"
            disabled={busy}
            title={t('towns.card.deleteHint')}
            onClick={() => void removeTown()}
            data-testid="town-delete"
          >
            {t('towns.card.delete')}
          </button>
        )}
        {conflict === null && latest.version !== card.version && !untouched && (
          // A colleague saved the card while this form holds typing: said at once, beside Save.
          <ChangedUnderTypingNotice onReload={reloadKeepingTyping} testId="town-changed-under-typing" />
        )}
        <FormProblems errors={errors} fixText={t('towns.card.fixErrors')} failure={failure} />
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button primary"
          disabled={busy || gone !== null}
          data-testid="town-save"
          data-shortcut="save"
        >
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

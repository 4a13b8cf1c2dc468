import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { compareCzech } from '../../../shared/domain/text';
import type { InputOf, OutputOf } from '../../../shared/ipc/contract';
import { ApiError, call, onEvent } from '../../lib/api';
import { parseAgreementLink } from '../../lib/deep-links';
import { useAsync } from '../../lib/useAsync';
import { useI18n } from '../../lib/i18n';

type Options = OutputOf<'agreements:options'>;
export type AgreementRequest = Options['request'];
export type AgreementSource = InputOf<'agreements:options'>['source'];
export type AgreementWarning = OutputOf<'agreements:preview'>['warnings'][number];
/** What a save waits for the user to confirm: saving with data missing, or replacing a file. */
/** `files`: those that exist (both originals of a pair may be asked about at once). */
export type PendingSave =
  { kind: 'missing' } | { kind: 'finalIncomplete' } | { kind: 'overwrite'; filePath: string; files: string[] };
export type SaveConfirmation = { acceptMissing: boolean; overwrite?: boolean; filePath?: string };

/**
 * The state of the Agreements screen and its calls to core: the source (a partnership from the
 * link or the list, or a member and a town), the draft request with the registry's defaults, the
 * debounced preview and its missing-data warnings, and saving with its confirmations.
 */
/** The tables the screen's lists of partnerships, members and towns come from. */
const SOURCE_TABLES = new Set(['partnerships', 'municipalities', 'foreign_towns']);

const holdsNothing = (value: unknown): boolean => value === null || value === undefined || value === '';

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The form with the gaps of its parties filled from the registry as it is now (a town card or a
 * member filled meanwhile, here or in another window): what the form holds is never replaced.
 * With the defaults the form started from (`before`), a value still as the registry gave it
 * follows the registry too: a kind set on the town card brings the noun, office and contracting
 * body its rules give ("obcí Rehau" stayed beside a card that said "město"). The same object when
 * nothing changed.
 */
export function fillGaps(
  current: AgreementRequest,
  stored: AgreementRequest,
  before?: AgreementRequest,
): AgreementRequest {
  const party = <P extends Record<string, unknown>>(mine: P, theirs: P, was?: P): [P, number] => {
    const out: Record<string, unknown> = { ...mine };
    let count = 0;
    for (const [key, value] of Object.entries(theirs)) {
      const untouched = was !== undefined && same(mine[key], was[key]) && !same(value, was[key]);
      if ((holdsNothing(mine[key]) && !holdsNothing(value)) || untouched) {
        out[key] = value;
        count += 1;
      }
    }
    return [out as P, count];
  };
  const [cz, czFilled] = party(current.fields.cz, stored.fields.cz, before?.fields.cz);
  const [partner, partnerFilled] = party(current.fields.partner, stored.fields.partner, before?.fields.partner);
  return czFilled + partnerFilled === 0 ? current : { ...current, fields: { ...current.fields, cz, partner } };
}

export function useAgreementDraft() {
  const { t } = useI18n();
  const sources = useAsync(() => call('agreements:sources', {}), []);
  // The screen stays alive in the background: the lists follow partnerships, members and towns
  // added, renamed or deleted elsewhere (not every edit of an activity or a contact).
  const reloadSources = sources.reload;
  useEffect(
    () =>
      onEvent('data:changed', (change) => {
        if (change.replaced === true || change.tables.some((table) => SOURCE_TABLES.has(table))) reloadSources();
      }),
    [reloadSources],
  );
  const [mode, setMode] = useState<'partnership' | 'pair'>('partnership');
  const [source, setSource] = useState<AgreementSource | null>(() => {
    const id = parseAgreementLink(window.location.hash);
    return id === null ? null : { partnershipId: id };
  });
  const [memberId, setMemberId] = useState<number | null>(null);
  const [townId, setTownId] = useState<number | null>(null);
  const [options, setOptions] = useState<Options | null>(null);
  const [request, setRequest] = useState<AgreementRequest | null>(null);
  const [preview, setPreview] = useState<OutputOf<'agreements:preview'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingSave | null>(null);
  // Each save that was written: once the screen is drawn again (Save enabled, the question gone),
  // a focus left on the page goes to Save. A frame after the answer came too early on a fast
  // machine: Save was still disabled and the focus stayed on the page.
  const [savedTick, setSavedTick] = useState(0);
  useEffect(() => {
    if (savedTick === 0) return;
    if (document.activeElement === document.body || document.activeElement === null)
      document.querySelector<HTMLElement>('[data-testid="agreement-save"]')?.focus();
  }, [savedTick]);
  const [saved, setSaved] = useState<{
    filePath: string;
    pairFilePath: string | null;
    townCardFilled: string[];
    memberFilled: string[];
    partnershipFilled: string[];
    notKept: OutputOf<'agreements:generate'>['notKept'];
  } | null>(null);
  const [draftsTick, setDraftsTick] = useState(0);
  const previewSeq = useRef(0);
  /** The registry's defaults the form started from (or last followed): what the user has not changed. */
  const defaults = useRef<AgreementRequest | null>(null);

  // A link naming a partnership ("Vytvořit smlouvu" in its detail) chooses it, also while the screen is open.
  useEffect(() => {
    const onHash = () => {
      const id = parseAgreementLink(window.location.hash);
      if (id === null) return;
      setMode('partnership');
      setSource((current) =>
        current !== null && 'partnershipId' in current && current.partnershipId === id
          ? current
          : { partnershipId: id },
      );
    };
    window.addEventListener('hashchange', onHash);
    // The link may have changed between the first render and this listener (the screen loads lazily).
    onHash();
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const partnerships = useMemo(
    () =>
      [...(sources.data?.partnerships ?? [])].sort(
        (a, b) => compareCzech(a.municipalityName, b.municipalityName) || compareCzech(a.townName, b.townName),
      ),
    [sources.data],
  );

  // A change elsewhere (a colleague's window, the town card opened from this screen): a saved draft
  // shows in the list, and what the registry now knows fills the form's gaps (the card's address
  // stayed "[doplňte: adresa sídla]" in the document: walkthrough 13).
  useEffect(
    () =>
      onEvent('data:changed', (change) => {
        if (change.tables.includes('agreement_documents')) setDraftsTick((n) => n + 1);
        if (source === null || !change.tables.some((table) => SOURCE_TABLES.has(table))) return;
        call('agreements:options', { source }).then(
          (loaded) => {
            const before = defaults.current;
            defaults.current = loaded.request;
            // What the rules know of the towns follows too (the kind hint, the offices offered).
            setOptions((now) => (now === null ? now : { ...loaded, templates: now.templates }));
            setRequest((current) =>
              current === null ? current : fillGaps(current, loaded.request, before ?? undefined),
            );
          },
          () => undefined,
        );
      }),
    [source],
  );

  // Defaults from the registry whenever the source changes.
  useEffect(() => {
    if (source === null) return;
    let live = true;
    call('agreements:options', { source }).then(
      (loaded) => {
        if (!live) return;
        setError(null);
        setSaved(null);
        setOptions(loaded);
        defaults.current = loaded.request;
        setRequest(loaded.request);
        setPreview(null);
      },
      (failure: unknown) => {
        if (live) setError(failure);
      },
    );
    return () => {
      live = false;
    };
  }, [source]);

  const refreshPreview = useCallback((current: AgreementRequest) => {
    const seq = (previewSeq.current += 1);
    call('agreements:preview', { request: current }).then(
      (result) => {
        if (seq !== previewSeq.current) return;
        setPreview(result);
        // A preview that failed for a value since mended: its notice goes with it.
        setError((shown: unknown) => (shown instanceof ApiError && shown.code === 'VALIDATION' ? null : shown));
      },
      (failure: unknown) => {
        if (seq === previewSeq.current) setError(failure);
      },
    );
  }, []);

  // The preview and the missing-data list follow the form (debounced).
  useEffect(() => {
    // An odd number of originals is refused at the gate: the form says so under the field instead.
    if (request === null || request.fields.originals % 2 !== 0) return;
    const timer = window.setTimeout(() => refreshPreview(request), 400);
    return () => window.clearTimeout(timer);
  }, [request, refreshPreview]);

  const update = (patch: Partial<AgreementRequest>) =>
    setRequest((current) => (current === null ? current : { ...current, ...patch }));
  const updateFields = (patch: Partial<AgreementRequest['fields']>) =>
    setRequest((current) => (current === null ? current : { ...current, fields: { ...current.fields, ...patch } }));

  /** Saves the draft; `asDraft`: as a draft with the "NÁVRH" mark, the final box unticked. */
  const save = async (confirmed: SaveConfirmation, asDraft = false) => {
    if (request === null || request.fields.originals % 2 !== 0) return;
    const sent = asDraft ? { ...request, final: false } : request;
    if (asDraft) update({ final: false });
    setBusy(true);
    setError(null);
    setSaved(null);
    setPending(null);
    try {
      const written = await call('agreements:generate', { request: sent, ...confirmed });
      setSaved({
        filePath: written.filePath,
        pairFilePath: written.pairFilePath ?? null,
        townCardFilled: written.townCardFilled,
        memberFilled: written.memberFilled,
        partnershipFilled: written.partnershipFilled,
        notKept: written.notKept,
      });
      // The chosen kind is on the municipality's record now: the form stops saying it is not stated.
      if (written.memberFilled.includes('kind')) setOptions((now) => (now ? { ...now, czKindUnknown: false } : now));
      // So is the partner town's, on its card.
      if (written.townCardFilled.includes('kind'))
        setOptions((now) =>
          now
            ? {
                ...now,
                partnerTown: {
                  ...now.partnerTown,
                  kind: sent.fields.partner.nounKey === 'foreign_municipality' ? 'municipality' : 'town',
                },
              }
            : now,
        );
      setDraftsTick((n) => n + 1);
      // Saved from the question beside Save: the question is gone, and the focus with it.
      setSavedTick((n) => n + 1);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'VALIDATION' && failure.details?.reason === 'MISSING_DATA') {
        setPending({ kind: sent.final === true ? 'finalIncomplete' : 'missing' });
      } else if (
        failure instanceof ApiError &&
        failure.code === 'VALIDATION' &&
        failure.details?.reason === 'FINAL_INCOMPLETE'
      ) {
        setPending({ kind: 'finalIncomplete' });
      } else if (
        failure instanceof ApiError &&
        failure.code === 'CONFLICT' &&
        typeof failure.details?.filePath === 'string'
      ) {
        const existing = failure.details.files;
        setPending({
          kind: 'overwrite',
          filePath: failure.details.filePath,
          // The files that exist: the chosen one, the partner's copy beside it, or both.
          files:
            Array.isArray(existing) && existing.every((f): f is string => typeof f === 'string') && existing.length > 0
              ? existing
              : [failure.details.filePath],
        });
      } else if (!(failure instanceof ApiError && failure.code === 'CANCELLED')) {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const warnings: AgreementWarning[] = preview?.warnings ?? [];
  /** Whom a missing item belongs to: the party's name, or its side where the name is blank (": adresa sídla"). */
  const partyName = (side: AgreementWarning['side']) => {
    if (side === null) return undefined;
    const name = (side === 'cz' ? request?.fields.cz.name : request?.fields.partner.name)?.trim() ?? '';
    return name !== '' ? name : t(side === 'cz' ? 'agreements.side.cz' : 'agreements.side.partner');
  };
  const catalog = request && options ? options.templates[request.template] : null;
  /** What every template offers (a change of template starts from that template's optional articles). */
  const catalogs = options?.templates ?? null;
  const partnershipId = options?.partnershipId ?? null;
  const partnerTownId = options?.townId ?? null;

  return {
    sources,
    partnerships,
    mode,
    setMode,
    source,
    setSource,
    memberId,
    setMemberId,
    townId,
    setTownId,
    request,
    preview,
    error,
    setError,
    busy,
    pending,
    setPending,
    saved,
    partnerTownId,
    draftsTick,
    refreshPreview,
    update,
    updateFields,
    save,
    warnings,
    partyName,
    catalog,
    catalogs,
    partnershipId,
    czKindUnknown: options?.czKindUnknown ?? false,
    /** The registry shows contact before the draft (the "earlier friendship" preamble's default). */
    earlierContact: options?.earlierContact ?? false,
    /** What the rules know of the partner town (null until the options are in). */
    partnerTown: options?.partnerTown ?? null,
    /** Places the form offers for the signature (the draft's place starts blank). */
    placeSuggestions: options?.placeSuggestions ?? [],
  };
}

export type AgreementDraft = ReturnType<typeof useAgreementDraft>;

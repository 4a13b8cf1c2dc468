import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AGREEMENT_LAYOUTS, AGREEMENT_TEMPLATES, PREAMBLES } from '../../../shared/domain/codes';
import { PARTNER_LANGUAGES } from '../../../shared/domain/agreements/model';
import { compareCzech } from '../../../shared/domain/text';
import type { InputOf, OutputOf } from '../../../shared/ipc/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { ApiError, call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';
import { parseAgreementLink } from '../../lib/deep-links';
import { BatchPanel } from './BatchPanel';
import { DocxPreview } from './DocxPreview';
import { DraftsList } from './DraftsList';
import { PartyEditor } from './PartyEditor';
import './agreements.css';
import { CodeSelect } from '../../components/Field';

type Options = OutputOf<'agreements:options'>;
type Request = Options['request'];
type Source = InputOf<'agreements:options'>['source'];
type Warning = OutputOf<'agreements:preview'>['warnings'][number];
type Pending = { kind: 'missing' } | { kind: 'overwrite'; filePath: string };

/** The Agreements screen: choose, edit, see what is missing, preview, save; drafts and batch. */
export function AgreementsPage() {
  const { t, tk } = useI18n();
  const sources = useAsync(() => call('agreements:sources', {}), []);
  const [mode, setMode] = useState<'partnership' | 'pair'>('partnership');
  const [source, setSource] = useState<Source | null>(() => {
    const id = parseAgreementLink(window.location.hash);
    return id === null ? null : { partnershipId: id };
  });
  const [memberId, setMemberId] = useState<number | null>(null);
  const [townId, setTownId] = useState<number | null>(null);
  const [options, setOptions] = useState<Options | null>(null);
  const [request, setRequest] = useState<Request | null>(null);
  const [preview, setPreview] = useState<OutputOf<'agreements:preview'> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [draftsTick, setDraftsTick] = useState(0);
  const previewSeq = useRef(0);

  const partnerships = useMemo(
    () =>
      [...(sources.data?.partnerships ?? [])].sort(
        (a, b) => compareCzech(a.municipalityName, b.municipalityName) || compareCzech(a.townName, b.townName),
      ),
    [sources.data],
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

  const refreshPreview = useCallback((current: Request) => {
    const seq = (previewSeq.current += 1);
    call('agreements:preview', { request: current }).then(
      (result) => {
        if (seq === previewSeq.current) setPreview(result);
      },
      (failure: unknown) => {
        if (seq === previewSeq.current) setError(failure);
      },
    );
  }, []);

  // The preview and the missing-data list follow the form (debounced).
  useEffect(() => {
    if (request === null) return;
    const timer = window.setTimeout(() => refreshPreview(request), 400);
    return () => window.clearTimeout(timer);
  }, [request, refreshPreview]);

  const update = (patch: Partial<Request>) =>
    setRequest((current) => (current === null ? current : { ...current, ...patch }));
  const updateFields = (patch: Partial<Request['fields']>) =>
    setRequest((current) => (current === null ? current : { ...current, fields: { ...current.fields, ...patch } }));

  const save = async (confirmed: { acceptMissing: boolean; overwrite?: boolean; filePath?: string }) => {
    if (request === null) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    setPending(null);
    try {
      const written = await call('agreements:generate', { request, ...confirmed });
      setSaved(written.filePath);
      setDraftsTick((n) => n + 1);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'VALIDATION' && failure.details?.reason === 'MISSING_DATA') {
        setPending({ kind: 'missing' });
      } else if (
        failure instanceof ApiError &&
        failure.code === 'CONFLICT' &&
        typeof failure.details?.filePath === 'string'
      ) {
        setPending({ kind: 'overwrite', filePath: failure.details.filePath });
      } else if (!(failure instanceof ApiError && failure.code === 'CANCELLED')) {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const warnings: Warning[] = preview?.warnings ?? [];
  const partyName = (side: Warning['side']) =>
    side === 'cz' ? request?.fields.cz.name : side === 'partner' ? request?.fields.partner.name : undefined;
  const catalog = request && options ? options.templates[request.template] : null;
  const partnershipId = options?.partnershipId ?? null;

  return (
    <section className="page page-scroll agreements-page">
      <PageHeader title={t('agreements.title')} />
      <p className="hint">{t('agreements.intro')}</p>
      {sources.status === 'error' && <ErrorNotice error={sources.error} onRetry={sources.reload} />}
      <div className="agreements-layout">
        <div className="agreements-form">
          <div className="card">
            <h2>{t('agreements.source')}</h2>
            <div className="segmented" role="group">
              {(['partnership', 'pair'] as const).map((m) => (
                <button key={m} type="button" className={mode === m ? 'active' : ''} onClick={() => setMode(m)}>
                  {tk(`agreements.source.${m}`)}
                </button>
              ))}
            </div>
            {mode === 'partnership' ? (
              <div className="field">
                <label htmlFor="agr-partnership">{t('agreements.partnership')}</label>
                <select
                  id="agr-partnership"
                  data-testid="agreement-partnership"
                  value={source && 'partnershipId' in source ? String(source.partnershipId) : ''}
                  onChange={(e) => setSource(e.target.value === '' ? null : { partnershipId: Number(e.target.value) })}
                >
                  <option value="">{t('agreements.choose')}</option>
                  {partnerships.map((p) => (
                    <option key={p.id} value={p.id}>
                      {`${p.municipalityName} – ${p.townName} (${p.countryCode})`}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <div className="agreement-row">
                <div className="field">
                  <label htmlFor="agr-member">{t('agreements.member')}</label>
                  <select
                    id="agr-member"
                    value={memberId ?? ''}
                    onChange={(e) => {
                      const next = e.target.value === '' ? null : Number(e.target.value);
                      setMemberId(next);
                      if (next !== null && townId !== null) setSource({ municipalityId: next, foreignTownId: townId });
                    }}
                  >
                    <option value="">{t('agreements.choose')}</option>
                    {[...(sources.data?.members ?? [])]
                      .sort((a, b) => compareCzech(a.name, b.name))
                      .map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.name}
                        </option>
                      ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="agr-town">{t('agreements.town')}</label>
                  <select
                    id="agr-town"
                    value={townId ?? ''}
                    onChange={(e) => {
                      const next = e.target.value === '' ? null : Number(e.target.value);
                      setTownId(next);
                      if (next !== null && memberId !== null)
                        setSource({ municipalityId: memberId, foreignTownId: next });
                    }}
                  >
                    <option value="">{t('agreements.choose')}</option>
                    {[...(sources.data?.towns ?? [])]
                      .sort((a, b) => compareCzech(a.name, b.name))
                      .map((town) => (
                        <option key={town.id} value={town.id}>
                          {`${town.name} (${town.countryCode})`}
                        </option>
                      ))}
                  </select>
                </div>
              </div>
            )}
          </div>

          {request !== null && catalog !== null && (
            <>
              <div className="card">
                <div className="agreement-row">
                  <div className="field">
                    <label htmlFor="agr-template">{t('agreements.template')}</label>
                    <CodeSelect
                      codes={AGREEMENT_TEMPLATES}
                      labelPrefix="agreements.template"
                      value={request.template}
                      onChange={(template) => template && update({ template, omit: [] })}
                      id="agr-template"
                      data-testid="agreement-template"
                    />
                  </div>
                  <div className="field">
                    <label htmlFor="agr-language">{t('agreements.language')}</label>
                    <CodeSelect
                      codes={PARTNER_LANGUAGES}
                      labelPrefix="agreements.lang"
                      value={request.language}
                      onChange={(language) => language && update({ language })}
                      id="agr-language"
                      data-testid="agreement-language"
                    />
                  </div>
                  <div className="field">
                    <label htmlFor="agr-layout">{t('agreements.layout')}</label>
                    <CodeSelect
                      codes={AGREEMENT_LAYOUTS}
                      labelPrefix="agreements.layout"
                      value={request.layout}
                      onChange={(layout) => layout && update({ layout })}
                      id="agr-layout"
                      data-testid="agreement-layout"
                    />
                  </div>
                </div>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={request.titlePage}
                    onChange={(e) => update({ titlePage: e.target.checked })}
                  />
                  {t('agreements.titlePage')}
                </label>
                <h3>{t('agreements.preambles')}</h3>
                <div className="checks">
                  {PREAMBLES.map((p) => (
                    <label key={p} className="check">
                      <input
                        type="checkbox"
                        checked={request.preambles.includes(p)}
                        onChange={(e) =>
                          update({
                            preambles: e.target.checked
                              ? [...request.preambles, p]
                              : request.preambles.filter((x) => x !== p),
                          })
                        }
                      />
                      {tk(`agreements.preamble.${p}`)}
                    </label>
                  ))}
                </div>
                {catalog.optional.length > 0 && (
                  <>
                    <h3>{t('agreements.clauses')}</h3>
                    <div className="checks">
                      {catalog.optional.map((o) => (
                        <label key={o.id} className="check">
                          <input
                            type="checkbox"
                            checked={!request.omit.includes(o.id)}
                            onChange={(e) =>
                              update({
                                omit: e.target.checked
                                  ? request.omit.filter((x) => x !== o.id)
                                  : [...request.omit, o.id],
                              })
                            }
                          />
                          {o.heading}
                        </label>
                      ))}
                    </div>
                  </>
                )}
                {catalog.variants.includes('duration') && (
                  <div className="agreement-row">
                    <div className="field">
                      <label htmlFor="agr-duration">{t('agreements.duration')}</label>
                      <select
                        id="agr-duration"
                        value={request.fields.duration}
                        onChange={(e) =>
                          updateFields({ duration: e.target.value === 'fixed' ? 'fixed' : 'indefinite' })
                        }
                      >
                        <option value="indefinite">{t('agreements.duration.indefinite')}</option>
                        <option value="fixed">{t('agreements.duration.fixed')}</option>
                      </select>
                    </div>
                    {request.fields.duration === 'fixed' && (
                      <>
                        <div className="field">
                          <label htmlFor="agr-until">{t('agreements.validUntil')}</label>
                          <input
                            id="agr-until"
                            type="date"
                            value={request.fields.validUntil ?? ''}
                            onChange={(e) =>
                              updateFields({ validUntil: e.target.value === '' ? null : e.target.value })
                            }
                          />
                        </div>
                        <div className="field">
                          <label htmlFor="agr-years">{t('agreements.termYears')}</label>
                          <input
                            id="agr-years"
                            type="number"
                            min={2}
                            max={99}
                            value={request.fields.termYears}
                            onChange={(e) =>
                              updateFields({ termYears: Math.max(2, Math.round(Number(e.target.value) || 2)) })
                            }
                          />
                        </div>
                      </>
                    )}
                  </div>
                )}
                <div className="agreement-row">
                  {catalog.variants.includes('entry') && (
                    <div className="field">
                      <label htmlFor="agr-entry">{t('agreements.entry')}</label>
                      <select
                        id="agr-entry"
                        value={request.fields.entry}
                        onChange={(e) =>
                          updateFields({ entry: e.target.value === 'approval' ? 'approval' : 'signature' })
                        }
                      >
                        <option value="signature">{t('agreements.entry.signature')}</option>
                        <option value="approval">{t('agreements.entry.approval')}</option>
                      </select>
                    </div>
                  )}
                  {request.template === 'partnership' && (
                    <div className="field">
                      <label htmlFor="agr-notice">{t('agreements.noticeMonths')}</label>
                      <input
                        id="agr-notice"
                        type="number"
                        min={2}
                        max={36}
                        value={request.fields.noticeMonths}
                        onChange={(e) =>
                          updateFields({ noticeMonths: Math.max(2, Math.round(Number(e.target.value) || 2)) })
                        }
                      />
                    </div>
                  )}
                  <div className="field">
                    <label htmlFor="agr-originals">{t('agreements.originals')}</label>
                    <input
                      id="agr-originals"
                      type="number"
                      min={2}
                      max={20}
                      value={request.fields.originals}
                      onChange={(e) =>
                        updateFields({ originals: Math.max(2, Math.round(Number(e.target.value) || 2)) })
                      }
                    />
                  </div>
                </div>
                {request.template === 'project' && (
                  <div className="field">
                    <label htmlFor="agr-project">{t('agreements.projectName')}</label>
                    <input
                      id="agr-project"
                      value={request.fields.projectName}
                      onChange={(e) => updateFields({ projectName: e.target.value })}
                    />
                  </div>
                )}
              </div>
              <div className="card agreement-parties">
                <PartyEditor
                  side="cz"
                  party={request.fields.cz}
                  language={request.language}
                  showResolution={request.fields.entry === 'approval' && catalog.variants.includes('entry')}
                  onChange={(cz) => updateFields({ cz })}
                />
                <PartyEditor
                  side="partner"
                  party={request.fields.partner}
                  language={request.language}
                  showResolution={request.fields.entry === 'approval' && catalog.variants.includes('entry')}
                  onChange={(partner) => updateFields({ partner })}
                />
              </div>
            </>
          )}
        </div>

        <div className="agreements-side">
          {request !== null && (
            <div className="card" data-testid="agreement-missing">
              <h2>{t('agreements.missing.title')}</h2>
              {preview === null ? null : warnings.length === 0 ? (
                <p className="notice notice-ok">{t('agreements.missing.none')}</p>
              ) : (
                <>
                  <ul className="agreement-missing">
                    {warnings.map((w) => (
                      <li key={w.path}>
                        {partyName(w.side) !== undefined && <strong>{`${partyName(w.side) ?? ''}: `}</strong>}
                        {tk(`agreements.missing.${w.field}`)}
                      </li>
                    ))}
                  </ul>
                  <p className="hint">{t('agreements.missing.hint')}</p>
                </>
              )}
              <div className="page-actions">
                <button
                  type="button"
                  className="button"
                  data-testid="agreement-preview-button"
                  onClick={() => refreshPreview(request)}
                >
                  {t('agreements.preview')}
                </button>
                <button
                  type="button"
                  className="button primary"
                  data-testid="agreement-save"
                  disabled={busy}
                  onClick={() => void save({ acceptMissing: false })}
                >
                  {t('agreements.save')}
                </button>
              </div>
              {pending?.kind === 'missing' && (
                <div className="notice" role="alertdialog" data-testid="agreement-confirm">
                  <span>{t('agreements.confirmMissing', { count: warnings.length })}</span>
                  <button type="button" className="button primary" onClick={() => void save({ acceptMissing: true })}>
                    {t('agreements.save')}
                  </button>
                  <button type="button" className="button" onClick={() => setPending(null)}>
                    {t('common.cancel')}
                  </button>
                </div>
              )}
              {pending?.kind === 'overwrite' && (
                <div className="notice" role="alertdialog" data-testid="agreement-confirm-overwrite">
                  <span>{t('agreements.confirmOverwrite', { file: pending.filePath })}</span>
                  <button
                    type="button"
                    className="button danger"
                    onClick={() => void save({ acceptMissing: true, overwrite: true, filePath: pending.filePath })}
                  >
                    {t('agreements.replace')}
                  </button>
                  <button type="button" className="button" onClick={() => setPending(null)}>
                    {t('common.cancel')}
                  </button>
                </div>
              )}
              {saved !== null && (
                <p className="notice notice-ok" data-testid="agreement-saved">
                  {t('agreements.saved', { file: saved })}
                </p>
              )}
            </div>
          )}
          {error !== null && <ErrorNotice error={error} />}
          {partnershipId !== null && <DraftsList partnershipId={partnershipId} tick={draftsTick} />}
          {request !== null && (
            <div className="card">
              <h2>{t('agreements.previewTitle')}</h2>
              {preview === null ? (
                <p className="hint">{t('agreements.previewEmpty')}</p>
              ) : (
                <DocxPreview base64={preview.base64} onError={setError} />
              )}
            </div>
          )}
          <BatchPanel partnerships={partnerships} layout={request?.layout ?? 'parallel'} />
        </div>
      </div>
    </section>
  );
}

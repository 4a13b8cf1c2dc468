import { useEffect, useMemo, useState } from 'react';
import { AGREEMENT_TEMPLATES, type AgreementLayout, type AgreementTemplate } from '../../../shared/domain/codes';
import type { OutputOf } from '../../../shared/ipc/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ApiError, call, onEvent } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { CodeSelect } from '../../components/Field';
import { matchPartnerships } from './PartnershipPicker';
import { municipalIdLabels } from '../../../shared/domain/agreements/states';
import { partnerIdLabel } from './id-label';

type Choice = OutputOf<'agreements:sources'>['partnerships'][number];
type BatchResult = OutputOf<'agreements:batch'>['results'][number];

/** A file's own name, whatever the separator of its folder. */
const baseName = (filePath: string): string => filePath.split(/[\\/]/).at(-1) ?? filePath;

/** Drafts for many partnerships into one folder, with progress and cancel. */
export function BatchPanel({ partnerships, layout }: { partnerships: readonly Choice[]; layout: AgreementLayout }) {
  const { t, tk, tn, language } = useI18n();
  // The drafts that still have markers or were not written, each with what it lacks (review D23).
  const [incomplete, setIncomplete] = useState<BatchResult[] | null>(null);
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [template, setTemplate] = useState<AgreementTemplate | ''>('');
  const [job, setJob] = useState<{ id: string; done: number; total: number } | null>(null);
  /** What the batch did, worded when shown (a language switch rewords it; it stayed Czech). */
  const [result, setResult] = useState<{ cancelled: boolean; ok: number; folder: string; failed: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  // Found as the partnership picker finds them (whole words first: "Aš" is not Dallas).
  const shown = useMemo(() => matchPartnerships(partnerships, filter), [partnerships, filter]);

  const jobId = job?.id;
  useEffect(() => {
    if (jobId === undefined) return;
    return onEvent('job:progress', (p) => {
      if (p.jobId === jobId)
        setJob((current) =>
          current && current.id === p.jobId ? { ...current, done: p.done, total: p.total } : current,
        );
    });
  }, [jobId]);

  const start = async () => {
    const id = crypto.randomUUID();
    setJob({ id, done: 0, total: selected.size });
    setResult(null);
    setIncomplete(null);
    setError(null);
    try {
      const out = await call('agreements:batch', {
        jobId: id,
        partnershipIds: [...selected],
        template: template === '' ? null : template,
        layout,
      });
      const ok = out.results.filter((r) => r.filePath !== null).length;
      setIncomplete(out.results.filter((r) => r.warnings.length > 0 || r.error !== null));
      setResult({ cancelled: out.cancelled, ok, folder: out.folder, failed: out.results.length - ok });
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.code === 'CANCELLED')) setError(failure);
    } finally {
      setJob(null);
    }
  };

  return (
    <details className="card agreement-batch">
      <summary>
        <h2>{t('agreements.batch')}</h2>
      </summary>
      <p className="hint">{t('agreements.batch.hint')}</p>
      <div className="agreement-row">
        <div className="field">
          <label htmlFor="agr-batch-filter">{t('agreements.batch.filter')}</label>
          <input id="agr-batch-filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="agr-batch-template">{t('agreements.template')}</label>
          <CodeSelect
            codes={AGREEMENT_TEMPLATES}
            labelPrefix="agreements.template"
            value={template === '' ? null : template}
            onChange={(code) => setTemplate(code ?? '')}
            empty={t('agreements.batch.templateByType')}
            id="agr-batch-template"
          />
        </div>
      </div>
      <div className="page-actions">
        <button
          type="button"
          className="button"
          onClick={() => setSelected(new Set([...selected, ...shown.map((p) => p.id)]))}
        >
          {t('agreements.batch.selectAll')}
        </button>
        <button type="button" className="button" onClick={() => setSelected(new Set())}>
          {t('agreements.batch.clear')}
        </button>
        <span className="hint">{t('agreements.batch.selected', { count: selected.size })}</span>
      </div>
      <ul className="agreement-batch-list">
        {shown.map((p) => (
          <li key={p.id}>
            <label className="check">
              <input
                type="checkbox"
                checked={selected.has(p.id)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.target.checked) next.add(p.id);
                  else next.delete(p.id);
                  setSelected(next);
                }}
              />
              {`${p.municipalityName} – ${p.townName} (${p.countryCode})`}
              {/* The member's district tells two members of one name apart (review D20: two Všeruby). */}
              {p.districtName !== null && p.districtName !== p.municipalityName && (
                <span className="muted-small">{` · ${p.districtName}`}</span>
              )}
            </label>
          </li>
        ))}
      </ul>
      <div className="page-actions">
        <button
          type="button"
          className="button primary"
          disabled={selected.size === 0 || job !== null}
          onClick={() => void start()}
        >
          {t('agreements.batch.start')}
        </button>
        {job !== null && (
          <>
            <progress max={Math.max(job.total, 1)} value={job.done} />
            <span>{t('agreements.batch.progress', { done: job.done, total: job.total })}</span>
            <button type="button" className="button" onClick={() => void call('jobs:cancel', { jobId: job.id })}>
              {t('agreements.batch.cancel')}
            </button>
          </>
        )}
      </div>
      {result !== null && (
        <p className="notice notice-ok">
          {/* The count of drafts in its plural form („1 návrh“, „4 návrhy“, „5 návrhů“; walkthrough 23 finding 10). */}
          {result.cancelled
            ? tn('agreements.batch.cancelled', result.ok)
            : tn('agreements.batch.done', result.ok, { folder: result.folder, failed: result.failed })}
        </p>
      )}
      {incomplete !== null && (
        <div data-testid="agreement-batch-incomplete">
          {incomplete.length === 0 ? (
            <p className="hint">{t('agreements.batch.allComplete')}</p>
          ) : (
            <>
              <p>
                <strong>{t('agreements.batch.toComplete', { count: incomplete.length })}</strong>
              </p>
              <ul className="agreement-missing">
                {incomplete.map((r) => {
                  const choice = partnerships.find((p) => p.id === r.partnershipId);
                  const who = (side: BatchResult['warnings'][number]['side']) =>
                    side === 'cz' ? choice?.municipalityName : side === 'partner' ? choice?.townName : undefined;
                  // Grouped by party: "Konstanz: adresa sídla, jméno starosty/starostky; Tábor: číslo usnesení".
                  const groups = new Map<string, string[]>();
                  for (const w of r.warnings) {
                    const name = who(w.side) ?? '';
                    // The partner's number by its country's name for it (REGON, SIREN), as on the single draft.
                    const label =
                      (w.field === 'idNumber' && w.side === 'partner' && choice !== undefined
                        ? partnerIdLabel({ idLabels: municipalIdLabels(choice.countryCode) }, language, (named) =>
                            t('agreements.field.idNumberNamed', { label: named }),
                          )
                        : null) ?? tk(`agreements.missing.${w.field}`);
                    groups.set(name, [...(groups.get(name) ?? []), label]);
                  }
                  const fields = [...groups]
                    .map(([name, labels]) => (name === '' ? labels.join(', ') : `${name}: ${labels.join(', ')}`))
                    .join('; ');
                  return (
                    <li key={r.partnershipId} data-testid="agreement-batch-draft">
                      <strong>
                        {choice === undefined
                          ? `#${String(r.partnershipId)}`
                          : `${choice.municipalityName} – ${choice.townName}`}
                      </strong>
                      {r.filePath !== null && <span className="muted-small"> ({baseName(r.filePath)})</span>}
                      {' – '}
                      {r.error !== null
                        ? t('agreements.batch.failed', { error: r.error })
                        : t('agreements.batch.missing', { fields })}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </details>
  );
}

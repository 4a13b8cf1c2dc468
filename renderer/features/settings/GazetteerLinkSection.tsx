import { useState } from 'react';
import { countryName } from '../../../shared/domain/countries';
import type { OutputOf } from '../../../shared/ipc/contract';
import { showBulkResult } from '../../components/bulk-result';
import { ErrorNotice } from '../../components/ErrorNotice';
import { focusOnShow, Question } from '../../components/Question';
import { errorToast, useToast } from '../../components/Toasts';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import './gazetteer-link.css';

type Preview = OutputOf<'towns:linkGazetteerPreview'>;

/** How many towns of each kind not linked the card names. */
const NAMED = 6;

/**
 * Settings ▸ Linking partner towns to the gazetteer: towns that came into the registry before
 * imports linked them (walkthrough 26, finding 8) get the gazetteer's id, and its population where
 * the card has none, by the import's rule. "Check…" shows what the rule finds (nothing written);
 * "Link N towns" asks, then links in one change (judged again in core), and the toast undoes the
 * whole run (as each town's history does later). A user who may not write sees why the button is
 * off.
 */
export function GazetteerLinkSection() {
  const i18n = useI18n();
  const { t, tn, formatNumber, language } = i18n;
  const toast = useToast();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [state, setState] = useState<'idle' | 'checking' | 'confirming' | 'linking'>('idle');
  const busy = state === 'checking' || state === 'linking';

  const check = async () => {
    setState('checking');
    setLoadError(null);
    try {
      setPreview(await call('towns:linkGazetteerPreview', {}));
    } catch (error) {
      setLoadError(error);
    } finally {
      setState('idle');
    }
  };

  const link = async () => {
    setState('linking');
    try {
      const done = await call('towns:linkGazetteer', {});
      setPreview(null);
      showBulkResult(
        toast,
        { changed: done.linked, auditId: done.auditId },
        {
          none: 'gazetteerLink.doneNone',
          done: 'gazetteerLink.done',
          undo: 'gazetteerLink.undo',
          undone: 'gazetteerLink.undone',
        },
        (auditId, options) => call('towns:linkGazetteerUndo', { auditId, ...options }),
        // The towns' screens follow by `data:changed`; a preview shown would be out of date.
        () => setPreview(null),
      );
      // Towns a colleague changed while the run judged them are left for a run on what they are now.
      if (done.changedMeanwhile > 0)
        toast({ kind: 'info', text: (i18n) => i18n.tn('gazetteerLink.changedMeanwhile', done.changedMeanwhile) });
    } catch (error) {
      toast(errorToast(error));
    } finally {
      setState('idle');
    }
  };

  const count = preview?.links.length ?? 0;
  const townList = (names: string[]) =>
    names.length > NAMED
      ? `${names.slice(0, NAMED).join(', ')} ${t('gazetteerLink.more', { count: formatNumber(names.length - NAMED) })}`
      : names.join(', ');
  const population = (row: Preview['links'][number]) =>
    row.fillsPopulation
      ? t('gazetteerLink.fills', { population: formatNumber(row.gazetteerPopulation) })
      : row.population === null
        ? '–'
        : t('gazetteerLink.keeps', { population: formatNumber(row.population) });

  return (
    <div className="card bk-card gl-card" data-testid="gazetteer-link">
      <h2>{t('gazetteerLink.title')}</h2>
      <p className="hint">{t('gazetteerLink.hint')}</p>
      <div className="gl-actions">
        <button
          type="button"
          className="button"
          disabled={busy || state === 'confirming'}
          aria-busy={state === 'checking'}
          onClick={() => void check()}
          data-testid="gazetteer-link-check"
        >
          {state === 'checking' ? t('gazetteerLink.checking') : t('gazetteerLink.check')}
        </button>
        {preview !== null && count > 0 && state !== 'confirming' && (
          <button
            type="button"
            className="button primary"
            disabled={busy || !preview.mayWrite}
            aria-busy={state === 'linking'}
            title={preview.mayWrite ? undefined : t('gazetteerLink.mayNotWrite')}
            onClick={() => setState('confirming')}
            data-testid="gazetteer-link-apply"
          >
            {state === 'linking' ? t('gazetteerLink.working') : tn('gazetteerLink.apply', count)}
          </button>
        )}
      </div>
      {loadError !== null && <ErrorNotice error={loadError} onRetry={() => void check()} />}
      {preview !== null && state === 'confirming' && (
        <Question
          label={tn('gazetteerLink.apply', count)}
          onCancel={() => setState('idle')}
          testId="gazetteer-link-question"
        >
          <span>
            {t('gazetteerLink.confirm', {
              count: formatNumber(count),
              fills: formatNumber(preview.fillsPopulation),
            })}
          </span>
          <button
            type="button"
            className="button primary"
            onClick={() => void link()}
            data-testid="gazetteer-link-confirm"
          >
            {t('gazetteerLink.confirmYes')}
          </button>
          <button type="button" className="button" onClick={() => setState('idle')} ref={focusOnShow}>
            {t('common.cancel')}
          </button>
        </Question>
      )}
      {preview !== null && (
        <div className="gl-preview" data-testid="gazetteer-link-preview">
          {!preview.mayWrite && (
            <p className="notice notice-warn" data-testid="gazetteer-link-read-only">
              {t('gazetteerLink.mayNotWrite')}
            </p>
          )}
          <p data-testid="gazetteer-link-summary">
            {t('gazetteerLink.summary', {
              unlinked: formatNumber(preview.unlinked),
              withoutPlace: formatNumber(preview.withoutPlace),
              count: formatNumber(count),
              fills: formatNumber(preview.fillsPopulation),
            })}
          </p>
          {count === 0 && <p className="hint">{t('gazetteerLink.none')}</p>}
          {count > 0 && (
            // Every town the run would link, to look through before linking (the CLI prints them too).
            <div className="gl-scroll" tabIndex={0} aria-label={t('gazetteerLink.title')}>
              <table className="bk-table" data-testid="gazetteer-link-table">
                <thead>
                  <tr>
                    <th>{t('gazetteerLink.col.town')}</th>
                    <th>{t('gazetteerLink.col.country')}</th>
                    <th className="num">{t('gazetteerLink.col.distance')}</th>
                    <th className="num">{t('gazetteerLink.col.population')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.links.map((row) => (
                    <tr key={row.townId} data-testid="gazetteer-link-row">
                      <td>{row.name}</td>
                      <td>{countryName(row.countryCode, language)}</td>
                      <td className="num">{t('gazetteerLink.km', { km: formatNumber(row.km) })}</td>
                      <td className="num">{population(row)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.ambiguous.length > 0 && (
            <p className="hint" data-testid="gazetteer-link-ambiguous">
              {t('gazetteerLink.ambiguous', {
                count: formatNumber(preview.ambiguous.reduce((sum, group) => sum + group.towns.length, 0)),
                towns: townList(preview.ambiguous.map((group) => group.towns.map((town) => town.name).join(' = '))),
              })}
            </p>
          )}
          {preview.held.length > 0 && (
            <p className="hint" data-testid="gazetteer-link-held">
              {t('gazetteerLink.held', {
                count: formatNumber(preview.held.length),
                towns: townList(
                  preview.held.map((town) =>
                    t('gazetteerLink.heldPair', { name: town.name, holder: town.heldBy.name }),
                  ),
                ),
              })}
            </p>
          )}
          {preview.severalNear > 0 && (
            <p className="hint">{t('gazetteerLink.severalNear', { count: formatNumber(preview.severalNear) })}</p>
          )}
        </div>
      )}
    </div>
  );
}

import { useState } from 'react';
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/domain/codes';
import { onRovingKeys, rovingTabIndex } from '../../lib/focus';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { useAction } from '../../components/useAction';
import { said } from '../../components/Toasts';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';
import { useLiveAsync } from '../../lib/useLiveAsync';
import { usePreferences } from '../../app/PreferencesContext';
import { BackupsSection } from './BackupsSection';
import { BinSection } from './BinSection';
import { UnusedTownsSection } from './UnusedTownsSection';
import { GazetteerLinkSection } from './GazetteerLinkSection';
import { ImportHistorySection } from './ImportHistorySection';
import { RegistrySection } from './RegistrySection';
import { RegistryTransfer } from './RegistryTransfer';

export function SettingsPage() {
  const { t, tk, formatNumber } = useI18n();
  const { preferences, update } = usePreferences();
  // Live: the record counts follow every change, a restored backup included (review D24).
  const info = useLiveAsync(() => call('app:info', {}), []);
  // A file or a server (issue 15): the database card, the backups and the connection profile follow it.
  const connection = useAsync(() => call('connection:status', {}), []);
  const onServer = connection.data?.kind === 'server';
  const { busy, run } = useAction();
  const [actor, setActor] = useState(preferences.actorName);
  const [actorMissing, setActorMissing] = useState(false);

  const loadDemo = () =>
    run(async () => {
      await call('app:loadDemo', {});
      info.reload();
      return said('settings.demoLoaded');
    });

  const empty = info.data !== undefined && (info.data.counts.municipalities ?? 0) === 0;

  return (
    <section className="page page-scroll">
      <PageHeader title={t('settings.title')} />
      <div className="settings-grid">
        <div className="card">
          <h2>{t('settings.language')}</h2>
          <div className="segmented" role="radiogroup" aria-label={t('settings.language')} onKeyDown={onRovingKeys}>
            {UI_LANGUAGES.map((language: UiLanguage) => (
              <button
                key={language}
                type="button"
                role="radio"
                aria-checked={preferences.language === language}
                tabIndex={rovingTabIndex(preferences.language === language)}
                className={preferences.language === language ? 'active' : ''}
                onClick={() => void update({ language })}
                data-testid={`language-${language}`}
              >
                {t(language === 'cs' ? 'settings.language.cs' : 'settings.language.en')}
              </button>
            ))}
          </div>
          <h2>{t('settings.actor')}</h2>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              // A blank name is not saved: the history would name the computer's account (walkthrough 27).
              if (actor.trim() === '') {
                setActorMissing(true);
                return;
              }
              void run(async () => {
                await update({ actorName: actor.trim() });
                return said('settings.saved');
              });
            }}
          >
            <input
              value={actor}
              maxLength={200}
              aria-label={t('settings.actor')}
              aria-invalid={actorMissing}
              aria-describedby={actorMissing ? 'settings-actor-missing' : undefined}
              onChange={(event) => {
                setActor(event.target.value);
                setActorMissing(false);
              }}
              data-testid="settings-actor"
            />
            <button type="submit" className="button">
              {t('common.save')}
            </button>
          </form>
          {actorMissing && (
            <p className="field-error" id="settings-actor-missing" role="alert" data-testid="settings-actor-missing">
              {t('settings.actorMissing')}
            </p>
          )}
          <p className="hint">{t('settings.actorHint')}</p>
        </div>

        <div className="card">
          <h2>{t('settings.database')}</h2>
          {info.status === 'error' && <ErrorNotice error={info.error} onRetry={info.reload} />}
          {info.data && (
            <>
              <dl className="facts" data-testid="database-facts">
                {onServer ? (
                  <>
                    <dt>{t('settings.registry.serverUrl')}</dt>
                    <dd className="mono">{info.data.databasePath}</dd>
                    <dt>{t('settings.registry.serverVersion')}</dt>
                    <dd>{connection.data?.server?.version ?? t('settings.registry.serverUnknown')}</dd>
                    <dt>{t('settings.registry.user')}</dt>
                    <dd>{connection.data?.server?.user ?? '–'}</dd>
                  </>
                ) : (
                  <>
                    <dt>{t('settings.databasePath')}</dt>
                    <dd className="mono">{info.data.databasePath}</dd>
                  </>
                )}
                <dt>{t('settings.schemaVersion')}</dt>
                <dd>{info.data.schemaVersion}</dd>
                <dt>{t('settings.appVersion')}</dt>
                <dd>{info.data.appVersion}</dd>
              </dl>
              <h3>{t('settings.counts')}</h3>
              <table className="counts" data-testid="table-counts">
                <tbody>
                  {Object.entries(info.data.counts).map(([table, count]) => (
                    <tr key={table}>
                      <td>{tk(`table.${table}`)}</td>
                      <td className="num">{formatNumber(count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>

        <div className="card">
          <h2>{t('settings.demo')}</h2>
          <p className="hint">{t(onServer ? 'settings.registry.noDemo' : 'settings.demoHint')}</p>
          <button
            type="button"
            className="button primary"
            disabled={busy || !empty || onServer}
            onClick={() => void loadDemo()}
          >
            {t('settings.loadDemo')}
          </button>
        </div>
        {connection.data && <RegistrySection status={connection.data} />}
        {connection.status === 'error' && (
          <div className="card reg-card">
            <h2>{t('settings.registry.title')}</h2>
            <ErrorNotice error={connection.error} onRetry={connection.reload} />
          </div>
        )}
        {connection.data && <BackupsSection server={onServer} />}
        <RegistryTransfer />
        <ImportHistorySection server={onServer} />
        <BinSection />
        <UnusedTownsSection />
        <GazetteerLinkSection />
      </div>
    </section>
  );
}

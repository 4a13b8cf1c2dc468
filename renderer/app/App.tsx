import { useEffect, useState } from 'react';
import { I18nProvider, useI18n } from '../lib/i18n';
import { Icon } from './icons';
import { PreferencesProvider, usePreferences } from './PreferencesContext';
import { ROUTES } from './routes';
import { DbStatusBanner } from '../features/settings/DbStatusBanner';
import { useHashRoute } from './useHashRoute';
import { KeptScreen } from './KeptScreen';
import { ToastsProvider } from '../components/Toasts';
import { isUndoKey, ownsUndo, undoLast } from '../lib/undo';

function Shell() {
  const { t, language } = useI18n();
  const [routeId, navigate] = useHashRoute('members');
  const route = ROUTES.find((r) => r.id === routeId) ?? ROUTES[0];
  // Screens kept alive once visited (derived while rendering: the active one joins at once).
  const [kept, setKept] = useState<readonly string[]>([]);
  if (route?.keepAlive && !kept.includes(route.id)) setKept([...kept, route.id]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [language, t]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isUndoKey(event) || ownsUndo(document.activeElement)) return;
      if (undoLast()) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <nav className="sidebar" aria-label={t('nav.main')}>
        <div className="brand">
          <span className="brand-mark">
            <Icon name="logo" size={26} />
          </span>
          <span className="brand-text">
            <strong>{t('app.name')}</strong>
            <small>{t('app.subtitle')}</small>
          </span>
        </div>
        <ul>
          {ROUTES.map((r) => (
            <li key={r.id}>
              <a
                href={`#/${r.id}`}
                className={r.id === route?.id ? 'active' : ''}
                aria-current={r.id === route?.id ? 'page' : undefined}
                data-testid={`nav-${r.id}`}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(r.id);
                }}
              >
                <Icon name={r.id} />
                <span>{t(r.label)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <DbStatusBanner />
        {!route?.keepAlive && route?.render()}
        {ROUTES.filter((r) => kept.includes(r.id)).map((r) => (
          <KeptScreen key={r.id} active={r.id === route?.id}>
            {r.render()}
          </KeptScreen>
        ))}
      </main>
    </div>
  );
}

function WithLanguage() {
  const { preferences, loaded } = usePreferences();
  if (!loaded) return null;
  return (
    <I18nProvider language={preferences.language}>
      <ToastsProvider>
        <Shell />
      </ToastsProvider>
    </I18nProvider>
  );
}

export function App() {
  return (
    <PreferencesProvider>
      <WithLanguage />
    </PreferencesProvider>
  );
}

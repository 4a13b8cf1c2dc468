import { Suspense, useEffect, useRef, useState } from 'react';
import { I18nProvider, useI18n } from '../lib/i18n';
import { onEvent } from '../lib/api';
import { Icon } from './icons';
import { PreferencesProvider, usePreferences } from './PreferencesContext';
import { ROUTES } from './routes';
import { DbStatusBanner } from '../features/settings/DbStatusBanner';
import { WelcomeDialog } from '../features/settings/WelcomeDialog';
import { useHashRoute } from './useHashRoute';
import { KeptScreen } from './KeptScreen';
import { ToastsProvider } from '../components/Toasts';
import { TownCardHost } from '../components/town-card-host';
import { ConnectionNotice, ServerConnectionNotice } from './ConnectionNotice';
import { RestoreNotice } from './RestoreNotice';
import { ImportHost } from './ImportHost';
import { installKeyboard, runCommand } from './keyboard';
import { withShortcut } from '../lib/shortcuts';
import { forgetUndo } from '../lib/undo';
import { useFocusRescue } from '../lib/focus';
import './app.css';

/** What a screen shows while its code loads (each screen but the first is loaded when opened). */
function ScreenLoading() {
  const { t } = useI18n();
  return (
    <div className="screen-loading" role="status" data-testid="screen-loading">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </div>
  );
}

function Shell() {
  const { t, language } = useI18n();
  const { preferences } = usePreferences();
  const [routeId, navigate] = useHashRoute('members');
  const route = ROUTES.find((r) => r.id === routeId) ?? ROUTES[0];
  // Screens kept alive once visited (derived while rendering: the active one joins at once).
  const [kept, setKept] = useState<readonly string[]>([]);
  // The welcome closed by Escape: asked again at the next start, not in this one.
  const [welcomeLater, setWelcomeLater] = useState(false);
  if (route?.keepAlive && !kept.includes(route.id)) setKept([...kept, route.id]);
  useEffect(() => route?.prefetch?.(), [route]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [language, t]);
  // Ctrl+N/S/F/Z, Esc and F1 (renderer/app/keyboard.ts); the Electron menu sends the same commands.
  useEffect(() => {
    const openHelp = () => navigate('help');
    const stopKeys = installKeyboard(openHelp);
    const stopMenu = onEvent('shell:command', ({ command }) => void runCommand(command, openHelp));
    // The registry put in place as a whole, here or in another window: this window's undos are of
    // changes that are not there any more (lib/undo.ts).
    const stopReplaced = onEvent('data:changed', ({ replaced }) => {
      if (replaced === true) forgetUndo();
    });
    return () => {
      stopKeys();
      stopMenu();
      stopReplaced();
    };
  }, [navigate]);
  const main = useRef<HTMLElement>(null);
  useFocusRescue(main);

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
                title={r.id === 'help' ? withShortcut(t(r.label), 'help') : undefined}
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
      <main className="content" ref={main} tabIndex={-1}>
        <ConnectionNotice />
        <ServerConnectionNotice />
        <DbStatusBanner />
        <RestoreNotice />
        {!route?.keepAlive && <Suspense fallback={<ScreenLoading />}>{route?.render()}</Suspense>}
        {ROUTES.filter((r) => kept.includes(r.id)).map((r) => (
          <KeptScreen key={r.id} active={r.id === route?.id}>
            <Suspense fallback={<ScreenLoading />}>{r.render()}</Suspense>
          </KeptScreen>
        ))}
      </main>
      {!preferences.welcomed && !welcomeLater && <WelcomeDialog onLater={() => setWelcomeLater(true)} />}
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
        <TownCardHost />
        <ImportHost />
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

import { useState } from 'react';
import { fieldIssues } from '../../../shared/domain/errors';
import { onRovingKeys, rovingTabIndex } from '../../lib/focus';
import {
  DEFAULT_SERVER_PORT,
  sameServer,
  serverProfileSchema,
  type RegistryKind,
  type ServerProfile,
} from '../../../shared/domain/registry-connection';
import type { OutputOf } from '../../../shared/ipc/contract';
import { Field } from '../../components/Field';
import { call } from '../../lib/api';
import { errorText, fieldErrors, issuesOfError } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import './registry.css';

type Status = OutputOf<'connection:status'>;
type Tested = OutputOf<'connection:test'>;

type Form = { host: string; port: string; database: string; user: string; password: string };

const formOf = (profile: ServerProfile | null): Form => ({
  host: profile?.host ?? '',
  port: String(profile?.port ?? DEFAULT_SERVER_PORT),
  database: profile?.database ?? '',
  user: profile?.user ?? '',
  password: '',
});

/** The form's values as the contract takes them (the port as a number; a blank one is invalid). */
const candidate = (form: Form) => ({
  host: form.host,
  port: form.port.trim() === '' ? Number.NaN : Number(form.port),
  database: form.database,
  user: form.user,
});

/** What a test answered, and for which values (a switch needs a passed test of the values shown). */
type Outcome = { key: string; tested: Tested } | { key: string; error: string };

/**
 * Settings ▸ Where the registry is (issue 15): the registry file (the default) or a registry on a
 * PostgreSQL server, with its connection profile. A server is tested before the app switches to
 * it; the password goes to core only (kept there as the host can: the system's secure store in the
 * desktop app, memory in the web preview, as the hint says) and never comes back. After a switch
 * the window loads again, as after a start, so that every screen shows the new registry.
 */
export function RegistrySection({ status }: { status: Status }) {
  const i18n = useI18n();
  const { t, tk } = i18n;
  const [kind, setKind] = useState<RegistryKind>(status.kind);
  const [form, setForm] = useState<Form>(() => formOf(status.profile));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<'test' | 'switch' | null>(null);

  const key = JSON.stringify(form);
  const set = (field: keyof Form) => (event: React.ChangeEvent<HTMLInputElement>) => {
    setForm({ ...form, [field]: event.target.value });
    setErrors({});
  };

  /** The profile when the form is valid; else its problems are shown under the fields. */
  const validProfile = (): ServerProfile | null => {
    const parsed = serverProfileSchema.safeParse(candidate(form));
    if (parsed.success) return parsed.data;
    setErrors(fieldErrors(fieldIssues(parsed.error), i18n));
    return null;
  };
  const withPassword = (profile: ServerProfile) =>
    form.password === '' ? { profile } : { profile, password: form.password };
  const problemOf = (error: unknown): string => {
    const issues = issuesOfError(error);
    if (issues.length > 0) {
      setErrors(
        fieldErrors(
          issues.map((issue) => ({ ...issue, path: issue.path.replace(/^profile\./, '') })),
          i18n,
        ),
      );
    }
    return errorText(error, i18n, (path) => tk(`settings.registry.${path.replace(/^profile\./, '')}`));
  };

  const test = async () => {
    const profile = validProfile();
    if (profile === null) return;
    setBusy('test');
    try {
      setOutcome({ key, tested: await call('connection:test', withPassword(profile)) });
    } catch (error) {
      setOutcome({ key, error: problemOf(error) });
    } finally {
      setBusy(null);
    }
  };

  const switchTo = async (input: Parameters<typeof call<'connection:switch'>>[1]) => {
    setBusy('switch');
    try {
      await call('connection:switch', input);
      // Every screen, cache and banner starts again on the new registry, as after a start.
      window.location.reload();
    } catch (error) {
      setOutcome({ key, error: problemOf(error) });
      setBusy(null);
    }
  };

  const passed =
    outcome !== null && outcome.key === key && 'tested' in outcome && outcome.tested.outcome === 'connected';
  const sameAsOpen =
    status.kind === 'server' &&
    status.profile !== null &&
    form.password === '' &&
    JSON.stringify(candidate(form)) === JSON.stringify(status.profile);

  const outcomeText = (shown: Outcome): string => {
    if ('error' in shown) return shown.error;
    const { tested } = shown;
    const said = tk(`settings.registry.outcome.${tested.outcome}`, {
      version: tested.serverVersion ?? '',
      user: tested.user ?? '',
    });
    const schema =
      tested.outcome === 'connected' && tested.schema !== null
        ? ` ${tk(`settings.registry.schema.${tested.schema}`)}`
        : '';
    return `${said}${schema}`;
  };
  const ok = outcome !== null && 'tested' in outcome && outcome.tested.outcome === 'connected';

  return (
    <div className="card reg-card" data-testid="registry-connection">
      <h2>{t('settings.registry.title')}</h2>
      <p className="reg-open" data-testid="registry-open">
        <span className="reg-label">{t('settings.registry.open')}:</span>{' '}
        <span className="mono">
          {t(status.kind === 'server' ? 'settings.registry.open.server' : 'settings.registry.open.file', {
            location: status.location,
          })}
        </span>
      </p>
      <div className="segmented" role="radiogroup" aria-label={t('settings.registry.kind')} onKeyDown={onRovingKeys}>
        {(['file', 'server'] as const).map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={kind === option}
            tabIndex={rovingTabIndex(kind === option)}
            className={kind === option ? 'active' : ''}
            onClick={() => setKind(option)}
            data-testid={`registry-kind-${option}`}
          >
            {t(option === 'file' ? 'settings.registry.kind.file' : 'settings.registry.kind.server')}
          </button>
        ))}
      </div>

      {kind === 'file' && (
        <div className="reg-body">
          <p className="hint">{t('settings.registry.fileHint')}</p>
          {status.fileLocation === null ? (
            <p className="hint" data-testid="registry-no-file">
              {t('settings.registry.noFileHere')}
            </p>
          ) : status.kind === 'file' ? (
            <p className="hint">{t('settings.registry.isOpen')}</p>
          ) : (
            <div className="reg-actions">
              <span className="mono reg-file">{status.fileLocation}</span>
              <button
                type="button"
                className="button primary"
                disabled={busy !== null}
                onClick={() => void switchTo({ kind: 'file' })}
                data-testid="registry-switch-file"
              >
                {busy === 'switch' ? t('settings.registry.switching') : t('settings.registry.switchFile')}
              </button>
            </div>
          )}
          {outcome !== null && 'error' in outcome && (
            <p className="notice notice-error" role="alert" data-testid="registry-outcome">
              {outcome.error}
            </p>
          )}
        </div>
      )}

      {kind === 'server' && (
        <form
          className="reg-body"
          autoComplete="off"
          onSubmit={(event) => {
            event.preventDefault();
            void test();
          }}
        >
          <p className="hint">{t('settings.registry.serverHint')}</p>
          <div className="reg-fields">
            <Field label={t('settings.registry.host')} htmlFor="reg-host" error={errors.host}>
              <input
                id="reg-host"
                value={form.host}
                onChange={set('host')}
                spellCheck={false}
                data-testid="registry-host"
              />
            </Field>
            <Field label={t('settings.registry.port')} htmlFor="reg-port" error={errors.port}>
              <input
                id="reg-port"
                value={form.port}
                onChange={set('port')}
                inputMode="numeric"
                data-testid="registry-port"
              />
            </Field>
            <Field label={t('settings.registry.database')} htmlFor="reg-database" error={errors.database}>
              <input
                id="reg-database"
                value={form.database}
                onChange={set('database')}
                spellCheck={false}
                data-testid="registry-database"
              />
            </Field>
            <Field label={t('settings.registry.user')} htmlFor="reg-user" error={errors.user}>
              <input
                id="reg-user"
                value={form.user}
                onChange={set('user')}
                spellCheck={false}
                data-testid="registry-user"
              />
            </Field>
            <Field label={t('settings.registry.password')} htmlFor="reg-password" error={errors.password}>
              <input
                id="reg-password"
                type="password"
                autoComplete="new-password"
                value={form.password}
                onChange={set('password')}
                data-testid="registry-password"
              />
            </Field>
          </div>
          <p className="hint reg-password-hint" data-testid="registry-password-hint">
            {status.passwordSaved && sameServer(status.profile, candidate(form))
              ? tk(`settings.registry.passwordSaved.${status.passwordKeeping}`)
              : tk(`settings.registry.keeping.${status.passwordKeeping}`)}
          </p>
          <div className="reg-actions">
            <button type="submit" className="button" disabled={busy !== null} data-testid="registry-test">
              {busy === 'test' ? t('settings.registry.testing') : t('settings.registry.test')}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={busy !== null || !passed || sameAsOpen}
              title={passed ? undefined : t('settings.registry.switchHint')}
              onClick={() => {
                const profile = validProfile();
                if (profile !== null) void switchTo({ kind: 'server', ...withPassword(profile) });
              }}
              data-testid="registry-switch-server"
            >
              {busy === 'switch' ? t('settings.registry.switching') : t('settings.registry.switchServer')}
            </button>
            {sameAsOpen && <span className="hint reg-inline-hint">{t('settings.registry.isOpen')}</span>}
          </div>
          {outcome !== null && outcome.key === key && (
            <p
              className={`notice ${ok ? 'notice-ok' : 'notice-error'}`}
              role={ok ? 'status' : 'alert'}
              data-testid="registry-outcome"
              data-outcome={'tested' in outcome ? outcome.tested.outcome : 'error'}
            >
              {outcomeText(outcome)}
            </p>
          )}
          {outcome !== null && 'tested' in outcome && outcome.key === key && outcome.tested.detail !== null && (
            <p className="hint mono reg-detail">{outcome.tested.detail}</p>
          )}
        </form>
      )}
    </div>
  );
}

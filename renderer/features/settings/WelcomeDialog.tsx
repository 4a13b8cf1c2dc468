import { useRef, useState } from 'react';
import { Dialog } from '../../components/dialogs';
import './welcome.css';
import { errorToast, useToast } from '../../components/Toasts';
import { usePreferences } from '../../app/PreferencesContext';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';

/**
 * The first start: asks for the name the record history writes as the author of changes, and says
 * what the demo data is and how it goes. Answered or skipped, it is not shown again (`welcomed`);
 * the name can be changed in Settings. Closed by Escape (or ×) it is put off until the next start
 * (`onLater`): a key pressed to get at the screen is not an answer.
 */
export function WelcomeDialog({ onLater }: { onLater: () => void }) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const toast = useToast();
  const { preferences, update } = usePreferences();
  const [name, setName] = useState(preferences.actorName);
  const [busy, setBusy] = useState(false);
  // "Save and start" with no name would save nothing: it asks for one ("Skip" is the way without).
  const [missing, setMissing] = useState(false);
  const nameField = useRef<HTMLInputElement>(null);
  const demo = useAsync(() => call('demo:status', {}), []);
  const demoCounts = demo.data && demo.data.removable > 0 ? demo.data.counts : null;

  const finish = async (patch: { actorName?: string }) => {
    setBusy(true);
    try {
      await update({ ...patch, welcomed: true });
    } catch (error) {
      toast(errorToast(error));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('welcome.title')}
      onClose={onLater}
      unsaved={name.trim() !== preferences.actorName.trim()}
      testId="welcome-dialog"
      footer={
        <>
          <button
            type="button"
            className="button"
            onClick={() => void finish({})}
            disabled={busy}
            data-testid="welcome-skip"
          >
            {t('welcome.skip')}
          </button>
          <button
            type="submit"
            form="welcome-form"
            className="button primary"
            disabled={busy}
            data-testid="welcome-save"
          >
            {t('welcome.start')}
          </button>
        </>
      }
    >
      <form
        id="welcome-form"
        className="welcome"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === '') {
            setMissing(true);
            nameField.current?.focus();
            return;
          }
          void finish({ actorName: name.trim() });
        }}
      >
        <p>{t('welcome.intro')}</p>
        <label className="welcome-field">
          <span>{t('welcome.nameLabel')}</span>
          <input
            ref={nameField}
            value={name}
            maxLength={200}
            autoFocus
            onChange={(event) => {
              setName(event.target.value);
              setMissing(false);
            }}
            aria-invalid={missing}
            aria-describedby={missing ? 'welcome-name-missing' : undefined}
            data-testid="welcome-name"
          />
        </label>
        {missing && (
          <p className="field-error" id="welcome-name-missing" role="alert" data-testid="welcome-name-missing">
            {t('welcome.nameMissing')}
          </p>
        )}
        <p className="hint">{t('welcome.nameHint')}</p>
        {demoCounts && (
          <div className="welcome-demo" data-testid="welcome-demo">
            <h3>{t('welcome.demoTitle')}</h3>
            <p>
              {t('welcome.demoBody', {
                municipalities: formatNumber(demoCounts.municipalities),
                partnerships: formatNumber(demoCounts.partnerships),
              })}
            </p>
          </div>
        )}
        <p className="hint">{t('welcome.helpHint')}</p>
      </form>
    </Dialog>
  );
}

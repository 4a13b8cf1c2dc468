import type { MessageKey } from '../../../shared/i18n/index';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../lib/i18n';

/** A screen a later version fills; it says so to the user instead of showing nothing. */
export function PlaceholderPage({ title, what }: { title: MessageKey; what: MessageKey }) {
  const { t } = useI18n();
  return (
    <section className="page">
      <PageHeader title={t(title)} />
      <div className="placeholder card" data-testid="placeholder">
        <h2>{t('placeholder.title')}</h2>
        <p>{t('placeholder.body', { what: t(what) })}</p>
      </div>
    </section>
  );
}

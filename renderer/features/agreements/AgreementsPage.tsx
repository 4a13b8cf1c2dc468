import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../lib/i18n';
import { ArticleEditsPanel } from './ArticleEditsPanel';
import { BatchPanel } from './BatchPanel';
import { DocxPreview } from './DocxPreview';
import { DraftFormPanel } from './DraftFormPanel';
import { DraftsList } from './DraftsList';
import { SavePanel } from './SavePanel';
import { SourcePanel } from './SourcePanel';
import { useAgreementDraft } from './useAgreementDraft';
import './agreements.css';

/** The Agreements screen: choose, edit, see what is missing, preview, save; drafts and batch. */
export function AgreementsPage() {
  const { t } = useI18n();
  const draft = useAgreementDraft();
  const { sources, partnerships, request, preview, error, setError, partnershipId, draftsTick } = draft;
  return (
    <section className="page page-scroll agreements-page">
      <PageHeader title={t('agreements.title')} />
      <p className="hint">{t('agreements.intro')}</p>
      {sources.status === 'error' && <ErrorNotice error={sources.error} onRetry={sources.reload} />}
      <div className="agreements-layout">
        <div className="agreements-form">
          <SourcePanel draft={draft} />
          <DraftFormPanel draft={draft} />
          <ArticleEditsPanel draft={draft} />
        </div>
        <div className="agreements-side">
          <SavePanel draft={draft} />
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

import { AGREEMENT_LAYOUTS, AGREEMENT_TEMPLATES, PREAMBLES } from '../../../shared/domain/codes';
import { PARTNER_LANGUAGES } from '../../../shared/domain/agreements/model';
import { SCRIPT_OF } from '../../../shared/domain/agreements/transliteration';
import { CodeSelect } from '../../components/Field';
import { useI18n } from '../../lib/i18n';
import { withItem } from '../../lib/lists';
import type { AgreementDraft } from './useAgreementDraft';
import { PartyEditor } from './PartyEditor';
import { openTownCard } from '../../components/town-card-host';

/** A whole number typed into a count (years, months, originals): at least two, else two. */
const countOf = (text: string): number => Math.max(2, Math.round(Number(text) || 2));

/** The draft's choices (template, languages, layout, preambles, clauses, terms) and both parties. */
export function DraftFormPanel({ draft }: { draft: AgreementDraft }) {
  const { t, tk } = useI18n();
  const { request, catalog, update, updateFields, partnerTownId } = draft;
  if (request === null || catalog === null) return null;
  return (
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
        {SCRIPT_OF[request.language] === 'cyrillic' && (
          <label className="check">
            <input
              type="checkbox"
              data-testid="agreement-latin-in-brackets"
              checked={request.latinInBrackets === true}
              onChange={(e) => update({ latinInBrackets: e.target.checked })}
            />
            {t('agreements.latinInBrackets')}
          </label>
        )}
        <h3>{t('agreements.preambles')}</h3>
        <div className="checks">
          {PREAMBLES.map((p) => (
            <label key={p} className="check">
              <input
                type="checkbox"
                checked={request.preambles.includes(p)}
                onChange={(e) => update({ preambles: withItem(request.preambles, p, e.target.checked) })}
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
                    onChange={(e) => update({ omit: withItem(request.omit, o.id, !e.target.checked) })}
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
                onChange={(e) => updateFields({ duration: e.target.value === 'fixed' ? 'fixed' : 'indefinite' })}
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
                    onChange={(e) => updateFields({ validUntil: e.target.value === '' ? null : e.target.value })}
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
                    onChange={(e) => updateFields({ termYears: countOf(e.target.value) })}
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
                onChange={(e) => updateFields({ entry: e.target.value === 'approval' ? 'approval' : 'signature' })}
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
                onChange={(e) => updateFields({ noticeMonths: countOf(e.target.value) })}
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
              onChange={(e) => updateFields({ originals: countOf(e.target.value) })}
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
        {partnerTownId !== null && (
          <p className="muted agreement-card-hint" data-testid="agreement-card-hint">
            {t('agreements.cardHint')}{' '}
            <button
              type="button"
              className="link-button"
              data-testid="agreement-open-card"
              onClick={() => openTownCard(partnerTownId)}
            >
              {t('towns.card.open')}
            </button>
          </p>
        )}
      </div>
    </>
  );
}

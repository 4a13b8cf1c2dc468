import { StrictDayInput } from '../../components/DayInput';
import { AGREEMENT_LAYOUTS, AGREEMENT_TEMPLATES, PREAMBLES } from '../../../shared/domain/codes';
import { PARTNER_LANGUAGES } from '../../../shared/domain/agreements/model';
import { SCRIPT_OF } from '../../../shared/domain/agreements/transliteration';
import { countersignatureOf } from '../../../shared/domain/agreements/countersignatures';
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
  const { t, tk, language } = useI18n();
  const { request, catalog, catalogs, update, updateFields, partnerTownId, earlierContact } = draft;
  if (request === null || catalog === null) return null;
  const countersign = countersignatureOf(request.fields.partner.mayorOffice);
  // The places offered for the signature, the partner by its name as the form now spells it
  // ("SAN GIMIGNANO" corrected to "San Gimignano"); both sides are offered both towns.
  const registryName = draft.partnerTown?.name ?? null;
  const places = [
    ...new Set(
      draft.placeSuggestions
        .map((place) => (place === registryName ? request.fields.partner.name.trim() : place))
        .filter((place) => place !== ''),
    ),
  ];
  const shares = request.fields.budgetShares ?? { cz: '', partner: '' };
  const oddOriginals = request.fields.originals % 2 !== 0;
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
              onChange={(template) =>
                template &&
                update({
                  template,
                  // A new template starts with its own optional articles (those off by default left
                  // out) and its own preambles: a project agreement opened with the partnership's.
                  omit: (catalogs?.[template].optional ?? []).filter((o) => o.offByDefault).map((o) => o.id),
                  preambles: (catalogs?.[template].defaultPreambles ?? []).filter(
                    (p) => earlierContact || p !== 'earlier_friendship',
                  ),
                })
              }
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
        <label className="check" title={t('agreements.annex.hint')}>
          <input
            type="checkbox"
            data-testid="agreement-annex"
            checked={request.annex === true}
            onChange={(e) => update({ annex: e.target.checked })}
          />
          {t('agreements.annex')}
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
                    data-testid={`agreement-article-${o.id}`}
                    checked={!request.omit.includes(o.id)}
                    onChange={(e) => update({ omit: withItem(request.omit, o.id, !e.target.checked) })}
                  />
                  {language === 'en' ? o.headingEn : o.heading}
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
                value={request.fields.durationStated === false ? '' : request.fields.duration}
                aria-invalid={request.fields.durationStated === false ? true : undefined}
                onChange={(e) =>
                  updateFields({ duration: e.target.value === 'fixed' ? 'fixed' : 'indefinite', durationStated: true })
                }
                data-testid="agr-duration"
              >
                {/* The partnership's record does not state the term: nothing is chosen until the user does. */}
                {request.fields.durationStated === false && (
                  <option value="" disabled>
                    {t('agreements.duration.notStated')}
                  </option>
                )}
                <option value="indefinite">{t('agreements.duration.indefinite')}</option>
                <option value="fixed">{t('agreements.duration.fixed')}</option>
              </select>
            </div>
            {request.fields.duration === 'fixed' && (
              <>
                <div className="field">
                  <label htmlFor="agr-until">{t('agreements.validUntil')}</label>
                  <StrictDayInput
                    id="agr-until"
                    data-testid="agr-until"
                    value={request.fields.validUntil}
                    onChange={(day) => updateFields({ validUntil: day })}
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
          <div className={`field${oddOriginals ? ' field-invalid' : ''}`}>
            <label htmlFor="agr-originals">{t('agreements.originals')}</label>
            <input
              id="agr-originals"
              type="number"
              min={2}
              max={20}
              step={2}
              aria-invalid={oddOriginals}
              aria-describedby={oddOriginals ? 'agr-originals-error' : undefined}
              value={request.fields.originals}
              onChange={(e) => updateFields({ originals: countOf(e.target.value) })}
            />
            {/* Each party receives the same number (review C14): an odd number is said here, not saved. */}
            {oddOriginals && (
              <span className="field-error" role="alert" id="agr-originals-error" data-testid="error-agr-originals">
                {t('validation.originalsEven')}
              </span>
            )}
          </div>
        </div>
        {request.template === 'project' && (
          <>
            <div className="agreement-row">
              <div className="field">
                <label htmlFor="agr-project">{t('agreements.projectName')}</label>
                <input
                  id="agr-project"
                  value={request.fields.projectName}
                  onChange={(e) => updateFields({ projectName: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor="agr-programme">{t('agreements.programme')}</label>
                <input
                  id="agr-programme"
                  data-testid="agreement-programme"
                  placeholder={t('agreements.programme.hint')}
                  value={request.fields.programme ?? ''}
                  onChange={(e) => updateFields({ programme: e.target.value })}
                />
              </div>
            </div>
            <div className="agreement-row agreement-row-bottom">
              <div className="field">
                <label htmlFor="agr-lead">{t('agreements.leadPartner')}</label>
                <select
                  id="agr-lead"
                  data-testid="agreement-lead-partner"
                  value={request.fields.leadPartner ?? ''}
                  onChange={(e) =>
                    updateFields({
                      leadPartner: e.target.value === 'cz' ? 'cz' : e.target.value === 'partner' ? 'partner' : null,
                    })
                  }
                >
                  <option value="">{t('agreements.leadPartner.none')}</option>
                  <option value="cz">{request.fields.cz.name || t('agreements.side.cz')}</option>
                  <option value="partner">{request.fields.partner.name || t('agreements.side.partner')}</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="agr-share-cz">{t('agreements.budgetShare.cz')}</label>
                <input
                  id="agr-share-cz"
                  data-testid="agreement-share-cz"
                  placeholder={t('agreements.budgetShare.hint')}
                  value={shares.cz}
                  onChange={(e) => updateFields({ budgetShares: { ...shares, cz: e.target.value } })}
                />
              </div>
              <div className="field">
                <label htmlFor="agr-share-partner">{t('agreements.budgetShare.partner')}</label>
                <input
                  id="agr-share-partner"
                  data-testid="agreement-share-partner"
                  placeholder={t('agreements.budgetShare.hint')}
                  value={shares.partner}
                  onChange={(e) => updateFields({ budgetShares: { ...shares, partner: e.target.value } })}
                />
              </div>
            </div>
          </>
        )}
      </div>
      <div className="card agreement-parties">
        <PartyEditor
          side="cz"
          kindUnknown={draft.czKindUnknown}
          placeSuggestions={places}
          party={request.fields.cz}
          language={request.language}
          showResolution={catalog.variants.includes('entry')}
          onChange={(cz) => updateFields({ cz })}
        />
        <PartyEditor
          side="partner"
          partnerTown={draft.partnerTown}
          placeSuggestions={places}
          party={request.fields.partner}
          language={request.language}
          showResolution={catalog.variants.includes('entry')}
          onChange={(partner) => updateFields({ partner })}
        />
        {countersign !== null && (
          <div className="agreement-countersign" data-testid="agreement-countersign">
            <label className="check">
              <input
                type="checkbox"
                data-testid="agreement-countersign-check"
                checked={request.fields.countersignature !== undefined}
                onChange={(e) =>
                  updateFields({
                    countersignature: e.target.checked
                      ? { name: request.fields.countersignature?.name ?? '' }
                      : undefined,
                  })
                }
              />
              {tk(`agreements.countersign.${countersign}`)}
            </label>
            {request.fields.countersignature !== undefined && (
              <div className="field">
                <label htmlFor="agr-countersign-name">{t('agreements.countersign.name')}</label>
                <input
                  id="agr-countersign-name"
                  data-testid="agreement-countersign-name"
                  value={request.fields.countersignature.name}
                  onChange={(e) => updateFields({ countersignature: { name: e.target.value } })}
                />
              </div>
            )}
          </div>
        )}
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

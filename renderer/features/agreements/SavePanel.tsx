import { useI18n } from '../../lib/i18n';
import type { AgreementDraft } from './useAgreementDraft';
import { openTownCard } from '../../components/town-card-host';

/** The labels of the municipality's fields a saved draft may fill (`memberFilled`). */
const MEMBER_FIELD_LABEL: Record<string, string> = {
  street: 'members.col.street',
  postalCode: 'members.col.postalCode',
  ico: 'members.col.ico',
  mayorName: 'members.col.mayor',
  mayorGender: 'members.col.mayorGender',
  kind: 'members.col.kind',
};
import { withShortcut } from '../../lib/shortcuts';
import { partnerIdLabel } from './id-label';
import { Question, focusOnShow } from '../../components/Question';

/** Labels as a list inside a sentence that ends with its own full stop ("Ulice a č. p.." had two). */
const listed = (labels: string[]): string => labels.join(', ').replace(/\.$/, '');

/** The questions beside the Save button (missing data, a final text, a file that exists) give Save the focus back. */
const toSave = () => document.querySelector<HTMLElement>('[data-testid="agreement-save"]');

/** What the draft still lacks, and saving it (with the confirmations a save may ask for). */
export function SavePanel({ draft }: { draft: AgreementDraft }) {
  const { t, tk, tn, language } = useI18n();
  const {
    request,
    update,
    preview,
    warnings,
    partyName,
    refreshPreview,
    busy,
    save,
    pending,
    setPending,
    saved,
    partnerTownId,
  } = draft;
  if (request === null) return null;
  return (
    <div className="card" data-testid="agreement-missing">
      <h2>{t('agreements.missing.title')}</h2>
      {preview === null ? null : warnings.length === 0 ? (
        <p className="notice notice-ok">{t('agreements.missing.none')}</p>
      ) : (
        <>
          <ul className="agreement-missing">
            {warnings.map((w) => (
              <li key={w.path}>
                {partyName(w.side) !== undefined && <strong>{`${partyName(w.side) ?? ''}: `}</strong>}
                {(w.field === 'idNumber' && w.side === 'partner'
                  ? partnerIdLabel(request.fields.partner, language, (label) =>
                      t('agreements.field.idNumberNamed', { label }),
                    )
                  : null) ?? tk(`agreements.missing.${w.field}`)}
              </li>
            ))}
          </ul>
          <p className="hint">{t('agreements.missing.hint')}</p>
        </>
      )}
      <div className="agreement-save-options">
        <label className="check">
          <input
            type="checkbox"
            data-testid="agreement-final"
            checked={request.final === true}
            onChange={(e) => update({ final: e.target.checked })}
          />
          {t('agreements.final')}
        </label>
        <p className="hint">{t('agreements.final.hint')}</p>
        <label className="check">
          <input
            type="checkbox"
            data-testid="agreement-pair"
            checked={request.pair === true}
            onChange={(e) => update({ pair: e.target.checked })}
          />
          {t('agreements.pair')}
        </label>
        <p className="hint">{t('agreements.pair.hint')}</p>
      </div>
      <div className="page-actions">
        <button
          type="button"
          className="button"
          data-testid="agreement-preview-button"
          onClick={() => refreshPreview(request)}
        >
          {t('agreements.preview')}
        </button>
        <button
          type="button"
          className="button primary"
          data-testid="agreement-save"
          data-shortcut="save"
          title={withShortcut(t('agreements.save'), 'save')}
          disabled={busy || request.fields.originals % 2 !== 0}
          onClick={() => void save({ acceptMissing: false })}
        >
          {t('agreements.save')}
        </button>
      </div>
      {pending?.kind === 'missing' && (
        <Question testId="agreement-confirm" onCancel={() => setPending(null)} returnFocus={toSave}>
          <span>{tn('agreements.confirmMissing', warnings.length)}</span>
          <button
            type="button"
            className="button primary"
            // The question takes the focus (Enter answers it): it was 97 Tabs away from the keyboard.
            ref={focusOnShow}
            onClick={() => void save({ acceptMissing: true })}
            data-testid="agreement-confirm-save"
          >
            {/* Says what it does, not a second "Export DOCX…" under the first (walkthrough 26, 10a). */}
            {t('agreements.saveAnyway')}
          </button>
          <button type="button" className="button" onClick={() => setPending(null)}>
            {t('common.cancel')}
          </button>
        </Question>
      )}
      {pending?.kind === 'finalIncomplete' && (
        // A final text with yellow markers would look like a text to sign: only a draft is offered.
        <Question testId="agreement-confirm-final" onCancel={() => setPending(null)} returnFocus={toSave}>
          <span>{tn('agreements.finalIncomplete', warnings.length)}</span>
          <button
            type="button"
            className="button primary"
            ref={focusOnShow}
            onClick={() => void save({ acceptMissing: true }, true)}
            data-testid="agreement-save-as-draft"
          >
            {t('agreements.saveAsDraft')}
          </button>
          <button type="button" className="button" onClick={() => setPending(null)}>
            {t('common.cancel')}
          </button>
        </Question>
      )}
      {pending?.kind === 'overwrite' && (
        <Question testId="agreement-confirm-overwrite" onCancel={() => setPending(null)} returnFocus={toSave}>
          <span>{t('agreements.confirmOverwrite', { file: pending.files.join(', ') })}</span>
          <button
            type="button"
            className="button danger"
            onClick={() => void save({ acceptMissing: true, overwrite: true, filePath: pending.filePath })}
          >
            {t('agreements.replace')}
          </button>
          {/* Replacing a file is the dangerous answer: the focus is on keeping it. */}
          <button type="button" className="button" ref={focusOnShow} onClick={() => setPending(null)}>
            {t('common.cancel')}
          </button>
        </Question>
      )}
      {saved !== null && (
        <p className="notice notice-ok" data-testid="agreement-saved">
          {t('agreements.saved', { file: saved.filePath })}
          {saved.pairFilePath !== null && (
            <>
              <br />
              {/* The partner's original by its real name (it is saved beside the chosen file). */}
              <span data-testid="agreement-saved-pair">
                {t('agreements.savedPair', { name: request.fields.partner.name, file: saved.pairFilePath })}
              </span>
            </>
          )}
          {saved.memberFilled.length > 0 && (
            <>
              <br />
              <span data-testid="agreement-member-filled">
                {t('agreements.savedToMember', {
                  name: request.fields.cz.name,
                  fields: listed(saved.memberFilled.map((field) => tk(MEMBER_FIELD_LABEL[field] ?? field))),
                })}
              </span>
            </>
          )}
          {saved.partnershipFilled.length > 0 && (
            <>
              <br />
              <span data-testid="agreement-partnership-filled">
                {t('agreements.savedToPartnership', {
                  fields: listed(saved.partnershipFilled.map((field) => tk(`partnerships.field.${field}`))),
                })}
              </span>
            </>
          )}
          {saved.notKept.map((item) => (
            // What a record did not take is said beside what it did, with the reason (it was dropped without a word).
            <span key={`${item.target}.${item.field}`} className="agreement-not-kept" data-testid="agreement-not-kept">
              <br />
              {t(item.target === 'member' ? 'agreements.notKept.member' : 'agreements.notKept.partnership', {
                name: request.fields.cz.name,
                field:
                  item.target === 'member'
                    ? tk(MEMBER_FIELD_LABEL[item.field] ?? item.field)
                    : tk(`partnerships.field.${item.field}`),
                reason: tk(item.reason, item.params),
              })}
            </span>
          ))}
          {saved.townCardFilled.length > 0 && partnerTownId !== null && (
            <>
              <br />
              <span data-testid="agreement-card-filled">
                {t('agreements.savedToCard', {
                  // The card by its own name (a draft may name the town otherwise: "Gogolin" named
                  // another card), unless the draft corrected that name on it.
                  name:
                    saved.townCardFilled.includes('name') || draft.partnerTown === null
                      ? request.fields.partner.name
                      : draft.partnerTown.name,
                  fields: listed(saved.townCardFilled.map((field) => tk(`towns.field.${field}`))),
                })}
              </span>{' '}
              <button type="button" className="link-button" onClick={() => openTownCard(partnerTownId)}>
                {t('towns.card.open')}
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}

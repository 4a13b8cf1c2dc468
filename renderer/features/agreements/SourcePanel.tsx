import { compareCzech } from '../../../shared/domain/text';
import { useI18n } from '../../lib/i18n';
import type { AgreementDraft } from './useAgreementDraft';
import { PartnershipPicker } from './PartnershipPicker';

/** Where the draft's data comes from: a registered partnership, or a member and a foreign town. */
export function SourcePanel({ draft }: { draft: AgreementDraft }) {
  const { t, tk } = useI18n();
  const { sources, partnerships, mode, setMode, source, setSource, memberId, setMemberId, townId, setTownId } = draft;
  return (
    <div className="card">
      <h2>{t('agreements.source')}</h2>
      <div className="segmented" role="group">
        {(['partnership', 'pair'] as const).map((m) => (
          <button key={m} type="button" className={mode === m ? 'active' : ''} onClick={() => setMode(m)}>
            {tk(`agreements.source.${m}`)}
          </button>
        ))}
      </div>
      {mode === 'partnership' ? (
        <PartnershipPicker
          partnerships={partnerships}
          value={source && 'partnershipId' in source ? source.partnershipId : null}
          onChange={(id) => setSource(id === null ? null : { partnershipId: id })}
        />
      ) : (
        <div className="agreement-row">
          <div className="field">
            <label htmlFor="agr-member">{t('agreements.member')}</label>
            <select
              id="agr-member"
              value={memberId ?? ''}
              onChange={(e) => {
                const next = e.target.value === '' ? null : Number(e.target.value);
                setMemberId(next);
                if (next !== null && townId !== null) setSource({ municipalityId: next, foreignTownId: townId });
              }}
            >
              <option value="">{t('agreements.choose')}</option>
              {[...(sources.data?.members ?? [])]
                .sort((a, b) => compareCzech(a.name, b.name))
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
            </select>
            {sources.data !== undefined && sources.data.members.length === 0 && (
              // An imported registry has no member marked yet: the list is empty for a reason.
              <span className="field-hint" data-testid="agreement-no-members">
                {t('agreements.noMembers')}
              </span>
            )}
          </div>
          <div className="field">
            <label htmlFor="agr-town">{t('agreements.town')}</label>
            <select
              id="agr-town"
              value={townId ?? ''}
              onChange={(e) => {
                const next = e.target.value === '' ? null : Number(e.target.value);
                setTownId(next);
                if (next !== null && memberId !== null) setSource({ municipalityId: memberId, foreignTownId: next });
              }}
            >
              <option value="">{t('agreements.choose')}</option>
              {[...(sources.data?.towns ?? [])]
                .sort((a, b) => compareCzech(a.name, b.name))
                .map((town) => (
                  <option key={town.id} value={town.id}>
                    {`${town.name} (${town.countryCode})`}
                  </option>
                ))}
            </select>
          </div>
        </div>
      )}
    </div>
  );
}

import { countryName } from '../../../shared/domain/countries';
import type { TownSuggestion } from '../../../shared/domain/partnerships';
import type { RequestRow } from '../../../shared/domain/request-rules';
import { ErrorNotice } from '../../components/ErrorNotice';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';

/**
 * Towns of the gazetteer a member seeking a partner could write to (`requests:suggestTowns`), each
 * with its reason: no Czech partner yet, the distance (only when the member's position is known),
 * the population the gazetteer states, and themes shared with the town's own request. Choosing one
 * opens the conversion with that town already picked.
 */
export function GazetteerTowns({ row, onPick }: { row: RequestRow; onPick: (town: TownSuggestion) => void }) {
  const { t, tk, language, formatNumber } = useI18n();
  const towns = useAsync(() => call('requests:suggestTowns', { id: row.id }), [row.id, row.version]);
  if (towns.status === 'error') return <ErrorNotice error={towns.error} onRetry={towns.reload} />;
  if (towns.status === 'loading')
    return (
      <p className="empty-note" role="status" data-testid="gazetteer-loading">
        <span className="spinner" aria-hidden="true" /> {t('requests.towns.loading')}
      </p>
    );
  const found = towns.data;
  return (
    <div data-testid="gazetteer-towns">
      <p className="note">{t('requests.towns.hint')}</p>
      {found.length > 0 && found.every((s) => s.distanceKm === null) && (
        <p className="note" data-testid="gazetteer-no-position">
          {t('requests.towns.noPosition')}
        </p>
      )}
      {found.length === 0 ? (
        <p className="empty-note">{t('requests.towns.none')}</p>
      ) : (
        <ol className="r-suggestions r-towns">
          {found.map(({ town, distanceKm, commonThemes, requestId }) => {
            const reason = [
              t('requests.towns.noPartner'),
              distanceKm === null ? null : t('requests.towns.distance', { km: formatNumber(distanceKm) }),
              town.population === null
                ? null
                : t('requests.towns.population', { count: formatNumber(town.population) }),
              requestId === null ? null : t('requests.towns.seeksToo'),
              commonThemes.length === 0
                ? null
                : t('requests.towns.commonThemes', { themes: commonThemes.map((a) => tk(`area.${a}`)).join(', ') }),
            ].filter((part): part is string => part !== null);
            const shown =
              town.nameCs !== null && town.nameCs !== town.name ? `${town.name} (${town.nameCs})` : town.name;
            return (
              <li key={town.geonamesId ?? town.name} data-testid="gazetteer-town">
                <button
                  type="button"
                  className="link-button r-suggestion-name"
                  title={t('requests.towns.pickTitle', { member: row.municipalityName ?? '', town: town.name })}
                  onClick={() => onPick(town)}
                  data-testid="gazetteer-pick"
                >
                  {shown}
                </button>
                <span className="muted"> · {countryName(town.countryCode, language)}</span>
                <p className="note r-town-reason" data-testid="gazetteer-reason">
                  {reason.join(' · ')}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

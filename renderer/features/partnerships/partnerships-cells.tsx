import type { CustomCellEditorProps, CustomCellRendererProps } from 'ag-grid-react';
import { useState } from 'react';
import { COOPERATION_AREAS, type CooperationArea } from '../../../shared/domain/codes';
import { countryName } from '../../../shared/domain/countries';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import { useI18n } from '../../lib/i18n';
import { openTownCard } from '../../components/town-card-host';

/**
 * Partner town: the local name, with the Czech exonym after it when there is one (text, never
 * HTML); the name opens the town's card.
 */
export function TownCell({ data }: CustomCellRendererProps<PartnershipRow>) {
  const { t } = useI18n();
  if (!data) return null;
  return (
    <span className="p-town">
      <button
        type="button"
        className="link-button p-town-name"
        title={t('towns.card.openTitle', { name: data.townName })}
        onClick={(event) => {
          event.stopPropagation();
          openTownCard(data.foreignTownId);
        }}
        data-testid={`town-link-${String(data.id)}`}
      >
        {data.townName}
      </button>
      {data.townNameCs !== null && data.townNameCs !== data.townName && (
        <span className="p-town-cs">{data.townNameCs}</span>
      )}
    </span>
  );
}

/** Country: the ISO code as a small badge (flag fonts are missing on many office PCs) and the localized name. */
export function CountryCell({ data }: CustomCellRendererProps<PartnershipRow>) {
  const { language } = useI18n();
  if (!data) return null;
  return (
    <span className="p-country">
      <span className="p-cc" aria-hidden="true">
        {data.countryCode}
      </span>
      {countryName(data.countryCode, language)}
    </span>
  );
}

/** Status as a coloured badge. */
export function StatusCell({ data }: CustomCellRendererProps<PartnershipRow>) {
  const { tk } = useI18n();
  if (!data) return null;
  return <span className={`badge status-${data.status}`}>{tk(`partnershipStatus.${data.status}`)}</span>;
}

/** Areas of cooperation as small chips. */
export function AreasCell({ data }: CustomCellRendererProps<PartnershipRow>) {
  const { tk } = useI18n();
  if (!data) return null;
  return (
    <span className="p-chips">
      {data.areas.map((area) => (
        <span key={area} className="p-chip">
          {tk(`area.${area}`)}
        </span>
      ))}
    </span>
  );
}

/** Row actions: open the detail, delete (asks first). */
export function ActionsCell({
  data,
  onOpen,
  onDelete,
}: CustomCellRendererProps<PartnershipRow> & {
  onOpen: (row: PartnershipRow) => void;
  onDelete: (row: PartnershipRow) => void;
}) {
  const { t } = useI18n();
  if (!data) return null;
  return (
    <span className="p-actions">
      {/* Named with their row, for a screen reader that lists the buttons ("Detail" × 964). */}
      <button
        type="button"
        className="link-button"
        onClick={() => onOpen(data)}
        aria-label={t('partnerships.openNamed', { member: data.municipalityName, town: data.townName })}
        data-testid="open-partnership"
      >
        {t('partnerships.detail')}
      </button>
      <button
        type="button"
        className="p-icon danger"
        onClick={() => onDelete(data)}
        title={t('partnerships.delete')}
        aria-label={t('partnerships.deleteNamed', { member: data.municipalityName, town: data.townName })}
        data-testid="delete-partnership"
      >
        <svg viewBox="0 0 24 24" width="15" height="15" aria-hidden="true">
          <path
            d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinejoin="round"
          />
        </svg>
      </button>
    </span>
  );
}

/** Inline editor of the areas of cooperation: a popup with a checkbox per area. */
export function AreasEditor({
  value,
  onValueChange,
  stopEditing,
}: CustomCellEditorProps<PartnershipRow, CooperationArea[]>) {
  const { t, tk } = useI18n();
  const [chosen, setChosen] = useState<CooperationArea[]>(value ?? []);
  const toggle = (area: CooperationArea) => {
    const next = chosen.includes(area)
      ? chosen.filter((a) => a !== area)
      : COOPERATION_AREAS.filter((a) => a === area || chosen.includes(a));
    setChosen(next);
    onValueChange(next);
  };
  return (
    <div className="p-areas-editor" data-testid="areas-editor">
      <div className="p-areas-list">
        {COOPERATION_AREAS.map((area) => (
          <label key={area}>
            <input type="checkbox" checked={chosen.includes(area)} onChange={() => toggle(area)} />
            {tk(`area.${area}`)}
          </label>
        ))}
      </div>
      <div className="p-areas-actions">
        <button type="button" className="button small primary" onClick={() => stopEditing()} data-testid="areas-done">
          {t('common.save')}
        </button>
        <button type="button" className="button small" onClick={() => stopEditing(true)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

import type { CustomCellEditorProps } from 'ag-grid-react';
import { useState } from 'react';
import { COOPERATION_AREAS, type CooperationArea } from '../../../shared/domain/codes';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import { useI18n } from '../../lib/i18n';

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

import type { CustomCellRendererProps } from 'ag-grid-react';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { membershipState } from '../../../shared/domain/membership';
import { useI18n } from '../../lib/i18n';

/** Membership as a coloured badge (text, never HTML). */
export function MembershipCell({ data }: CustomCellRendererProps<MunicipalityRow>) {
  const { tk } = useI18n();
  if (!data) return null;
  const state = membershipState(data);
  return <span className={`badge badge-${state}`}>{tk(`membership.${state}`)}</span>;
}

/** The button that opens a member's overview. */
export function OpenCell({
  data,
  onOpen,
}: CustomCellRendererProps<MunicipalityRow> & { onOpen: (row: MunicipalityRow) => void }) {
  const { t } = useI18n();
  if (!data) return null;
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => onOpen(data)}
      aria-label={t('members.openNamed', { name: data.name })}
      data-testid="open-member"
    >
      {t('members.open')} ›
    </button>
  );
}

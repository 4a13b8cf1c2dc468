import type { CustomCellRendererProps } from 'ag-grid-react';
import type { RequestRow } from '../../../shared/domain/request-rules';
import { useI18n } from '../../lib/i18n';

/** Status of a request as a coloured badge (text, never HTML). */
export function RequestStatusCell({ data }: CustomCellRendererProps<RequestRow>) {
  const { tk } = useI18n();
  if (!data) return null;
  return <span className={`badge req-${data.status}`}>{tk(`requestStatus.${data.status}`)}</span>;
}

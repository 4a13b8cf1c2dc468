import { Fragment } from 'react';
import { ErrorNotice } from './ErrorNotice';
import { useI18n } from '../lib/i18n';
import type { AsyncState } from '../lib/useAsync';

/** What a delete takes with it, as the dialogs name each kind (members.deleteDialog.<kind>). */
export type ImpactKind = 'partnerships' | 'contacts' | 'activities' | 'agreements' | 'attachments' | 'requests';

/**
 * The counts of what a delete takes with it, counted by core when the dialog opened (the grid's or
 * a drawer's numbers may be older); "counting…" meanwhile, the failure with a retry.
 */
export function DeleteImpact({
  impact,
  kinds,
}: {
  impact: AsyncState<Partial<Record<ImpactKind, number>> | undefined> & { reload: () => void };
  kinds: readonly ImpactKind[];
}) {
  const { t, tk, formatNumber } = useI18n();
  if (impact.status === 'error') return <ErrorNotice error={impact.error} onRetry={impact.reload} />;
  if (impact.data === undefined) return <p className="hint">{t('members.deleteDialog.counting')}</p>;
  return (
    <dl className="facts" data-testid="delete-impact">
      {kinds.map((kind) => (
        <Fragment key={kind}>
          <dt>{tk(`members.deleteDialog.${kind}`)}</dt>
          <dd data-testid={`delete-impact-${kind}`}>{formatNumber(impact.data?.[kind] ?? 0)}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

import type { ReactNode, RefObject } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import './backups.css';

/**
 * A Settings card that lists records (the import history, the bin): title, hint, a load error
 * with retry, an empty text, then the table (what an action did is said by a toast).
 */
export function ListCard({
  testId,
  title,
  hint,
  loadError,
  onRetry,
  emptyText,
  cardRef,
  children,
}: {
  testId: string;
  title: string;
  hint: string;
  loadError: unknown;
  onRetry: () => void;
  /** Shown instead of the table when the list is loaded and empty; null while there are rows. */
  emptyText: string | null;
  /** The card itself, focusable by script (where the focus goes when its last row leaves). */
  cardRef?: RefObject<HTMLDivElement | null>;
  children: ReactNode;
}) {
  return (
    <div className="card bk-card" data-testid={testId} ref={cardRef} tabIndex={cardRef === undefined ? undefined : -1}>
      <h2>{title}</h2>
      <p className="hint">{hint}</p>
      {loadError !== null && <ErrorNotice error={loadError} onRetry={onRetry} />}
      {emptyText !== null && <p className="hint">{emptyText}</p>}
      {children}
    </div>
  );
}

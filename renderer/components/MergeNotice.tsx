import type { Ref } from 'react';

/**
 * What "Načíst znovu" after a conflict did (see `mergeEdits`): the stored record is loaded and the
 * user's edits stayed; the fields both changed are named with their stored values, and "Use the
 * stored values" takes those. One notice for the partnership and the member form.
 */
export function MergeNotice({
  text,
  clashesText,
  useStoredLabel,
  onUseStored,
  noticeRef,
}: {
  text: string;
  /** The fields both changed, with their stored values (null when none). */
  clashesText: string | null;
  useStoredLabel: string;
  onUseStored: () => void;
  noticeRef?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={noticeRef}
      className={`notice ${clashesText !== null ? 'notice-warn' : 'notice-ok'}`}
      role="status"
      data-testid="merge-notice"
    >
      <span>
        {text}
        {clashesText !== null && ` ${clashesText}`}
      </span>
      {clashesText !== null && (
        <button type="button" className="button small" onClick={onUseStored} data-testid="merge-use-stored">
          {useStoredLabel}
        </button>
      )}
    </div>
  );
}

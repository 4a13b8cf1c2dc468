import { useI18n } from '../lib/i18n';

/**
 * Said where a screen shows only members' records (its default) while no municipality of the
 * registry is marked as a member, e.g. right after importing a list of all municipalities: the
 * empty screen is the filter's doing, not a failed import. `onShowAll` switches the screen's
 * filter to all municipalities; without it the notice only explains. `of`: what the screen lists
 * (the Partnerships screen can only know that none of its partnerships is a member's).
 */
export function NoMembersNotice({
  of,
  onShowAll,
}: {
  of: 'municipalities' | 'partnerships' | 'newPartnership';
  onShowAll?: () => void;
}) {
  const { tk } = useI18n();
  return (
    <p className="notice notice-warn" role="status" data-testid="no-members-notice">
      <span>{tk(`membership.noMembers.${of}`)}</span>
      {onShowAll !== undefined && (
        <button type="button" className="button" onClick={onShowAll} data-testid="no-members-show-all">
          {tk(of === 'partnerships' ? 'membership.showAllPartnerships' : 'membership.showAll')}
        </button>
      )}
    </p>
  );
}

/**
 * Said where a search finds nothing among the rows the filters show (review: "vohringen" behind
 * the default members-only filter showed only "No matching rows"): the filters may hide it, and
 * `onSearchAll` clears them (all municipalities' records) keeping the search. `of`: what the
 * screen lists. Shown only when `shown` is true.
 */
export function SearchFilteredOutNotice({
  of,
  search,
  shown,
  onSearchAll,
  text,
  actionLabel,
}: {
  of: 'members' | 'partnerships';
  search: string;
  shown: boolean;
  onSearchAll: () => void;
  /** The screen's own sentence when it knows the cause better (a column filter named). */
  text?: string;
  /** The button's own label (no search typed: it clears the filters). */
  actionLabel?: string;
}) {
  const { tk } = useI18n();
  if (!shown) return null;
  return (
    <p className="notice" role="status" data-testid="search-filtered-out">
      <span>{text ?? tk(`${of}.searchFilteredOut`, { text: search.trim() })}</span>{' '}
      <button type="button" className="button small" onClick={onSearchAll} data-testid="search-all">
        {actionLabel ?? tk(`${of}.searchAll`)}
      </button>
    </p>
  );
}

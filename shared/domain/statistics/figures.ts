/*
 * The membership filter and the key figures, without their schemas: the grids of the first screen
 * use them, and the window's first screen loads no zod (issue 16, target 8).
 */

/** Which municipalities the figures are about. */
export const MEMBERSHIP_FILTERS = ['members', 'nonMembers', 'all'] as const;
export type MembershipFilter = (typeof MEMBERSHIP_FILTERS)[number];

/**
 * THE rule of membership, for the statistics (in SQL) and the grids (in the browser) alike: the
 * value a municipality's `isMember` must have under the filter, or null when every municipality
 * passes. A member is a municipality whose `is_member` is set; former members count as non-members.
 */
export const membershipFlag = (membership: MembershipFilter): boolean | null =>
  membership === 'all' ? null : membership === 'members';

/** Whether a municipality (or a partnership of it) with this `isMember` passes the membership filter. */
export const passesMembership = (membership: MembershipFilter, isMember: boolean): boolean => {
  const flag = membershipFlag(membership);
  return flag === null || isMember === flag;
};

/**
 * The key figures of the statistics that count rows of a grid: municipalities (the Members grid)
 * or partnerships (the Partnerships grid). Each opens its grid filtered to exactly those rows.
 * The last two are the rows that make a figure "not known" ("–"): the partnerships whose status
 * is not stated, and those not ended whose term is not stated. A figure that is not known opens
 * these instead of a grid of no rows that would read as a count of 0 (walkthrough 21 finding 4).
 */
export const STATS_FIGURES = [
  'municipalities',
  'withActive',
  'partnerships',
  'dormant',
  'expiring',
  'statusUnknown',
  'termUnknown',
] as const;
export type StatsFigure = (typeof STATS_FIGURES)[number];
/** The grid whose rows a figure counts. */
export const FIGURE_GRID: Record<StatsFigure, 'members' | 'partnerships'> = {
  municipalities: 'members',
  withActive: 'members',
  partnerships: 'partnerships',
  dormant: 'partnerships',
  expiring: 'partnerships',
  statusUnknown: 'partnerships',
  termUnknown: 'partnerships',
};

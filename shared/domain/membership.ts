import type { MunicipalityField } from './municipality-rules';

/*
 * What the Members grid needs of a municipality's rules without their schemas (the window's first
 * screen loads no zod); `municipality-rules.ts` re-exports them.
 */

/** Fields the grid edits inline (simple values; the rest is edited in the detail form). */
export const INLINE_MUNICIPALITY_FIELDS = [
  'name',
  'population',
  'orpName',
  'mayorName',
  'email',
  'website',
  'postalCode',
  'street',
] as const satisfies readonly MunicipalityField[];

/** Membership as the filter bar shows it. */
export const MEMBERSHIP_STATES = ['member', 'former', 'none'] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];

export function membershipState(m: {
  isMember: boolean;
  memberSince: string | null;
  memberUntil: string | null;
}): MembershipState {
  if (m.isMember) return 'member';
  return m.memberSince !== null || m.memberUntil !== null ? 'former' : 'none';
}

/**
 * A partnership's fields that hold codes, and the message prefix of their labels in the user's
 * language (`${prefix}.${code}`): what the record's history and the bin show instead of the codes.
 */
export const PARTNERSHIP_CODE_LABELS: Readonly<Record<string, string>> = {
  type: 'partnershipType',
  status: 'partnershipStatus',
  termKind: 'partnerships.termKind',
  areas: 'area',
  participantGroups: 'partnerships.group',
  acknowledgedWarnings: 'partnerships.warning',
};

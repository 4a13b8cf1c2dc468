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

/**
 * A member's fields as its form and grid name them (camelCase field → message key): what the
 * member's history and the bin show as each field's label.
 */
export const MEMBER_FIELD_LABELS: Readonly<Record<string, string>> = {
  code: 'members.col.code',
  name: 'members.col.name',
  kind: 'members.col.kind',
  districtName: 'members.col.district',
  regionName: 'members.col.region',
  orpCode: 'members.col.orpCode',
  orpName: 'members.col.orp',
  population: 'members.col.population',
  latitude: 'members.col.latitude',
  longitude: 'members.col.longitude',
  street: 'members.col.street',
  postalCode: 'members.col.postalCode',
  ico: 'members.col.ico',
  mayorName: 'members.col.mayor',
  mayorGender: 'members.col.mayorGender',
  website: 'members.col.website',
  email: 'members.col.email',
  isMember: 'members.col.isMember',
  memberSince: 'members.col.memberSince',
  memberUntil: 'members.col.memberUntil',
  notes: 'members.col.notes',
};

import type { Knex } from 'knex';
import type { ActivityKind, Currency, FundingProgramme } from '../../../shared/domain/codes';
import type { Activity } from '../../../shared/domain/partnerships';
import { columnsOf, fieldsOf, selectedColumns } from './field-map';

/* The activities table: visits, exchanges and projects of a partnership, with their funding. */

export type ActivityInsert = {
  partnershipId: number;
  date: string;
  dateEnd?: string | null;
  title: string;
  kind: ActivityKind;
  participants?: number | null;
  description?: string | null;
  fundingProgramme?: FundingProgramme | null;
  fundingAmount?: number | null;
  currency?: Currency | null;
};

/** The one field ↔ column map of `activities`. */
const ACTIVITY_COLUMN_OF = {
  id: 'id',
  partnershipId: 'partnership_id',
  version: 'version',
  date: 'date',
  dateEnd: 'date_end',
  title: 'title',
  kind: 'kind',
  participants: 'participants',
  description: 'description',
  fundingProgramme: 'funding_programme',
  fundingAmount: 'funding_amount',
  currency: 'currency',
} as const;

/** The fields of an activity a person edits (what its audit entries keep). */
export const ACTIVITY_FIELDS = [
  'date',
  'dateEnd',
  'title',
  'kind',
  'participants',
  'description',
  'fundingProgramme',
  'fundingAmount',
  'currency',
] as const;

/** The map of the fields a person edits only. */
const ACTIVITY_FIELD_COLUMN_OF = Object.fromEntries(ACTIVITY_FIELDS.map((field) => [field, ACTIVITY_COLUMN_OF[field]]));

/** The columns of a whole activity (absent optional fields as null): an insert or a restore. */
export const activityColumns = (fields: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  columnsOf(ACTIVITY_FIELD_COLUMN_OF, fields, { every: true });

/** The columns of the fields an update names only: a field it does not name stays as stored. */
export const activityPatchColumns = (fields: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  columnsOf(ACTIVITY_FIELD_COLUMN_OF, fields);

export async function insertActivity(db: Knex, a: ActivityInsert, now: string): Promise<void> {
  await db('activities').insert({
    partnership_id: a.partnershipId,
    ...activityColumns(a),
    created_at: now,
    updated_at: now,
  });
}

const toActivity = (row: Record<string, unknown>): Activity => {
  const fields = fieldsOf(ACTIVITY_COLUMN_OF, row);
  return { ...fields, fundingAmount: fields.fundingAmount === null ? null : Number(fields.fundingAmount) } as Activity;
};

const activityColumnList = selectedColumns(ACTIVITY_COLUMN_OF);

export async function listActivities(db: Knex, partnershipId: number): Promise<Activity[]> {
  const rows = await db('activities')
    .where({ partnership_id: partnershipId })
    .orderBy([
      { column: 'date', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .select<Record<string, unknown>[]>(activityColumnList);
  return rows.map(toActivity);
}

export async function findActivity(db: Knex, id: number): Promise<Activity | undefined> {
  const row = await db('activities').where({ id }).first<Record<string, unknown> | undefined>(activityColumnList);
  return row ? toActivity(row) : undefined;
}

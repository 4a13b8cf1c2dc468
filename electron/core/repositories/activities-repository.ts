import type { Knex } from 'knex';
import type { ActivityKind, Currency, FundingProgramme } from '../../../shared/domain/codes';
import type { Activity } from '../../../shared/domain/partnerships';

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

export async function insertActivity(db: Knex, a: ActivityInsert, now: string): Promise<void> {
  await db('activities').insert({
    partnership_id: a.partnershipId,
    date: a.date,
    date_end: a.dateEnd ?? null,
    title: a.title,
    kind: a.kind,
    participants: a.participants ?? null,
    description: a.description ?? null,
    funding_programme: a.fundingProgramme ?? null,
    funding_amount: a.fundingAmount ?? null,
    currency: a.currency ?? null,
    created_at: now,
    updated_at: now,
  });
}

type ActivityRecord = {
  id: number;
  partnership_id: number;
  version: number;
  date: string;
  date_end: string | null;
  title: string;
  kind: Activity['kind'];
  participants: number | null;
  description: string | null;
  funding_programme: Activity['fundingProgramme'];
  funding_amount: number | string | null;
  currency: Activity['currency'];
};

const toActivity = (a: ActivityRecord): Activity => ({
  id: a.id,
  partnershipId: a.partnership_id,
  version: a.version,
  date: a.date,
  dateEnd: a.date_end,
  title: a.title,
  kind: a.kind,
  participants: a.participants,
  description: a.description,
  fundingProgramme: a.funding_programme,
  fundingAmount: a.funding_amount === null ? null : Number(a.funding_amount),
  currency: a.currency,
});

const activityColumns = [
  'id',
  'partnership_id',
  'version',
  'date',
  'date_end',
  'title',
  'kind',
  'participants',
  'description',
  'funding_programme',
  'funding_amount',
  'currency',
];

export async function listActivities(db: Knex, partnershipId: number): Promise<Activity[]> {
  const rows = await db('activities')
    .where({ partnership_id: partnershipId })
    .orderBy([
      { column: 'date', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .select<ActivityRecord[]>(activityColumns);
  return rows.map(toActivity);
}

export async function findActivity(db: Knex, id: number): Promise<Activity | undefined> {
  const row = await db('activities').where({ id }).first<ActivityRecord | undefined>(activityColumns);
  return row ? toActivity(row) : undefined;
}

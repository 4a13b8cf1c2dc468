import type { Knex } from 'knex';
import type { CooperationArea, RequestDirection, RequestStatus, TownSize } from '../../../shared/domain/codes';

export type RequestInsert = {
  direction: RequestDirection;
  municipalityId?: number | null;
  foreignTownId?: number | null;
  requesterName?: string | null;
  requesterCountryCode?: string | null;
  wantedCountryCodes: readonly string[];
  wantedSize?: TownSize | null;
  themes: readonly CooperationArea[];
  description?: string | null;
  status: RequestStatus;
  receivedOn?: string | null;
};

export async function insertRequest(db: Knex, r: RequestInsert, now: string): Promise<number> {
  const [inserted] = await db('partnership_requests')
    .insert({
      direction: r.direction,
      municipality_id: r.municipalityId ?? null,
      foreign_town_id: r.foreignTownId ?? null,
      requester_name: r.requesterName ?? null,
      requester_country_code: r.requesterCountryCode ?? null,
      wanted_country_codes: JSON.stringify(r.wantedCountryCodes),
      wanted_size: r.wantedSize ?? null,
      themes: JSON.stringify(r.themes),
      description: r.description ?? null,
      status: r.status,
      received_on: r.receivedOn ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning<{ id: number }[]>('id');
  if (!inserted) throw new Error('Insert of a request returned no id');
  return inserted.id;
}

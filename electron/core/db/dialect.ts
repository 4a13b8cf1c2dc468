import type { Knex } from 'knex';

const isPostgres = (db: Knex): boolean => {
  // Knex types its client as `any`; only the configured client name is read.
  const client = (db.client as { config?: { client?: unknown } }).config?.client;
  return typeof client === 'string' && /^(pg|postgres|postgresql)$/.test(client);
};

/**
 * The few SQL functions that differ between SQLite and PostgreSQL, as fixed fragments chosen by
 * the client (never built from input).
 */
export function partnershipAreasColumn(db: Knex): Knex.Raw {
  return isPostgres(db)
    ? db.raw("(select string_agg(pa.area, ',') from partnership_areas pa where pa.partnership_id = p.id) as areas")
    : db.raw("(select group_concat(pa.area, ',') from partnership_areas pa where pa.partnership_id = p.id) as areas");
}

import type { Knex } from 'knex';
import * as initial from './0001-initial';
import * as statisticsIndexes from './0005-statistics-indexes';
import * as provenance from './0006-provenance';
import * as importRuns from './0007-import-runs';
import * as datePrecision from './0008-date-precision';
import * as verification from './0009-verification';
import * as townIdentity from './0010-town-identity';
import * as townDecisions from './0011-town-decisions';
import * as memberDatePrecision from './0012-member-date-precision';
import * as townCard from './0013-town-card';
import * as acknowledgedWarnings from './0014-acknowledged-warnings';
import * as auditDatabaseUser from './0015-audit-database-user';
import * as attachments from './0016-attachments';
import * as attachmentActivity from './0017-attachment-activity';
import * as auditImportIndex from './0018-audit-import-index';
import * as townKindUnknown from './0019-town-kind-unknown';
import * as townIdNumber from './0020-town-id-number';
import * as townLargeCity from './0021-town-large-city';
import * as termUnknown from './0022-term-unknown';
import * as partnershipMergeNames from './0023-partnership-merge-names';
import * as gazetteerLocalNames from './0024-gazetteer-local-names';

export type Migration = { name: string; up: (knex: Knex) => Promise<void>; down: (knex: Knex) => Promise<void> };

/**
 * The ordered, append-only list of migrations. Never edit or reorder a shipped entry; append.
 * The schema version of a database is the number of migrations applied to it.
 */
export const MIGRATIONS: readonly Migration[] = [
  { name: '0001-initial', ...initial },
  { name: '0005-statistics-indexes', ...statisticsIndexes },
  { name: '0006-provenance', ...provenance },
  { name: '0007-import-runs', ...importRuns },
  { name: '0008-date-precision', ...datePrecision },
  { name: '0009-verification', ...verification },
  { name: '0010-town-identity', ...townIdentity },
  { name: '0011-town-decisions', ...townDecisions },
  { name: '0012-member-date-precision', ...memberDatePrecision },
  { name: '0013-town-card', ...townCard },
  { name: '0014-acknowledged-warnings', ...acknowledgedWarnings },
  { name: '0015-audit-database-user', ...auditDatabaseUser },
  { name: '0016-attachments', ...attachments },
  { name: '0017-attachment-activity', ...attachmentActivity },
  { name: '0018-audit-import-index', ...auditImportIndex },
  { name: '0019-town-kind-unknown', ...townKindUnknown },
  { name: '0020-town-id-number', ...townIdNumber },
  { name: '0021-town-large-city', ...townLargeCity },
  { name: '0022-term-unknown', ...termUnknown },
  { name: '0023-partnership-merge-names', ...partnershipMergeNames },
  { name: '0024-gazetteer-local-names', ...gazetteerLocalNames },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export const migrationSource: Knex.MigrationSource<Migration> = {
  getMigrations: () => Promise.resolve([...MIGRATIONS]),
  getMigrationName: (migration) => migration.name,
  getMigration: (migration) => Promise.resolve(migration),
};

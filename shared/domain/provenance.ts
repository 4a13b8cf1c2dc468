/**
 * Provenance filters shared by the Partnerships and Members grids (and the export): where a
 * record came from and whether a person verified it.
 */
export type Provenance = { source: string | null; importRunId: number | null; verifiedAt: string | null };

/** Where a record came from, by its `source` text ("manual", "demo", "import: f.csv", "request 12"). */
export type Origin = 'manual' | 'demo' | 'import' | 'request' | 'unknown';

export function originOf(source: string | null): Origin {
  if (source === null) return 'unknown';
  if (source === 'manual') return 'manual';
  if (source === 'demo') return 'demo';
  if (source.startsWith('import')) return 'import';
  if (source.startsWith('request')) return 'request';
  return 'unknown';
}

/** The file an imported record came from, or null. */
export const importedFile = (source: string | null): string | null =>
  source !== null && source.startsWith('import: ') ? source.slice('import: '.length) : null;

/** A filter value: "" (all), "unverified", "verified", an origin, or "import:<run id>". */
export type ProvenanceFilter = string;

export function matchesProvenance(row: Provenance, filter: ProvenanceFilter): boolean {
  if (filter === '') return true;
  if (filter === 'unverified') return row.verifiedAt === null;
  if (filter === 'verified') return row.verifiedAt !== null;
  if (filter.startsWith('import:')) return row.importRunId === Number(filter.slice('import:'.length));
  return originOf(row.source) === filter;
}

/** Timestamps are stored as ISO strings (portable between SQLite and PostgreSQL). */
export const nowIso = (): string => new Date().toISOString();

/** What an import writes on every record it creates: the file it came from and its history entry. */
export type ImportProvenance = { source: string; importRunId: number };

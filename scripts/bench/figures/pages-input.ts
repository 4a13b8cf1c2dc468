/** What the page driver (screens.ts, cold-start-pages.ts: a process of their own) is told, and what the bench's process serves it. */
export type ScreensInput = {
  /** The app's web bridge over the core, in the bench's process. */
  appUrl: string;
  scale: string;
  runs: number;
  needle: string;
  /** The Partnerships screen is built (else the Members screen stands in). */
  partnerships: boolean;
};

/** The bare pages' server (browser.ts) and what its answers hold. */
export type BareServed = { url: string; hasCompact: boolean; rowCount: number };

export const screenTitles = (partnerships: boolean) => ({
  openTitle: `6 Open ${partnerships ? 'Partnerships' : 'Members'} screen again`,
  firstTitle: `6c Open ${partnerships ? 'Partnerships' : 'Members'} screen, first time`,
  searchTitle: `6b Quick search, ${partnerships ? 'Partnerships' : 'Members'}`,
});

export const BYTES_TITLE = '6g Script before the first rows';
export const TIME_TITLE = '6h First rows on a new document';

/** What the cold start's page driver (cold-start-pages.ts) is told. */
export type ColdStartInput = { appUrl: string; bareUrl: string | null; runs: number };

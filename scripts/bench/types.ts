import type { AppContext } from '../../electron/core/context';
import type { Dispatch } from '../../electron/core/dispatch';
import type { ServerSpec } from './engines';
import type { ScaleName, ScaleSize } from './generate';

/** Median, minimum and maximum of a set of runs. */
export type Summary = { median: number; min: number; max: number; runs: number[] };

export type Measured = Summary & { unit: string; label: string };

/** One line of the table. */
export type FigureResult = {
  id: string;
  title: string;
  status: 'ok' | 'n/a' | 'error';
  /** Why a figure is n/a or failed; or a short remark on what was measured. */
  note?: string;
  value?: Measured;
  baseline?: Measured;
  /**
   * value ÷ baseline: for times, how many times slower than the floor; for rates (import),
   * which share of the physical limit is reached.
   */
  ratio?: number;
  /** Further numbers worth keeping (file size, row counts). */
  extra?: Record<string, number | string>;
  target?: { text: string; pass: boolean };
};

/** Everything a worker knows about the scale it measures. */
export type ScaleSpec = {
  scale: ScaleName | 'custom';
  size: ScaleSize;
  seed: number;
  /** Runs per figure; heavy figures may use fewer (see `runsFor`). */
  runs: number;
  /** The generated registry (read-only master; figures work on copies). */
  baseDbPath: string;
  /** The municipalities CSV of the same data. */
  csvPath: string;
  workDir: string;
  needle: string;
  /** Built renderer and bare-grid page; absent means: skip the browser figures. */
  rendererDir?: string;
  bareGridDir?: string;
  /** Why the browser figures are not measured (no renderer), when they are not. */
  browserUnavailable?: string;
  resultPath: string;
  /** Only these figures (ids of FIGURES in worker.ts: import, load, stats, agreements, export, browser, cold-start). */
  only?: string[];
  /** Measure on this PostgreSQL server instead (engines.ts): registries are copies of its templates. */
  server?: ServerSpec;
};

/** An opened registry with the app's own dispatch over it. */
export type OpenedApp = {
  ctx: AppContext;
  dispatch: Dispatch;
  outputDir: string;
  /** The registry as opened: a file's path or a server database's URL (the floors' children open it too). */
  location: string;
  close: () => Promise<void>;
};

export type BenchEnv = {
  spec: ScaleSpec;
  /** A private copy of the generated registry, opened as the app opens it. */
  openCopy: (name: string) => Promise<OpenedApp>;
  /** A new, empty, migrated registry. */
  openEmpty: (name: string) => Promise<OpenedApp>;
  /** Keeps the memory high-water mark current (call inside long loops). */
  sample: () => void;
  log: (message: string) => void;
};

export type Figure = {
  id: string;
  run: (env: BenchEnv) => Promise<FigureResult[]>;
};

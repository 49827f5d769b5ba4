/** What an import tells its caller. Plain data, so it can travel over IPC and be printed as JSON. */

export type ImportEntity = 'products' | 'prices' | 'availabilities' | 'categories';

export interface ImportError {
  /** Base name of the file, as it appears in the folder or zip. */
  file: string;
  /** 0-based index in the file's `items`; null for the head or the file as a whole. */
  item: number | null;
  /** The field at fault; null when the file as a whole is (unreadable, not JSON, truncated). */
  field: string | null;
  message: string;
}

export type ImportPhase = 'reading' | 'checking' | 'applying' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  /** The file being read, or null between files. */
  file: string | null;
  bytesRead: number;
  bytesTotal: number;
  /** 0–100, by bytes read. */
  percent: number;
  items: number;
  itemsPerSecond: number;
  /** Estimated from the read rate so far; null until there is a rate. */
  secondsLeft: number | null;
  elapsedSeconds: number;
}

export interface ImportFileSummary {
  file: string;
  /** Where it was found: a path, or path!entry inside a zip. */
  location: string;
  entity: ImportEntity;
  items: number;
}

export interface ImportSummary {
  mode: 'full' | 'partial';
  files: ImportFileSummary[];
  products: { imported: number; created: number; updated: number; removed: number; hidden: number };
  identifiers: number;
  prices: { imported: number; removed: number; hidden: number; priceBooks: string[] };
  stock: { imported: number };
  /** Files that were not imported, and why (categories, files that are not NewStore import files). */
  skipped: { file: string; reason: string }[];
  notices: string[];
  cancelled: boolean;
  /** True when listing stopped at the error cap (maxErrors): the files may hold more errors than were listed. */
  errorsTruncated: boolean;
  durationMs: number;
}

export interface ImportReport {
  ok: boolean;
  errors: ImportError[];
  summary: ImportSummary;
}

export interface ImportOptions {
  /** NewStore "full" import: products and prices missing from it are removed (or hidden if sales refer to them). */
  full?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** Stop after listing this many errors (default 100). */
  maxErrors?: number;
}

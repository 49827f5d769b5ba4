import { z } from 'zod';
import { ConfigValueSource } from './config-schema';
import { ERROR_CODES } from './errors';

/**
 * Requests and events for the admin screens (catalog import, settings), in the shape of
 * `requests`/`events` in contract.ts so they can be merged into it. Paths are chosen by the
 * person at the till (a file dialog in Electron), so they are limited in number and length only.
 */

export const ImportErrorView = z.object({
  file: z.string(),
  item: z.number().int().nullable(),
  field: z.string().nullable(),
  message: z.string(),
});

export const ImportProgressView = z.object({
  phase: z.enum(['reading', 'checking', 'applying', 'done']),
  file: z.string().nullable(),
  bytesRead: z.number(),
  bytesTotal: z.number(),
  percent: z.number().min(0).max(100),
  items: z.number().int(),
  itemsPerSecond: z.number(),
  secondsLeft: z.number().nullable(),
  elapsedSeconds: z.number(),
});

export const ImportSummaryView = z.object({
  mode: z.enum(['full', 'partial']),
  files: z.array(z.object({ file: z.string(), location: z.string(), entity: z.enum(['products', 'prices', 'availabilities', 'categories']), items: z.number().int() })),
  products: z.object({ imported: z.number().int(), created: z.number().int(), updated: z.number().int(), removed: z.number().int(), hidden: z.number().int() }),
  identifiers: z.number().int(),
  prices: z.object({ imported: z.number().int(), removed: z.number().int(), hidden: z.number().int(), priceBooks: z.array(z.string()) }),
  stock: z.object({ imported: z.number().int() }),
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
  notices: z.array(z.string()),
  cancelled: z.boolean(),
  errorsTruncated: z.boolean(),
  durationMs: z.number(),
});

export const ImportReportView = z.object({ ok: z.boolean(), errors: z.array(ImportErrorView), summary: ImportSummaryView });
export type ImportReportView = z.infer<typeof ImportReportView>;

const ImportId = z.string().min(1).max(64);

export const ImportStatusView = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running'), importId: ImportId, paths: z.array(z.string()), progress: ImportProgressView.nullable() }),
  z.object({ state: z.literal('finished'), importId: ImportId, paths: z.array(z.string()), report: ImportReportView }),
  z.object({ state: z.literal('failed'), importId: ImportId, paths: z.array(z.string()), reason: z.string() }),
]);
export type ImportStatusView = z.infer<typeof ImportStatusView>;

const ConfigDocumentView = z.record(z.string(), z.unknown());

export const EffectiveConfigView = z.object({
  document: ConfigDocumentView,
  sources: z.record(z.string(), ConfigValueSource),
  warnings: z.array(z.string()),
  managedPath: z.string(),
  /** This till's own document as saved: what the editor edits, local values hidden under managed keys included. */
  local: ConfigDocumentView,
});

export const ConfigSaveResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), warnings: z.array(z.string()) }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type ConfigSaveResult = z.infer<typeof ConfigSaveResult>;

/** One received character, made visible: a space, tab, CR, LF or GS would otherwise be invisible on screen. */
export const VisibleCharacter = z.object({
  /** What to show: the character itself, or a label such as ⟨SP⟩, ⟨TAB⟩, ⟨CR⟩, ⟨LF⟩, ⟨GS⟩, ⟨U+00E9 é⟩. */
  shown: z.string(),
  codePoint: z.string().regex(/^U\+[0-9A-F]{4,6}$/),
  kind: z.enum(['printable', 'space', 'tab', 'cr', 'lf', 'gs', 'control', 'non-ascii']),
});
export type VisibleCharacter = z.infer<typeof VisibleCharacter>;

export const SerialTestResult = z.object({
  /** Whether the till would accept this serial: checked after trimming white space at both ends, as at the till. */
  matches: z.boolean(),
  /**
   * Why the till refuses it (SERIAL_EMPTY, SERIAL_UNPRINTABLE, SERIAL_IS_PRODUCT_CODE, SERIAL_FORMAT; for a scan
   * also SCAN_UNREADABLE), or null when it `matches`. Held and sold serials depend on the sale, so are not tested.
   */
  code: z.enum(ERROR_CODES).nullable(),
  /** The pattern in force, and where it comes from; empty means any non-empty serial is accepted. */
  pattern: z.string(),
  patternSource: ConfigValueSource,
  /** The serial as checked (trimmed). */
  checked: z.string(),
  received: z.array(VisibleCharacter),
  /** All of `received` as one line, for display. */
  visible: z.string(),
});
export type SerialTestResult = z.infer<typeof SerialTestResult>;

export const adminRequests = {
  /** Starts an import of files, folders or NewStore zips; progress and the result come as events. */
  startImport: {
    input: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100), full: z.boolean().optional() }),
    output: z.object({ importId: ImportId }),
  },
  /** Cancels a running import; nothing it read is kept. */
  cancelImport: { input: z.object({ importId: ImportId }), output: z.object({ cancelled: z.boolean() }) },
  /** Where an import stands (for a screen opened after it started). */
  getImport: { input: z.object({ importId: ImportId }), output: ImportStatusView.nullable() },
  /** The configuration in force, the source of each key (managed, local, default) and warnings to show. */
  getEffectiveConfig: { input: z.object({}), output: EffectiveConfigView },
  /** Replaces the local configuration document whole. */
  replaceAppConfig: { input: z.object({ document: ConfigDocumentView }), output: ConfigSaveResult },
  /** Tests a serial against the pattern in force, showing exactly which characters arrived. */
  testSerial: { input: z.object({ serial: z.string().max(1024) }), output: SerialTestResult },
} as const;

export const adminEvents = {
  importProgress: z.object({ importId: ImportId, progress: ImportProgressView }),
  importFinished: z.object({ importId: ImportId, report: ImportReportView }),
  configChanged: EffectiveConfigView,
} as const;

export type AdminRequestName = keyof typeof adminRequests;
export type AdminRequestInput<N extends AdminRequestName> = z.input<(typeof adminRequests)[N]['input']>;
export type AdminRequestOutput<N extends AdminRequestName> = z.infer<(typeof adminRequests)[N]['output']>;
export type AdminEventName = keyof typeof adminEvents;
export type AdminEventPayload<N extends AdminEventName> = z.infer<(typeof adminEvents)[N]>;

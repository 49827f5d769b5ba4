import type { Db } from '../db/open';
import { applyStaged, type ApplyResult } from './apply';
import { JsonFormatError, lineAndColumn, ScanCancelled, scanStream } from './json-stream';
import { collectSources, type ImportSource } from './sources';
import { Staging } from './staging';
import type { ImportEntity, ImportError, ImportOptions, ImportProgress, ImportReport, ImportSummary } from './types';
import {
  checkAvailabilitiesHead,
  checkAvailability,
  checkPrice,
  checkPricesHead,
  checkProduct,
  checkProductsHead,
  entityOfHead,
  headNeedsFirstItem,
  type FieldProblem,
} from './validate';

export type { ImportError, ImportOptions, ImportProgress, ImportReport, ImportSummary } from './types';

const DEFAULT_MAX_ERRORS = 100;
/** The `file` of an error that is the database's, not an input file's. */
const DATABASE_FILE = '(database)';
const PROGRESS_INTERVAL_MS = 100;
/** Products, then prices and stock that name them: the order NewStore applies entities in. */
const ENTITY_ORDER: ImportEntity[] = ['products', 'prices', 'availabilities'];

/** Imports run one after another on a connection: they share its staging database name. */
const running = new WeakMap<Db, Promise<unknown>>();

/**
 * Imports NewStore import files (folders, JSON files, import zips) all or nothing: the database
 * changes only if every file is valid, and then in one transaction. Resolves with a report; it
 * rejects only on a fault of the program or the database itself, never on bad input.
 */
export async function importCatalog(db: Db, inputs: string[], options: ImportOptions = {}): Promise<ImportReport> {
  return serialized(db, async () => {
    const collected = await collectSources(inputs);
    try {
      return await runImport(db, collected.sources, options, collected.errors, collected.skipped);
    } finally {
      collected.close();
    }
  });
}

/** Imports files that are already open as sources (the bundled demo catalog). */
export async function importSources(db: Db, sources: ImportSource[], options: ImportOptions = {}): Promise<ImportReport> {
  return serialized(db, () => runImport(db, sources, options, [], []));
}

async function serialized<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const previous = running.get(db) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  running.set(db, next);
  try {
    return await next;
  } finally {
    if (running.get(db) === next) running.delete(db);
  }
}

interface PlannedFile {
  source: ImportSource;
  entity: ImportEntity;
  head: Record<string, unknown>;
  /** Position in processing order; errors are listed in this order. */
  order: number;
}

interface SortableError extends ImportError {
  order: number;
  seq: number;
}

class ErrorList {
  private readonly list: SortableError[] = [];

  constructor(private readonly max: number) {}

  get full(): boolean {
    return this.list.length >= this.max;
  }

  get count(): number {
    return this.list.length;
  }

  add(order: number, file: string, item: number | null, field: string | null, message: string): void {
    if (this.full) return;
    this.list.push({ order, seq: this.list.length, file, item, field, message });
  }

  sorted(): ImportError[] {
    return [...this.list]
      .sort((a, b) => a.order - b.order || (a.item ?? -1) - (b.item ?? -1) || a.seq - b.seq)
      .map(({ file, item, field, message }) => ({ file, item, field, message }));
  }
}

class ProgressMeter {
  private readonly started = Date.now();
  private readingStarted = 0;
  private lastReport = 0;
  bytesRead = 0;
  items = 0;
  file: string | null = null;

  constructor(
    private readonly bytesTotal: number,
    private readonly listener: ((progress: ImportProgress) => void) | undefined,
  ) {}

  startReading(): void {
    this.readingStarted = Date.now();
  }

  report(phase: ImportProgress['phase'], force = false): void {
    if (!this.listener) return;
    const now = Date.now();
    if (!force && now - this.lastReport < PROGRESS_INTERVAL_MS) return;
    this.lastReport = now;
    const readingSeconds = Math.max((now - (this.readingStarted || this.started)) / 1000, 1e-3);
    const bytesPerSecond = this.bytesRead / readingSeconds;
    const done = phase === 'done';
    this.listener({
      phase,
      file: done ? null : this.file,
      bytesRead: this.bytesRead,
      bytesTotal: this.bytesTotal,
      percent: done || this.bytesTotal === 0 ? 100 : Math.min(100, (100 * this.bytesRead) / this.bytesTotal),
      items: this.items,
      itemsPerSecond: this.items / readingSeconds,
      secondsLeft: done ? 0 : bytesPerSecond > 0 ? Math.max(0, this.bytesTotal - this.bytesRead) / bytesPerSecond : null,
      elapsedSeconds: (now - this.started) / 1000,
    });
  }
}

function emptySummary(full: boolean): ImportSummary {
  return {
    mode: full ? 'full' : 'partial',
    files: [],
    products: { imported: 0, created: 0, updated: 0, removed: 0, hidden: 0 },
    identifiers: 0,
    prices: { imported: 0, removed: 0, hidden: 0, priceBooks: [] },
    stock: { imported: 0 },
    skipped: [],
    notices: [],
    cancelled: false,
    errorsTruncated: false,
    durationMs: 0,
  };
}

async function describeFormatError(source: ImportSource, error: JsonFormatError): Promise<string> {
  try {
    const { line, column } = await lineAndColumn(await source.open(), error.offset);
    return `${error.message} (line ${line}, column ${column})`;
  } catch {
    return `${error.message} (character ${error.offset + 1})`;
  }
}

function readFailure(error: unknown): string {
  return `The file could not be read: ${error instanceof Error ? error.message : String(error)}`;
}

/** Reads just enough of a file to know what it holds. */
async function identify(source: ImportSource, signal: AbortSignal | undefined): Promise<{ head: unknown; sawHead: boolean; sawItems: boolean; entity: ImportEntity | null }> {
  let head: unknown;
  let sawHead = false;
  let firstItem: unknown;
  const result = await scanStream(
    await source.open(),
    {
      head: (value) => {
        head = value;
        sawHead = true;
        return !headNeedsFirstItem(value) || firstItem !== undefined;
      },
      item: (value, index) => {
        if (index === 0) firstItem = value;
        return sawHead;
      },
    },
    { signal },
  );
  return { head, sawHead, sawItems: result.sawItems, entity: sawHead ? entityOfHead(head, firstItem) : null };
}

async function runImport(
  db: Db,
  sources: ImportSource[],
  options: ImportOptions,
  sourceErrors: ImportError[],
  skipped: { file: string; reason: string }[],
): Promise<ImportReport> {
  const started = Date.now();
  const full = options.full === true;
  const summary = emptySummary(full);
  summary.skipped.push(...skipped);
  const errors = new ErrorList(options.maxErrors ?? DEFAULT_MAX_ERRORS);
  for (const error of sourceErrors) errors.add(-1, error.file, error.item, error.field, error.message);
  const finish = (): ImportReport => {
    summary.errorsTruncated = errors.full;
    summary.durationMs = Date.now() - started;
    return { ok: errors.count === 0 && !summary.cancelled, errors: errors.sorted(), summary };
  };
  const cancelled = (): ImportReport => {
    summary.cancelled = true;
    summary.notices.push('The import was cancelled; nothing was changed.');
    return finish();
  };

  const planned: PlannedFile[] = [];
  for (const [index, source] of sources.entries()) {
    if (options.signal?.aborted) return cancelled();
    try {
      const found = await identify(source, options.signal);
      if (!found.sawHead) {
        if (found.sawItems) errors.add(index, source.name, null, 'head', 'The file has items but no head; a NewStore import file is {"head": {...}, "items": [...]}');
        else summary.skipped.push({ file: source.name, reason: 'not a NewStore import file (it has no head and no items)' });
      } else if (found.entity === null) {
        errors.add(
          index,
          source.name,
          null,
          'head',
          'Cannot tell what this file holds: its head has none of catalog and locale (products), pricebook and currency (prices) or store_mapping (availabilities)',
        );
      } else if (found.entity === 'categories') {
        summary.skipped.push({ file: source.name, reason: 'categories are not used by Counter' });
        summary.notices.push(`${source.name}: categories skipped; Counter does not use them.`);
      } else {
        planned.push({ source, entity: found.entity, head: found.head as Record<string, unknown>, order: index });
      }
    } catch (error) {
      if (error instanceof ScanCancelled) return cancelled();
      const message = error instanceof JsonFormatError ? await describeFormatError(source, error) : readFailure(error);
      errors.add(index, source.name, null, null, message);
    }
  }
  planned.sort((a, b) => ENTITY_ORDER.indexOf(a.entity) - ENTITY_ORDER.indexOf(b.entity) || a.order - b.order);
  planned.forEach((file, order) => (file.order = sources.length + order));

  if (full) {
    for (const file of planned.filter((candidate) => candidate.entity === 'availabilities')) {
      errors.add(
        file.order,
        file.source.name,
        null,
        null,
        'A full import may not contain availabilities (NewStore refuses it too): import stock in a partial import, or leave this file out',
      );
    }
  }
  // An import that finds nothing to import is refused, so a script that pointed at the wrong folder sees it fail.
  if (planned.length === 0 && errors.count === 0) {
    errors.add(-1, sources.map((source) => source.name).join(', ') || '(no files)', null, null, 'No NewStore import files (products, price books, availabilities) were found; nothing was imported');
  }

  const replaceCatalog = full && planned.some((file) => file.entity === 'products');
  const replaceAllPrices = full && planned.some((file) => file.entity === 'prices');
  const replacedPriceBooks: string[] = [];
  const progress = new ProgressMeter(
    planned.reduce((total, file) => total + file.source.size, 0),
    options.onProgress,
  );

  const staging = Staging.open(db);
  try {
    progress.startReading();
    progress.report('reading', true);
    let productsFinished = false;
    const finishProducts = (): void => {
      if (productsFinished) return;
      productsFinished = true;
      progress.report('checking', true);
      const byOrder = new Map(planned.map((file) => [file.order, file.source.name]));
      for (const conflict of staging.finishProducts(replaceCatalog)) {
        const where = conflict.other ? ` (item ${conflict.other.item} of ${byOrder.get(conflict.other.file)})` : ' in the catalog';
        const elsewhere = conflict.isProductId
          ? `it is the product_id of product ${JSON.stringify(conflict.otherProductId)}${where}`
          : conflict.other
            ? `product ${JSON.stringify(conflict.otherProductId)}${where} has it too`
            : `product ${JSON.stringify(conflict.otherProductId)}${where} already has it`;
        errors.add(
          conflict.file,
          byOrder.get(conflict.file) ?? '',
          conflict.item,
          'external_identifiers',
          `The identifier ${JSON.stringify(conflict.value)} of ${JSON.stringify(conflict.productId)} is not unique: ${elsewhere}. A scan must find exactly one product.`,
        );
      }
    };

    for (const file of planned) {
      if (errors.full) break;
      if (file.entity !== 'products') finishProducts();
      progress.file = file.source.name;
      const fileErrors = (item: number | null, problems: FieldProblem[]): void => {
        for (const problem of problems) errors.add(file.order, file.source.name, item, problem.field, problem.message);
      };
      const fileSummary = { file: file.source.name, location: file.source.location, entity: file.entity, items: 0 };
      summary.files.push(fileSummary);
      try {
        const onItem = fileHandlers(file, staging, { replaceCatalog, replacedPriceBooks, summary }, fileErrors, () => errors.full);
        const result = await scanStream(
          await file.source.open(),
          {
            item: (item, index, text) => {
              progress.items++;
              return onItem(item, index, text);
            },
          },
          {
            signal: options.signal,
            runChunk: (scan) => staging.batch(scan),
            onBytes: (bytes) => {
              progress.bytesRead += bytes;
              progress.report('reading');
            },
          },
        );
        fileSummary.items = result.itemCount;
        if (!result.sawItems) errors.add(file.order, file.source.name, null, 'items', 'The file has a head but no "items" array');
      } catch (error) {
        if (error instanceof ScanCancelled) return cancelled();
        const message = error instanceof JsonFormatError ? await describeFormatError(file.source, error) : readFailure(error);
        errors.add(file.order, file.source.name, null, null, message);
      }
    }
    if (!errors.full) finishProducts();

    if (options.signal?.aborted) return cancelled();
    if (errors.count > 0) {
      summary.notices.push('The import was refused; nothing was changed.');
      return finish();
    }
    progress.report('applying', true);
    let applied: ApplyResult;
    try {
      applied = db.transaction(() => applyStaged(db, { replaceCatalog, replaceAllPrices, replacedPriceBooks })).immediate();
    } catch (error) {
      // Busy (another program holds the write lock too long), disk full, read-only file: the transaction rolled back.
      errors.add(Number.MAX_SAFE_INTEGER, DATABASE_FILE, null, null, `The database could not be updated, so nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
      return finish();
    }
    Object.assign(summary, applied);
    progress.report('done', true);
    return finish();
  } finally {
    staging.close();
  }
}

interface ImportContext {
  replaceCatalog: boolean;
  replacedPriceBooks: string[];
  summary: ImportSummary;
}

/**
 * Checks the file's head (already read when the file was identified, wherever it stands in the
 * file) and returns the check and staging of each item.
 */
function fileHandlers(
  file: PlannedFile,
  staging: Staging,
  context: ImportContext,
  report: (item: number | null, problems: FieldProblem[]) => void,
  stop: () => boolean,
): (item: unknown, index: number, text: string) => boolean {
  const order = file.order;
  const unknownProduct = (productId: string): FieldProblem => ({
    field: 'product_id',
    message: context.replaceCatalog
      ? `No product ${JSON.stringify(productId)} in this full import's product files`
      : `No product ${JSON.stringify(productId)} in this import or in the catalog`,
  });

  switch (file.entity) {
    case 'products': {
      const { head, problems } = checkProductsHead(file.head);
      report(null, problems);
      return (item, index, text) => {
        const checked = checkProduct(item);
        // Staged even under a refused head, so that prices naming these products do not add errors of their own.
        if (checked.product && !staging.addProduct(order, index, head ?? { catalog: '', locale: '' }, checked.product, text)) {
          report(index, [{ field: null, message: 'The product is nested more than 1000 levels deep, deeper than SQLite stores JSON' }]);
        }
        report(index, checked.problems);
        return stop();
      };
    }
    case 'prices': {
      const checkedHead = checkPricesHead(file.head);
      report(null, checkedHead.problems);
      let head = checkedHead.head;
      if (head) {
        const earlier = staging.stagedPriceBook(head.pricebook);
        if (earlier && earlier.currency !== head.currency) {
          report(null, [{ field: 'currency', message: `Price book ${JSON.stringify(head.pricebook)} is in ${earlier.currency} in another file of this import, not ${head.currency}` }]);
          head = null;
        } else if (!earlier) {
          staging.addPriceBook(order, head.pricebook, head.currency, head.catalog);
          const existing = staging.databasePriceBook(head.pricebook);
          if (existing && existing.currency !== head.currency) {
            context.replacedPriceBooks.push(head.pricebook);
            context.summary.notices.push(
              `Price book ${JSON.stringify(head.pricebook)} changes from ${existing.currency} to ${head.currency}: its prices that are not in this import are removed.`,
            );
          }
        }
      }
      return (item, index) => {
        const checked = checkPrice(item, head);
        const problems = [...checked.problems];
        if (checked.price && !staging.isKnownProduct(checked.price.productId, context.replaceCatalog)) problems.push(unknownProduct(checked.price.productId));
        else if (checked.price && head) staging.addPrice(order, index, head.pricebook, checked.price);
        report(index, problems);
        return stop();
      };
    }
    case 'availabilities':
      report(null, checkAvailabilitiesHead(file.head));
      return (item, index) => {
        const checked = checkAvailability(item);
        const problems = [...checked.problems];
        if (checked.stock && !staging.isKnownProduct(checked.stock.productId, context.replaceCatalog)) problems.push(unknownProduct(checked.stock.productId));
        else if (checked.stock) staging.addStock(order, index, checked.stock);
        report(index, problems);
        return stop();
      };
    case 'categories':
      throw new Error('Category files are skipped before they are read');
  }
}

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { importCatalog } from '../../catalog/import';
import type { ImportProgress, ImportReport } from '../../catalog/types';
import { defaultDatabasePath } from '../../config/paths';
import { openDatabase } from '../../db/open';
import { parseOptions, type CommandIo } from '../io';

const USAGE = 'usage: counter import PATH... [--full] [--db DB] [--json]\n  PATH: a folder, a JSON file or a NewStore import zip';

/** `counter import PATH...`: imports NewStore files all or nothing; exits 1 when the import is refused. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  const options = parseOptions(args, { values: ['db'], flags: ['full', 'json'] });
  if ('error' in options) {
    io.stderr(`counter import: ${options.error}\n${USAGE}`);
    return 2;
  }
  if (options.positional.length === 0) {
    io.stderr(USAGE);
    return 2;
  }
  const dbPath = options.values.get('db') ?? defaultDatabasePath();
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = openDatabase(dbPath);
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const json = options.flags.has('json');
    const bar = json ? undefined : progressBar(io);
    const report = await importCatalog(db, options.positional, { full: options.flags.has('full'), signal: cancel.signal, onProgress: bar });
    if (json) io.stdout(JSON.stringify({ ok: report.ok, errors: report.errors, summary: report.summary }, null, 2));
    else io.stdout(describeReport(report, dbPath));
    return report.ok ? 0 : 1;
  } finally {
    process.off('SIGINT', onInterrupt);
    db.close();
  }
}

function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--:--';
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * Progress on stderr. On a terminal the bar is redrawn in place (cursor up, clear line, because
 * every write ends a line); otherwise a line is written every tenth of the way.
 */
export function progressBar(io: CommandIo): (progress: ImportProgress) => void {
  let drawn = false;
  let lastTenth = -1;
  let lastPhase = '';
  return (progress) => {
    const width = 30;
    const filled = Math.round((progress.percent / 100) * width);
    const line =
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${progress.percent.toFixed(0).padStart(3)}%  ` +
      `${Math.round(progress.itemsPerSecond).toLocaleString('en')} items/s  ETA ${formatDuration(progress.secondsLeft)}  ${progress.phase}` +
      (progress.file ? ` ${progress.file}` : '');
    if (io.isTTY) {
      io.stderr(`${drawn ? '\x1b[1A\x1b[2K' : ''}${line}\n`);
      drawn = true;
      return;
    }
    const tenth = Math.floor(progress.percent / 10);
    if (tenth !== lastTenth || progress.phase !== lastPhase) io.stderr(line);
    lastTenth = tenth;
    lastPhase = progress.phase;
  };
}

export function describeReport(report: ImportReport, dbPath: string): string {
  const { summary } = report;
  const lines: string[] = [];
  if (summary.cancelled) lines.push('Import cancelled; the database was not changed.');
  else if (!report.ok) {
    lines.push(`Import refused: ${report.errors.length}${summary.errorsTruncated ? '+' : ''} error(s); the database was not changed.`);
    for (const error of report.errors) {
      const where = [error.file, error.item === null ? null : `item ${error.item}`, error.field].filter((part) => part !== null && part !== '').join(', ');
      lines.push(`  ${where}: ${error.message}`);
    }
    if (summary.errorsTruncated) lines.push('  (more errors were not listed)');
  } else {
    const p = summary.products;
    lines.push(`Imported into ${dbPath} (${summary.mode} import, ${(summary.durationMs / 1000).toFixed(1)} s):`);
    lines.push(`  products: ${p.imported} (${p.created} new, ${p.updated} updated)${summary.mode === 'full' ? `, ${p.removed} removed, ${p.hidden} hidden because sales refer to them` : ''}`);
    lines.push(`  identifiers: ${summary.identifiers}`);
    lines.push(
      `  prices: ${summary.prices.imported}${summary.prices.priceBooks.length ? ` in ${summary.prices.priceBooks.join(', ')}` : ''}` +
        (summary.prices.removed || summary.prices.hidden ? `, ${summary.prices.removed} removed, ${summary.prices.hidden} hidden` : ''),
    );
    lines.push(`  stock rows: ${summary.stock.imported}`);
    for (const file of summary.files) lines.push(`  ${file.entity.padEnd(14)} ${file.items.toString().padStart(8)} items  ${file.location}`);
  }
  for (const skipped of summary.skipped) lines.push(`  skipped ${skipped.file}: ${skipped.reason}`);
  for (const notice of summary.notices) lines.push(`  note: ${notice}`);
  return lines.join('\n');
}

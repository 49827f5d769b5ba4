import { openDatabase } from '../../db/open';
import { defaultDatabasePath } from '../../config/paths';
import { describeProblems, importRoutedRequests, readRequestFile } from '../../fulfillment/import';
import { parseOptions } from '../io';

const USAGE = 'usage: counter fulfillment import FILE [--db PATH]';

/** `counter fulfillment import FILE [--db PATH]`: adds the routed requests of FILE (docs/fulfillment.md), all or none. */
export async function run(args: string[], io: { stdout(s: string): void; stderr(s: string): void }): Promise<number> {
  const options = parseOptions(args, { values: ['db'] });
  if ('error' in options) {
    io.stderr(`counter fulfillment: ${options.error}\n${USAGE}`);
    return 2;
  }
  const [verb, file, ...rest] = options.positional;
  if (verb !== 'import' || !file || rest.length > 0) {
    io.stderr(USAGE);
    return 2;
  }
  const read = readRequestFile(file);
  if (!read.ok) {
    for (const line of describeProblems(file, read.problems)) io.stderr(line);
    return 1;
  }
  const dbPath = options.values.get('db') ?? defaultDatabasePath();
  const db = openDatabase(dbPath);
  try {
    const report = importRoutedRequests(db, read.document);
    if (!report.ok) {
      for (const line of describeProblems(file, report.problems, read.document)) io.stderr(line);
      io.stderr(`counter fulfillment: nothing was imported (${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}).`);
      return 1;
    }
    io.stdout(`Imported ${report.imported.length} fulfillment request${report.imported.length === 1 ? '' : 's'}: ${report.imported.join(', ')} (database ${dbPath})`);
    return 0;
  } finally {
    db.close();
  }
}

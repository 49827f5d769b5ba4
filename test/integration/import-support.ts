import { createHash } from 'node:crypto';
import type { Db } from '../../main/db/open';

/** A content checksum of every table, so a test can tell that an import changed nothing at all. */
export function tableChecksums(db: Db): Record<string, string> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const sums: Record<string, string> = {};
  for (const table of tables) {
    const rows = (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort();
    sums[table] = createHash('sha256').update(rows.join('\n')).digest('hex');
  }
  return sums;
}

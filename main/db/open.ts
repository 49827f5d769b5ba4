import Database from 'better-sqlite3';
import { migrations } from './migrations/index';

export type Db = Database.Database;

export class NewerDatabaseError extends Error {
  constructor(readonly path: string, readonly found: number, readonly known: number) {
    super(`The database ${path} has schema version ${found}, newer than this Counter knows (${known}). Update Counter before opening it; the file was left untouched.`);
  }
}

export class ForeignDatabaseError extends Error {
  constructor(readonly path: string, why: string) {
    super(`The file ${path} is not a Counter database (${why}). Counter left it untouched; give --db a new file or a Counter database.`);
  }
}

export const SCHEMA_VERSION = migrations.length;

/** Opens (creating if needed) and migrates a Counter database. */
export function openDatabase(path: string, options: { targetVersion?: number } = {}): Db {
  const db = new Database(path);
  try {
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > SCHEMA_VERSION) throw new NewerDatabaseError(path, found, SCHEMA_VERSION);
    if (found < 0) throw new ForeignDatabaseError(path, `its schema version is ${found}`);
    // Version 0 with tables in it is another program's database: Counter must not write into it.
    if (found === 0 && db.prepare(`SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%')`).pluck().get()) {
      throw new ForeignDatabaseError(path, 'it holds tables but no Counter schema version');
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // Long enough for the apply step of a store-sized import run from the command line (docs/import.md).
    db.pragma('busy_timeout = 30000');
    migrate(db, options.targetVersion ?? SCHEMA_VERSION);
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new ForeignDatabaseError(path, 'it is not an SQLite file');
    throw error;
  }
}

/** Applies each pending migration in its own transaction, so a failed one leaves the last good version. */
export function migrate(db: Db, targetVersion: number = SCHEMA_VERSION): void {
  let version = db.pragma('user_version', { simple: true }) as number;
  while (version < targetVersion) {
    const migration = migrations[version];
    if (!migration) throw new Error(`No migration to schema version ${version + 1}`);
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
    version += 1;
  }
}

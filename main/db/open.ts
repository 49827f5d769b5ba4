import Database from 'better-sqlite3';
import { migrations } from './migrations/index';

export type Db = Database.Database;

export class NewerDatabaseError extends Error {
  constructor(readonly path: string, readonly found: number, readonly known: number) {
    super(`The database ${path} has schema version ${found}, newer than this Counter knows (${known}). Update Counter before opening it; the file was left untouched.`);
  }
}

export const SCHEMA_VERSION = migrations.length;

/** Opens (creating if needed) and migrates a Counter database. */
export function openDatabase(path: string, options: { targetVersion?: number } = {}): Db {
  const db = new Database(path);
  try {
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > SCHEMA_VERSION) throw new NewerDatabaseError(path, found, SCHEMA_VERSION);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.targetVersion ?? SCHEMA_VERSION);
    return db;
  } catch (error) {
    db.close();
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

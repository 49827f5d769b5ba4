import { mkdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import { ConfigStore, type ConfigResult } from '../../config/config-store';
import { defaultDatabasePath } from '../../config/paths';
import { openDatabase } from '../../db/open';
import { parseOptions, type CommandIo } from '../io';

const USAGE = [
  'usage: counter config get [--json] [--db DB]',
  '       counter config replace FILE [--db DB]',
  '       counter config set KEY VALUE [--db DB]     (VALUE is read as JSON when it parses, else as text)',
  '       counter config history [--json] [--db DB]',
].join('\n');

/** Who changed the configuration, for the history. */
function cliOrigin(): string {
  try {
    return `cli (${userInfo().username})`;
  } catch {
    return 'cli';
  }
}

/** VALUE as JSON when it parses (42, true, "x", {...}), else the text itself (^[A-Z]+$). */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `counter config ...`: read, replace or set the app configuration of a database. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  const options = parseOptions(args, { values: ['db'], flags: ['json'] });
  if ('error' in options) {
    io.stderr(`counter config: ${options.error}\n${USAGE}`);
    return 2;
  }
  const [verb, ...rest] = options.positional;
  const expected: Record<string, number> = { get: 0, replace: 1, set: 2, history: 0 };
  if (verb === undefined || expected[verb] === undefined || rest.length !== expected[verb]) {
    io.stderr(USAGE);
    return 2;
  }
  const dbPath = options.values.get('db') ?? defaultDatabasePath();
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = openDatabase(dbPath);
  try {
    const store = new ConfigStore(db);
    const json = options.flags.has('json');
    switch (verb) {
      case 'get': {
        const effective = store.effective();
        if (json) io.stdout(JSON.stringify(effective, null, 2));
        else {
          io.stdout(JSON.stringify(effective.document, null, 2));
          for (const [key, source] of Object.entries(effective.sources)) io.stdout(`  ${key}: ${source}${source === 'managed' ? ` (${effective.managedPath})` : ''}`);
        }
        for (const warning of effective.warnings) io.stderr(`warning: ${warning}`);
        return 0;
      }
      case 'history': {
        const history = store.history();
        if (json) io.stdout(JSON.stringify(history, null, 2));
        else for (const change of history) io.stdout(`${change.changedAt}  ${change.scope.padEnd(7)}  ${change.origin}\n  ${JSON.stringify(change.oldDocument)}\n→ ${JSON.stringify(change.newDocument)}`);
        return 0;
      }
      case 'replace': {
        const file = rest[0]!;
        let document: unknown;
        try {
          document = JSON.parse(readFileSync(file, 'utf8'));
        } catch (error) {
          io.stderr(`counter config: cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
          return 1;
        }
        return report(store.replace(document, cliOrigin()), io);
      }
      case 'set':
        return report(store.set(rest[0]!, parseValue(rest[1]!), cliOrigin()), io);
    }
    return 2;
  } finally {
    db.close();
  }
}

function report(result: ConfigResult, io: CommandIo): number {
  if (!result.ok) {
    io.stderr(`counter config: refused: ${result.reason}`);
    return 1;
  }
  io.stdout('Configuration saved.');
  for (const warning of result.warnings) io.stderr(`warning: ${warning}`);
  return 0;
}

import { lstatSync, readFileSync } from 'node:fs';
import { checkConfigDocument, type ConfigDocument } from './document';

export type ManagedRead =
  | { status: 'absent' }
  | { status: 'ok'; document: ConfigDocument }
  | { status: 'refused'; reason: string };

/**
 * Reads the machine-wide file IT manages. On Linux and macOS it is refused when anyone but its
 * owner could have written it (a symlink, or writable by group or others), because it overrides
 * what the store's staff configure; Windows protects ProgramData with ACLs, which are not checked here.
 */
export function readManagedFile(path: string, platform: NodeJS.Platform = process.platform): ManagedRead {
  let info;
  try {
    info = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'absent' };
    return { status: 'refused', reason: `${path} cannot be read: ${(error as Error).message}` };
  }
  if (platform !== 'win32') {
    if (info.isSymbolicLink()) return { status: 'refused', reason: `${path} is a symbolic link; the managed configuration must be a regular file` };
    if (!info.isFile()) return { status: 'refused', reason: `${path} is not a regular file` };
    if ((info.mode & 0o022) !== 0) {
      const who = (info.mode & 0o020 ? ['group'] : []).concat(info.mode & 0o002 ? ['others'] : []).join(' and ');
      return { status: 'refused', reason: `${path} is writable by ${who} (mode ${(info.mode & 0o777).toString(8)}); make it writable by its owner only (chmod 644)` };
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { status: 'refused', reason: `${path} is not valid JSON: ${(error as Error).message}` };
  }
  const checked = checkConfigDocument(parsed);
  if (!checked.ok) return { status: 'refused', reason: `${path}: ${checked.reason}` };
  return { status: 'ok', document: checked.document };
}

import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { ImportError } from './types';

/** One JSON file to import: on disk, inside a zip, or in memory (the bundled demo store). */
export interface ImportSource {
  /** Base name, used in errors. */
  name: string;
  /** Where it was found, for people: a path, or zip-path!entry. */
  location: string;
  /** Bytes, for progress. */
  size: number;
  /** A fresh stream of the file's bytes each time (the head may be looked for before the items are read). */
  open(): Promise<Readable>;
}

export interface CollectedSources {
  sources: ImportSource[];
  errors: ImportError[];
  skipped: { file: string; reason: string }[];
  /** Closes the zip files opened for reading. */
  close(): void;
}

// Small enough that each decoded chunk is an ordinary young-generation string for V8: larger ones
// go straight to the old generation and pile up until a full GC, which doubled peak memory.
const CHUNK_BYTES = 64 * 1024;

/** Expands folders (recursively, in name order), JSON files and NewStore import zips into the files to read. */
export async function collectSources(inputs: string[]): Promise<CollectedSources> {
  const collected: CollectedSources = { sources: [], errors: [], skipped: [], close: () => undefined };
  const zips: yauzl.ZipFile[] = [];
  collected.close = () => zips.forEach((zip) => zip.close());

  const addPath = async (target: string, explicitlyGiven: boolean): Promise<void> => {
    const name = path.basename(target);
    let info;
    try {
      info = await stat(target);
    } catch (error) {
      collected.errors.push({ file: name, item: null, field: null, message: `Cannot read ${target}: ${describeFsError(error)}` });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(target)).sort();
      for (const entry of entries) {
        if (entry.startsWith('.')) continue;
        await addPath(path.join(target, entry), false);
      }
      return;
    }
    if (/\.zip$/i.test(name)) {
      try {
        const zip = await openZip(target);
        zips.push(zip);
        await addZipEntries(zip, target, collected);
      } catch (error) {
        collected.errors.push({ file: name, item: null, field: null, message: `${target} is not a readable zip file: ${describeFsError(error)}` });
      }
      return;
    }
    if (!explicitlyGiven && !/\.json$/i.test(name)) {
      collected.skipped.push({ file: name, reason: 'not a .json file' });
      return;
    }
    collected.sources.push({
      name,
      location: target,
      size: info.size,
      open: async () => createReadStream(target, { highWaterMark: CHUNK_BYTES }),
    });
  };

  for (const input of inputs) await addPath(path.resolve(input), true);
  return collected;
}

/** Sources held in memory (the demo catalog bundled with the app). */
export function memorySources(files: { name: string; content: unknown }[]): ImportSource[] {
  return files.map(({ name, content }) => {
    const bytes = Buffer.from(JSON.stringify(content));
    return { name, location: `(built in) ${name}`, size: bytes.length, open: async () => Readable.from([bytes]) };
  });
}

function describeFsError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    if (code === 'ENOENT') return 'no such file or folder';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  }
  return error instanceof Error ? error.message : String(error);
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, zip) => (error ? reject(error) : resolve(zip!)));
  });
}

function addZipEntries(zip: yauzl.ZipFile, zipPath: string, collected: CollectedSources): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const entryPath = entry.fileName;
      const name = path.posix.basename(entryPath);
      const isFolder = entryPath.endsWith('/');
      const isNoise = name.startsWith('.') || entryPath.startsWith('__MACOSX/');
      if (!isFolder && !isNoise) {
        if (/\.json$/i.test(name)) {
          collected.sources.push({
            name,
            location: `${zipPath}!${entryPath}`,
            size: entry.uncompressedSize,
            open: () =>
              new Promise<Readable>((resolveStream, rejectStream) =>
                zip.openReadStream(entry, (error, stream) => (error ? rejectStream(error) : resolveStream(stream!))),
              ),
          });
        } else {
          collected.skipped.push({ file: name, reason: `not a .json file (in ${path.basename(zipPath)})` });
        }
      }
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
}

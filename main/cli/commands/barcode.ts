import { interpretBarcode } from '../../../shared/barcode/interpret';
import type { CommandIo } from '../io';

const USAGE = [
  'usage: counter barcode parse DATA',
  '  DATA is the text a scanner sends, AIM identifier included (such as "]d2…"). Write the GS1',
  '  group separator as the character itself, as <GS>, as \\u001d or as \\x1d.',
  '  Prints {valid, symbology, gtin, ai}; exits 0 when valid, 1 when not (the reason goes to stderr).',
].join('\n');

/** The GS1 group separator from the ways a shell can pass it. */
export function unescapeGroupSeparators(text: string): string {
  return text.replace(/<GS>|\\u001d|\\x1d/gi, '\u001d');
}

/** `counter barcode parse DATA`: what the app reads from a scan. */
export async function run(args: string[], io: Pick<CommandIo, 'stdout' | 'stderr'>): Promise<number> {
  const [subcommand, data, ...rest] = args;
  if (subcommand !== 'parse' || data === undefined || rest.length > 0) {
    io.stderr(subcommand === 'parse' ? `counter barcode parse: give exactly one DATA argument (quote it).\n${USAGE}` : USAGE);
    return 2;
  }
  const reading = interpretBarcode(unescapeGroupSeparators(data));
  io.stdout(JSON.stringify({ valid: reading.valid, symbology: reading.symbology, gtin: reading.gtin, ai: reading.ai }, null, 2));
  if (!reading.valid) io.stderr(`counter barcode parse: not valid: ${reading.problem}`);
  return reading.valid ? 0 : 1;
}

import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { HidLabelAssembler } from '../../../shared/scan/hid-report';
import { replayWedgeTrace, WedgeTrace } from '../../../shared/scan/wedge-replay';
import { HID_POS_USAGE_PAGE, nodeHidBackend } from '../../devices/hid-backend';
import type { CommandIo } from '../io';

const USAGE = [
  'usage: counter scanner replay FILE   play a recorded wedge key trace or HID POS report file through the app\'s decoders',
  '       counter scanner list          list the HID POS scanner interfaces this computer can see',
].join('\n');

const HidRecording = z.object({
  reports: z.array(z.object({ t: z.number(), hex: z.string() })).min(1),
});

type Io = Pick<CommandIo, 'stdout' | 'stderr'>;

/** `counter scanner ...`: replay recordings, list HID POS scanners. */
export async function run(args: string[], io: Io): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'replay' && rest.length === 1) return replay(rest[0]!, io);
  if (subcommand === 'list' && rest.length === 0) return list(io);
  io.stderr(USAGE);
  return 2;
}

async function replay(file: string, io: Io): Promise<number> {
  const fail = (problem: string) => {
    io.stderr(`counter scanner replay: ${file}: ${problem}`);
    return 1;
  };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`is not valid JSON: ${(error as Error).message}`);
  }
  const fields = typeof json === 'object' && json !== null && !Array.isArray(json) ? Object.keys(json) : [];
  const isWedgeTrace = fields.includes('events');
  if (isWedgeTrace === fields.includes('reports')) {
    return fail('is neither a wedge key trace (with "events") nor a HID report file (with "reports")');
  }
  if (isWedgeTrace) {
    const trace = WedgeTrace.safeParse(json);
    if (!trace.success) return fail(issuesOf(trace.error));
    const result = replayWedgeTrace(trace.data);
    if (!result.ok) return fail(result.problem);
    const { scans, typed, corrupt } = result.replay;
    io.stdout(JSON.stringify({ scans, typed, ...(corrupt.length > 0 ? { corrupt: corrupt.map((scan) => ({ data: (scan.aim ?? '') + scan.data, reason: scan.corrupt })) } : {}) }, null, 2));
    return 0;
  }
  const recording = HidRecording.safeParse(json);
  if (!recording.success) return fail(issuesOf(recording.error));
  const assembler = new HidLabelAssembler();
  const scans: { data: string; aim: string | null }[] = [];
  const dropped: { reason: string; partial: string | null }[] = [];
  for (const [index, report] of recording.data.reports.entries()) {
    const bytes = hexBytes(report.hex);
    if (typeof bytes === 'string') return fail(`reports[${index}].hex: ${bytes}`);
    for (const event of assembler.push(bytes, report.t)) {
      if (event.kind === 'scan') scans.push({ data: event.scan.data, aim: event.scan.aim });
      else dropped.push({ reason: `reports[${index}]: ${event.reason}`, partial: event.partial });
    }
  }
  for (const event of assembler.abandon('The recording ends in the middle of a label.')) if (event.kind === 'dropped') dropped.push({ reason: event.reason, partial: event.partial });
  io.stdout(JSON.stringify({ scans, ...(dropped.length > 0 ? { dropped } : {}) }, null, 2));
  return 0;
}

async function list(io: Io): Promise<number> {
  const devices = (await nodeHidBackend.list()).filter((device) => (device.usagePage & 0xffff) === HID_POS_USAGE_PAGE);
  io.stdout(JSON.stringify(devices, null, 2));
  if (devices.length === 0) io.stderr('counter scanner list: no HID POS scanner found. A scanner in keyboard mode is not listed here; see docs/scanners.md.');
  return 0;
}

function hexBytes(hex: string): Uint8Array | string {
  const pairs = hex.trim().split(/\s+/);
  const bad = pairs.find((pair) => !/^[0-9a-fA-F]{2}$/.test(pair));
  if (bad !== undefined) return `"${bad}" is not a byte written as two hex digits`;
  return Uint8Array.from(pairs, (pair) => parseInt(pair, 16));
}

function issuesOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || 'the file';
}

import { scanOf, type Scan } from './scan';

/**
 * HID POS bar code scanner input reports (USB HID usage page 0x8C), as node-hid delivers them:
 * byte 0 the report ID, byte 1 the count of data bytes in this report, bytes 2–4 the AIM
 * identifier, then the data, padded; bit 0 of the last byte says more reports follow for the same
 * label. Some scanners put one extra 0x00 after the count, which moves everything after it by one.
 */
export type HidReport =
  | { ok: true; aim: string | null; data: Uint8Array; more: boolean }
  | { ok: false; problem: string };

const AIM_START = 0x5d; // ']'

export function parseHidReport(report: Uint8Array): HidReport {
  if (report.length < 6) return { ok: false, problem: `The report is ${report.length} bytes long; a HID POS report has at least 6.` };
  const count = report[1]!;
  const aimAt = report[2] === AIM_START ? 2 : report[2] === 0 && report[3] === AIM_START ? 3 : null;
  const noAim = aimAt === null && report[2] === 0 && report[3] === 0 && report[4] === 0;
  if (aimAt === null && !noAim) {
    return { ok: false, problem: `Bytes 2–4 of the report (${hex(report.subarray(2, 5))}) are no AIM identifier.` };
  }
  const dataAt = (aimAt ?? 2) + 3;
  const room = report.length - 1 - dataAt;
  if (count > room) return { ok: false, problem: `The report says it carries ${count} data bytes, but only ${room} fit in it.` };
  const aim = aimAt === null ? null : String.fromCharCode(...report.subarray(aimAt, aimAt + 3));
  if (aim !== null && !/^\][A-Za-z][0-9A-Za-z]$/.test(aim)) return { ok: false, problem: `"${aim}" is no AIM identifier.` };
  return { ok: true, aim, data: report.slice(dataAt, dataAt + count), more: (report[report.length - 1]! & 1) === 1 };
}

export type HidLabelEvent =
  | { kind: 'scan'; scan: Scan }
  /** Something the scanner sent could not become a scan: what, and the part that had arrived. */
  | { kind: 'dropped'; reason: string; partial: string | null };

interface Partial {
  aim: string | null;
  chunks: Uint8Array[];
  lastAt: number;
}

/** Joins the reports of one device into labels. One assembler per opened interface. */
export class HidLabelAssembler {
  private partial: Partial | null = null;

  /** `continuationTimeoutMs`: a label whose next report does not come within this is given up. */
  constructor(private readonly continuationTimeoutMs = 1000) {}

  push(report: Uint8Array, t: number): HidLabelEvent[] {
    const events = this.expire(t);
    const parsed = parseHidReport(report);
    if (!parsed.ok) {
      events.push({ kind: 'dropped', reason: parsed.problem, partial: this.takePartial() });
      return events;
    }
    const partial = (this.partial ??= { aim: parsed.aim, chunks: [], lastAt: t });
    partial.chunks.push(parsed.data);
    partial.lastAt = t;
    if (parsed.aim !== partial.aim) {
      events.push({ kind: 'dropped', reason: `A continued label changed its AIM identifier from ${partial.aim} to ${parsed.aim}.`, partial: this.takePartial() });
      return events;
    }
    if (!parsed.more) {
      this.partial = null;
      events.push({ kind: 'scan', scan: scanOf(decodeText(joinChunks(partial.chunks)), partial.aim, 'hid') });
    }
    return events;
  }

  /** Gives up a label still waiting for its next report (its device went away, or it timed out). */
  abandon(reason: string): HidLabelEvent[] {
    const partial = this.takePartial();
    return partial === null ? [] : [{ kind: 'dropped', reason, partial }];
  }

  expire(now: number): HidLabelEvent[] {
    if (!this.partial || now - this.partial.lastAt <= this.continuationTimeoutMs) return [];
    return this.abandon(`The rest of a label did not arrive within ${this.continuationTimeoutMs} ms.`);
  }

  private takePartial(): string | null {
    const partial = this.partial;
    this.partial = null;
    return partial ? (partial.aim ?? '') + decodeText(joinChunks(partial.chunks)) : null;
  }
}

function joinChunks(chunks: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/** UTF-8 when the bytes are valid UTF-8 (QR codes often are), else one character per byte (Latin-1). */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return String.fromCharCode(...bytes);
  }
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

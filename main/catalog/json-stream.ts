import { findJsonSyntaxProblem } from './json-syntax';


const BATCH_ITEMS_ABOVE_CHARS = 1024 * 1024;
/**
 * Reads a NewStore import file, `{"head": {...}, "items": [...]}`, one item at a time, so that a
 * 500 MB product file never sits in memory whole. Only the outer structure is scanned here, in
 * JavaScript; each item's own text is handed to the native JSON.parse, which is much faster than
 * any parser written in JavaScript. Every syntax error carries the exact character offset.
 */

/** The text is not valid JSON (or not the NewStore outer shape); `offset` counts characters from the start. */
export class JsonFormatError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

export interface ScanHandlers {
  /** Return true to stop reading (the rest of the file is not read). */
  head?(head: unknown): boolean | void;
  /** `text` is the item exactly as written in the file. Return true to stop reading. */
  item?(item: unknown, index: number, text: string): boolean | void;
}

export interface ScanOptions {
  /** When false, items are only bracket-matched, not parsed (for finding the head). */
  parseItems?: boolean;
  /** A single item (or the head) longer than this many characters is refused rather than buffered. */
  maxValueChars?: number;
}

export interface ScanResult {
  sawHead: boolean;
  sawItems: boolean;
  itemCount: number;
  stopped: boolean;
}

const enum State {
  RootOpen,
  FirstKeyOrClose,
  Key,
  Colon,
  Value,
  AfterValue,
  FirstItemOrClose,
  Item,
  AfterItem,
  Done,
  Capturing,
}

const enum Capture {
  Nested,
  String,
  Primitive,
}

const enum Purpose {
  Key,
  Head,
  Item,
  Skip,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isPrimitiveEnd(c: number): boolean {
  return isSpace(c) || c === 0x2c || c === 0x7d || c === 0x5d;
}

/** True when the quote at `at` is escaped, i.e. preceded by an odd number of backslashes. */
function isEscaped(text: string, at: number, from: number): boolean {
  let count = 0;
  for (let k = at - 1; k >= from && text.charCodeAt(k) === BACKSLASH; k--) count++;
  return count % 2 === 1;
}

function shown(c: string | undefined): string {
  return c === undefined ? 'the end of the file' : `'${c}'`;
}

export class NewStoreFileScanner {
  private text = '';
  /** Absolute character offset of text[0]. */
  private base = 0;
  private pos = 0;
  private state = State.RootOpen;

  private pending: string[] = [];
  private pendingLength = 0;
  private captureStart = 0;
  private captureKind = Capture.Nested;
  private purpose = Purpose.Skip;
  private depth = 0;
  private inString = false;
  private scanPos = 0;

  private key: string | null = null;
  private readonly seenKeys = new Set<string>();
  private itemIndex = 0;
  private stopped = false;
  private sawHead = false;
  private sawItems = false;
  private readonly parseItems: boolean;
  private readonly maxValueChars: number;

  constructor(private readonly handlers: ScanHandlers, options: ScanOptions = {}) {
    this.parseItems = options.parseItems ?? true;
    this.maxValueChars = options.maxValueChars ?? 64 * 1024 * 1024;
  }

  /** Feeds the next piece of text; returns true once a handler asked to stop. */
  feed(chunk: string): boolean {
    if (this.stopped) return true;
    // Joining each chunk to a large item being captured copies the whole item every time: quadratic
    // in its size. Past a megabyte, chunks wait until they are as long as the item so far, so the
    // copying doubles the item at most once per round: linear in all.
    const captured = this.state === State.Capturing ? this.text.length - this.captureStart : 0;
    if (captured > BATCH_ITEMS_ABOVE_CHARS && this.pendingLength + chunk.length < captured) {
      this.pending.push(chunk);
      this.pendingLength += chunk.length;
      return false;
    }
    return this.scan(this.takePending() + chunk);
  }

  private takePending(): string {
    const joined = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    return joined;
  }

  private scan(chunk: string): boolean {
    const keepFrom = this.state === State.Capturing ? this.captureStart : this.pos;
    this.text = keepFrom === 0 ? this.text + chunk : this.text.slice(keepFrom) + chunk;
    this.base += keepFrom;
    this.pos -= keepFrom;
    this.scanPos -= keepFrom;
    this.captureStart -= keepFrom;
    this.run(false);
    return this.stopped;
  }

  /** Call at the end of the file: refuses a file that stops before its JSON is complete. */
  end(): ScanResult {
    if (this.pendingLength > 0 && !this.stopped) this.scan(this.takePending());
    if (!this.stopped) {
      this.run(true);
      if (this.state !== State.Done) {
        const where =
          this.state === State.Capturing && this.purpose === Purpose.Item
            ? `in the middle of item ${this.itemIndex}`
            : this.state === State.Capturing && this.purpose === Purpose.Head
              ? 'in the middle of the head'
              : 'before its JSON is complete';
        throw new JsonFormatError(`The file ends ${where}; it looks truncated`, this.base + this.text.length);
      }
    }
    return { sawHead: this.sawHead, sawItems: this.sawItems, itemCount: this.itemIndex, stopped: this.stopped };
  }

  private fail(message: string, at: number): never {
    throw new JsonFormatError(message, this.base + at);
  }

  private run(atEnd: boolean): void {
    const text = this.text;
    while (!this.stopped) {
      if (this.state === State.Capturing) {
        const end = this.continueCapture(atEnd);
        if (end < 0) return;
        this.finishCapture(end);
        continue;
      }
      while (this.pos < text.length && isSpace(text.charCodeAt(this.pos))) this.pos++;
      if (this.pos >= text.length) return;
      const at = this.pos;
      const c = text[at]!;
      switch (this.state) {
        case State.RootOpen:
          if (c !== '{') this.fail(`A NewStore import file is a JSON object ({"head": ..., "items": [...]}), but it starts with ${shown(c)}`, at);
          this.pos++;
          this.state = State.FirstKeyOrClose;
          break;
        case State.FirstKeyOrClose:
          if (c === '}') {
            this.pos++;
            this.state = State.Done;
          } else {
            this.startKey(at, c);
          }
          break;
        case State.Key:
          this.startKey(at, c);
          break;
        case State.Colon:
          if (c !== ':') this.fail(`Expected ':' after "${this.key}" but found ${shown(c)}`, at);
          this.pos++;
          this.state = State.Value;
          break;
        case State.Value:
          if (this.key === 'items') {
            if (c !== '[') this.fail(`"items" must be an array, but it starts with ${shown(c)}`, at);
            this.sawItems = true;
            this.pos++;
            this.state = State.FirstItemOrClose;
          } else {
            this.startValue(at, this.key === 'head' ? Purpose.Head : Purpose.Skip);
          }
          break;
        case State.AfterValue:
          if (c === ',') {
            this.pos++;
            this.state = State.Key;
          } else if (c === '}') {
            this.pos++;
            this.state = State.Done;
          } else {
            this.fail(`Expected ',' or '}' after the value of "${this.key}" but found ${shown(c)}`, at);
          }
          break;
        case State.FirstItemOrClose:
          if (c === ']') {
            this.pos++;
            this.state = State.AfterValue;
          } else {
            this.startValue(at, Purpose.Item);
          }
          break;
        case State.Item:
          this.startValue(at, Purpose.Item);
          break;
        case State.AfterItem:
          if (c === ',') {
            this.pos++;
            this.state = State.Item;
          } else if (c === ']') {
            this.pos++;
            this.state = State.AfterValue;
          } else {
            this.fail(`Expected ',' or ']' after item ${this.itemIndex - 1} but found ${shown(c)}`, at);
          }
          break;
        case State.Done:
          this.fail(`Unexpected ${shown(c)} after the end of the JSON object`, at);
      }
    }
  }

  private startKey(at: number, c: string): void {
    if (c !== '"') this.fail(`Expected a property name in double quotes but found ${shown(c)}`, at);
    this.startCapture(at, Capture.String, Purpose.Key);
  }

  private startValue(at: number, purpose: Purpose): void {
    const c = this.text.charCodeAt(at);
    if (c === 0x7b || c === 0x5b) this.startCapture(at, Capture.Nested, purpose);
    else if (c === QUOTE) this.startCapture(at, Capture.String, purpose);
    else if (c === 0x7d || c === 0x5d || c === 0x2c || c === 0x3a) this.fail(`Expected a value but found ${shown(this.text[at])}`, at);
    else this.startCapture(at, Capture.Primitive, purpose);
  }

  private startCapture(at: number, kind: Capture, purpose: Purpose): void {
    this.state = State.Capturing;
    this.captureStart = at;
    this.captureKind = kind;
    this.purpose = purpose;
    this.depth = 0;
    this.inString = false;
    this.scanPos = kind === Capture.String ? at + 1 : at;
  }

  /** Returns the index just past the captured value, or -1 when more text is needed. */
  private continueCapture(atEnd: boolean): number {
    const text = this.text;
    const length = text.length;
    let i = this.scanPos;
    if (this.captureKind === Capture.Primitive) {
      while (i < length && !isPrimitiveEnd(text.charCodeAt(i))) i++;
      if (i < length || atEnd) return i;
      this.scanPos = i;
      return this.needMore();
    }
    if (this.captureKind === Capture.String) {
      const end = this.findStringEnd(i);
      if (end < 0) return this.needMore();
      return end + 1;
    }
    let depth = this.depth;
    if (this.inString) {
      const end = this.findStringEnd(i);
      if (end < 0) return this.needMore();
      this.inString = false;
      i = end + 1;
    }
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        const end = this.findStringEnd(i + 1);
        if (end < 0) {
          this.depth = depth;
          this.inString = true;
          return this.needMore();
        }
        i = end + 1;
        continue;
      }
      if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    this.depth = depth;
    this.scanPos = i;
    return this.needMore();
  }

  /** Index of the closing quote of a string whose content starts at `from`, or -1 (scanPos is set to resume). */
  private findStringEnd(from: number): number {
    const text = this.text;
    let i = from;
    for (;;) {
      const quote = text.indexOf('"', i);
      if (quote < 0) {
        this.scanPos = text.length;
        return -1;
      }
      if (!isEscaped(text, quote, this.captureStart)) return quote;
      i = quote + 1;
    }
  }

  private needMore(): -1 {
    if (this.text.length - this.captureStart > this.maxValueChars) {
      const what = this.purpose === Purpose.Item ? `Item ${this.itemIndex}` : 'A value';
      this.fail(`${what} is longer than ${Math.round(this.maxValueChars / (1024 * 1024))} MB; such an item cannot be a product`, this.captureStart);
    }
    return -1;
  }

  private parseCaptured(end: number, slice = this.text.slice(this.captureStart, end)): unknown {
    try {
      return JSON.parse(slice);
    } catch {
      const problem = findJsonSyntaxProblem(slice) ?? { index: 0, message: 'Not valid JSON' };
      const where = this.purpose === Purpose.Item ? ` (in item ${this.itemIndex})` : this.purpose === Purpose.Head ? ' (in the head)' : '';
      return this.fail(problem.message + where, this.captureStart + problem.index);
    }
  }

  private finishCapture(end: number): void {
    this.pos = end;
    switch (this.purpose) {
      case Purpose.Key: {
        const key = this.parseCaptured(end) as string;
        if ((key === 'head' || key === 'items') && this.seenKeys.has(key)) this.fail(`"${key}" appears twice in the file`, this.captureStart);
        this.seenKeys.add(key);
        this.key = key;
        this.state = State.Colon;
        return;
      }
      case Purpose.Head: {
        const head = this.parseCaptured(end);
        this.sawHead = true;
        this.state = State.AfterValue;
        if (this.handlers.head?.(head) === true) this.stopped = true;
        return;
      }
      case Purpose.Item: {
        const index = this.itemIndex++;
        this.state = State.AfterItem;
        if (!this.parseItems) return;
        const text = this.text.slice(this.captureStart, end);
        const item = this.parseCaptured(end, text);
        if (this.handlers.item?.(item, index, text) === true) this.stopped = true;
        return;
      }
      case Purpose.Skip:
        this.parseCaptured(end);
        this.state = State.AfterValue;
        return;
    }
  }
}

export interface StreamScanOptions extends ScanOptions {
  signal?: AbortSignal;
  /** Called after each chunk with the number of bytes it had. */
  onBytes?(bytes: number): void;
  /** Runs the scanning of one chunk; lets the caller wrap each chunk's handler calls in one transaction. */
  runChunk?(scan: () => void): void;
}

export class ScanCancelled extends Error {
  constructor() {
    super('The import was cancelled');
  }
}

/** Scans a byte stream of UTF-8 JSON; stops early (destroying the stream) when a handler says so. */
export async function scanStream(
  stream: AsyncIterable<Buffer | Uint8Array> & { destroy?(): void },
  handlers: ScanHandlers,
  options: StreamScanOptions = {},
): Promise<ScanResult> {
  const scanner = new NewStoreFileScanner(handlers, options);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let chars = 0;
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new JsonFormatError('The file is not valid UTF-8 text', chars);
    }
  };
  const runChunk = options.runChunk ?? ((scan: () => void) => scan());
  try {
    for await (const bytes of stream) {
      if (options.signal?.aborted) throw new ScanCancelled();
      const text = decode(bytes);
      let stopped = false;
      runChunk(() => {
        stopped = scanner.feed(text);
      });
      chars += text.length;
      options.onBytes?.(bytes.byteLength);
      if (stopped) return scanner.end();
    }
    const rest = decode();
    let result: ScanResult | undefined;
    runChunk(() => {
      if (rest) scanner.feed(rest);
      result = scanner.end();
    });
    return result!;
  } finally {
    stream.destroy?.();
  }
}

/** 1-based line and column of a character offset, counted by reading the text again (only on errors). */
export async function lineAndColumn(stream: AsyncIterable<Buffer | Uint8Array> & { destroy?(): void }, offset: number): Promise<{ line: number; column: number }> {
  const decoder = new TextDecoder('utf-8');
  let line = 1;
  let lineStart = 0;
  let seen = 0;
  try {
    for await (const bytes of stream) {
      const text = decoder.decode(bytes, { stream: true });
      const limit = Math.min(text.length, offset - seen);
      for (let k = text.indexOf('\n'); k !== -1 && k < limit; k = text.indexOf('\n', k + 1)) {
        line++;
        lineStart = seen + k + 1;
      }
      seen += text.length;
      if (seen >= offset) break;
    }
  } finally {
    stream.destroy?.();
  }
  return { line, column: offset - lineStart + 1 };
}

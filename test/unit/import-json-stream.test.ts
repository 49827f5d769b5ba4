import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonFormatError, lineAndColumn, NewStoreFileScanner, scanStream } from '../../main/catalog/json-stream';
import { findJsonSyntaxProblem } from '../../main/catalog/json-syntax';

function scanPieces(pieces: string[]) {
  let head: unknown;
  const items: unknown[] = [];
  const texts: string[] = [];
  const scanner = new NewStoreFileScanner({
    head: (value) => void (head = value),
    item: (value, _index, text) => void (items.push(value), texts.push(text)),
  });
  for (const piece of pieces) scanner.feed(piece);
  const result = scanner.end();
  return { head, items, texts, result };
}

function splitAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of points) {
    pieces.push(text.slice(from, point));
    from = point;
  }
  pieces.push(text.slice(from));
  return pieces;
}

function failureOf(text: string): JsonFormatError {
  try {
    scanPieces([text]);
  } catch (error) {
    if (error instanceof JsonFormatError) return error;
    throw error;
  }
  throw new Error('expected the scan to fail');
}

describe('NewStore file scanner', () => {
  it('gives the head and each item exactly as JSON.parse would, however the text is cut into chunks', () => {
    const item = fc.dictionary(fc.string(), fc.jsonValue());
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(item, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (head, items, cuts, pretty) => {
        const text = JSON.stringify({ head, items }, null, pretty ? 2 : undefined);
        const scanned = scanPieces(splitAt(text, cuts));
        expect(scanned.head).toEqual(JSON.parse(JSON.stringify(head)));
        expect(scanned.items).toEqual(JSON.parse(JSON.stringify(items)));
        expect(scanned.texts.map((t) => JSON.parse(t))).toEqual(scanned.items);
        expect(scanned.result.itemCount).toBe(items.length);
      }),
      { numRuns: 300 },
    );
  });

  it('handles escaped quotes and backslashes split across chunks, one character at a time', () => {
    const text = JSON.stringify({ head: { catalog: 'a"b\\' }, items: [{ title: 'say \\"hi\\" \\\\', x: ['}', ']', '{'] }, 'plain', 42, null] });
    const scanned = scanPieces([...text]);
    expect(scanned.items).toEqual(JSON.parse(text).items);
  });

  it('skips other top-level keys and accepts items before head', () => {
    const scanned = scanPieces(['{"meta": {"x": [1, {"y": "}"}]}, "items": [{"a": 1}], "head": {"h": true}, "n": 5}']);
    expect(scanned.head).toEqual({ h: true });
    expect(scanned.items).toEqual([{ a: 1 }]);
  });

  it('stops reading when a handler asks it to', () => {
    const seen: number[] = [];
    const scanner = new NewStoreFileScanner({ item: (_value, index) => (seen.push(index), index === 1) });
    expect(scanner.feed('{"items": [1, 2, 3, 4')).toBe(true);
    expect(seen).toEqual([0, 1]);
    expect(scanner.end().stopped).toBe(true);
  });

  it('points at the exact character of every kind of breakage', () => {
    const cases: [string, string, RegExp][] = [
      ['{"head": {}, "items": [{"a": 1,}]}', '}]}', /property name/],
      ['{"head": {}, "items": [{"a": 1} {"b": 2}]}', '{"b"', /Expected ',' or '\]' after item 0/],
      ['{"head": {"a": tru}, "items": []}', '}, "items"', /Expected true/],
      ['{"head": {}, "items": [{"a": "line\nbreak"}]}', '\nbreak', /control character/],
      ['["not an object"]', '["not', /JSON object/],
      ['{"head": {}, "items": {}}', '{}}', /"items" must be an array/],
      ['{"head": {}, "items": []} extra', 'extra', /after the end/],
      ['{"head": {}, "head": {}, "items": []}', '"head": {}, "items"', /appears twice/],
      ['{"head": {}, "items": [01]}', '1]', /after the end of the value/],
    ];
    for (const [text, at, message] of cases) {
      const error = failureOf(text);
      expect(error.message, text).toMatch(message);
      expect(error.offset, text).toBe(text.indexOf(at));
    }
  });

  it('calls a file that stops early truncated, at its end', () => {
    const text = '{"head": {"catalog": "c"}, "items": [{"product_id": "A"}, {"product_id": "B", "ti';
    const error = failureOf(text);
    expect(error.message).toMatch(/ends in the middle of item 1/);
    expect(error.offset).toBe(text.length);
    expect(failureOf('{"head": {}, "items": [{"a": 1}').message).toMatch(/truncated/);
    expect(failureOf('').message).toMatch(/truncated/);
  });

  it('refuses bytes that are not UTF-8, and counts lines and columns for messages', async () => {
    await expect(scanStream(Readable.from([Buffer.from([0x7b, 0xff, 0xfe])]), {})).rejects.toThrow(/UTF-8/);
    const text = '{\n  "head": {},\n  "items": [\n    {"a": 1,}\n  ]\n}';
    const offset = text.indexOf('}\n  ]');
    expect(await lineAndColumn(Readable.from([Buffer.from(text)]), offset)).toEqual({ line: 4, column: 13 });
  });

  it('refuses an item larger than the limit instead of buffering it', () => {
    const scanner = new NewStoreFileScanner({}, { maxValueChars: 100 });
    scanner.feed('{"head": {}, "items": [{"title": "');
    expect(() => scanner.feed('x'.repeat(200))).toThrow(/Item 0 is longer than/);
  });
});

describe('JSON syntax problems', () => {
  it('finds nothing wrong in valid JSON and the first wrong character otherwise', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(findJsonSyntaxProblem(JSON.stringify(value, null, 1))).toBeNull();
      }),
    );
    expect(findJsonSyntaxProblem('{"a": [1, 2,, 3]}')?.index).toBe(12);
    expect(findJsonSyntaxProblem('{"a": "\\x"}')?.message).toMatch(/Invalid escape/);
    expect(findJsonSyntaxProblem('{"a": -}')?.index).toBe(6);
  });
});

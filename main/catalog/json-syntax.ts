/**
 * Finds where and why a piece of text is not JSON. Used only once JSON.parse has refused a slice,
 * because V8's messages do not reliably give a position, and an import error must point at the
 * exact character.
 */
export interface JsonSyntaxProblem {
  /** Index in the text of the first character that cannot be part of valid JSON (text.length at the end). */
  index: number;
  message: string;
}

const MAX_DEPTH = 10_000;

export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  let i = 0;

  const describe = (at: number): string => (at >= text.length ? 'the end of the text' : `'${text[at]}'`);
  const fail = (message: string, at = i): never => {
    throw { index: at, message } satisfies JsonSyntaxProblem;
  };
  const skipSpace = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      i++;
    }
  };
  const expectLiteral = (word: string): void => {
    for (let k = 0; k < word.length; k++) {
      if (text[i + k] !== word[k]) fail(`Expected ${word} but found ${describe(i + k)}`, i + k);
    }
    i += word.length;
  };
  const readString = (): void => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('A control character (such as a line break) is not allowed inside a string; write it as an escape like \\n');
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u must be followed by four hexadecimal digits', i);
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) fail(`Invalid escape \\${next ?? ''} in a string`, i);
        i += 2;
        continue;
      }
      i++;
    }
    fail('The text ends inside a string (a closing " is missing)', text.length);
  };
  const readNumber = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '-' || match[0] === '') fail(`Unexpected ${describe(i)}`);
    i += match![0].length;
  };
  const readValue = (depth: number): void => {
    if (depth > MAX_DEPTH) fail(`Values are nested more than ${MAX_DEPTH} levels deep`);
    skipSpace();
    const c = text[i];
    if (c === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail(`Expected a property name in double quotes but found ${describe(i)}`);
        readString();
        skipSpace();
        if (text[i] !== ':') fail(`Expected ':' after a property name but found ${describe(i)}`);
        i++;
        readValue(depth + 1);
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`Expected ',' or '}' after a property value but found ${describe(i)}`);
      }
    }
    if (c === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        readValue(depth + 1);
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`Expected ',' or ']' after an array element but found ${describe(i)}`);
      }
    }
    if (c === '"') return readString();
    if (c === 't') return expectLiteral('true');
    if (c === 'f') return expectLiteral('false');
    if (c === 'n') return expectLiteral('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return readNumber();
    fail(i >= text.length ? 'The text ends where a value was expected' : `Unexpected ${describe(i)} where a value was expected`);
  };

  try {
    readValue(0);
    skipSpace();
    if (i < text.length) fail(`Unexpected ${describe(i)} after the end of the value`);
    return null;
  } catch (problem) {
    if (problem && typeof problem === 'object' && 'index' in problem) return problem as JsonSyntaxProblem;
    throw problem;
  }
}

import { AI_FORMATS } from './gs1-ai-table';
import { gs1CheckDigit } from './gtin';

/** The GS1 group separator: how scanners transmit FNC1 between elements. */
export const GS = '\u001d';

export interface Gs1Element {
  ai: string;
  value: string;
}

export type Gs1Parse =
  | { ok: true; elements: Gs1Element[] }
  | { ok: false; problem: string; elements: Gs1Element[] };

type CharacterSet = 'N' | 'X' | 'Y' | 'Z';

interface Part {
  set: CharacterSet;
  /** Exact length, or the longest allowed when `variable`. */
  length: number;
  variable: boolean;
  rule: string | null;
}

const SET_PATTERNS: Record<CharacterSet, { pattern: RegExp; name: string }> = {
  N: { pattern: /^[0-9]*$/, name: 'digits only' },
  X: { pattern: /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/, name: 'letters, digits and the GS1 punctuation ! " % & \' ( ) * + , - . / : ; < = > ? _' },
  Y: { pattern: /^[#\-/0-9A-Z]*$/, name: 'capital letters, digits and # - /' },
  Z: { pattern: /^[-_=0-9A-Za-z]*$/, name: 'URL-safe base 64 characters' },
};

const formatCache = new Map<string, Part[]>();

function partsOf(format: string): Part[] {
  let parts = formatCache.get(format);
  if (!parts) {
    parts = format.split('+').map((text) => {
      const [shape = '', rule = null] = text.split(',');
      const match = /^([NXYZ])(\.\.)?(\d+)$/.exec(shape);
      if (!match) throw new Error(`Bad AI format "${format}"`);
      return { set: match[1] as CharacterSet, variable: match[2] === '..', length: Number(match[3]), rule };
    });
    formatCache.set(format, parts);
  }
  return parts;
}

/** The Application Identifier that starts at `position`, if any (AIs are prefix-free). */
function aiAt(text: string, position: number): string | null {
  for (let length = 2; length <= 4; length++) {
    const candidate = text.slice(position, position + length);
    if (candidate.length === length && /^\d+$/.test(candidate) && AI_FORMATS[candidate]) return candidate;
  }
  return null;
}

/**
 * Splits a GS1 element string (AIM identifier already removed) into its elements and checks each
 * value against its AI's format. GS ends a variable-length value; empty groups (doubled GS, a GS
 * standing for the leading FNC1) are skipped. Fixed-length values need no GS after them.
 */
export function parseGs1ElementString(text: string): Gs1Parse {
  const elements: Gs1Element[] = [];
  const fail = (problem: string): Gs1Parse => ({ ok: false, problem, elements });
  let position = 0;
  while (position < text.length) {
    if (text[position] === GS) {
      position++;
      continue;
    }
    const ai = aiAt(text, position);
    if (!ai) {
      const shown = text.slice(position, position + 4).replaceAll(GS, '<GS>');
      return fail(`No GS1 Application Identifier starts at character ${position + 1} ("${shown}…").`);
    }
    const parts = partsOf(AI_FORMATS[ai]!);
    const fixed = parts.every((part) => !part.variable);
    const valueStart = position + ai.length;
    let value: string;
    if (fixed) {
      const length = parts.reduce((sum, part) => sum + part.length, 0);
      value = text.slice(valueStart, valueStart + length);
      if (value.length < length || value.includes(GS)) {
        return fail(`The value of (${ai}) must be ${length} characters long; the data has only ${value.split(GS)[0]!.length}.`);
      }
      position = valueStart + length;
    } else {
      const separator = text.indexOf(GS, valueStart);
      const end = separator === -1 ? text.length : separator;
      value = text.slice(valueStart, end);
      const longest = parts.reduce((sum, part) => sum + part.length, 0);
      if (value.length > longest) {
        return fail(`The value of (${ai}) is ${value.length} characters long; at most ${longest} are allowed. A GS separator is probably missing after it.`);
      }
      position = end;
    }
    const problem = checkValue(ai, value, parts);
    if (problem) return fail(problem);
    const earlier = elements.find((element) => element.ai === ai);
    if (earlier && earlier.value !== value) return fail(`(${ai}) appears twice with different values ("${earlier.value}" and "${value}").`);
    if (!earlier) elements.push({ ai, value });
  }
  if (elements.length === 0) return fail('The GS1 data holds no element.');
  return { ok: true, elements };
}

function checkValue(ai: string, value: string, parts: Part[]): string | null {
  let offset = 0;
  for (const [index, part] of parts.entries()) {
    const remaining = value.length - offset;
    const length = part.variable ? Math.min(remaining, part.length) : part.length;
    if (remaining < length || (index === 0 && length === 0)) return `The value of (${ai}) is too short.`;
    const piece = value.slice(offset, offset + length);
    offset += length;
    const set = SET_PATTERNS[part.set];
    if (!set.pattern.test(piece)) return `The value of (${ai}) "${value}" may hold ${set.name}.`;
    const problem = part.rule && piece.length > 0 ? checkRule(part.rule, piece) : null;
    if (problem) return `The value of (${ai}) "${value}": ${problem}`;
  }
  if (offset < value.length) return `The value of (${ai}) is too long.`;
  return null;
}

function checkRule(rule: string, piece: string): string | null {
  switch (rule) {
    case 'csum': {
      const expected = gs1CheckDigit(piece.slice(0, -1));
      return expected === Number(piece.at(-1)) ? null : `its check digit should be ${expected}, not ${piece.at(-1)}.`;
    }
    case 'yymmdd':
      return checkDate(piece, 2, false);
    case 'yymmd0':
      return checkDate(piece, 2, true);
    case 'yyyymmdd':
      return checkDate(piece, 4, false);
    case 'yymmddhh':
      return checkDate(piece.slice(0, 6), 2, false) ?? checkClock(piece.slice(6), false);
    case 'yymmddhhmm':
      return checkDate(piece.slice(0, 6), 2, false) ?? checkClock(piece.slice(6), true);
    case 'yyyymmddhhmm':
      return checkDate(piece.slice(0, 8), 4, false) ?? checkClock(piece.slice(8), true);
    case 'hhmm':
      return checkClock(piece, true);
    case 'yesno':
      return piece === '0' || piece === '1' ? null : 'it must be 0 or 1.';
    case 'pieceoftotal': {
      const piece_ = Number(piece.slice(0, 2));
      const total = Number(piece.slice(2, 4));
      return piece_ >= 1 && total >= 1 && piece_ <= total ? null : 'the piece number must be between 1 and the total.';
    }
    default:
      throw new Error(`Unknown AI value rule "${rule}"`);
  }
}

function checkDate(digits: string, yearDigits: 2 | 4, dayZeroAllowed: boolean): string | null {
  if (digits.length !== yearDigits + 4) return 'the date must be written as ' + (yearDigits === 2 ? 'YYMMDD.' : 'YYYYMMDD.');
  const year = Number(digits.slice(0, yearDigits));
  const month = Number(digits.slice(yearDigits, yearDigits + 2));
  const day = Number(digits.slice(yearDigits + 2));
  if (month < 1 || month > 12) return `month ${month} does not exist.`;
  if (day === 0 && dayZeroAllowed) return null;
  // Two-digit years: GS1 resolves the century within a window around today; either century gives the same leap years here.
  const leap = yearDigits === 2 ? year % 4 === 0 : (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day >= 1 && day <= daysInMonth ? null : `day ${day} does not exist in month ${month}.`;
}

function checkClock(digits: string, withMinutes: boolean): string | null {
  if (digits.length !== (withMinutes ? 4 : 2)) return withMinutes ? 'the time must be written as HHMM.' : 'the hour must be written as HH.';
  if (Number(digits.slice(0, 2)) > 23) return `hour ${digits.slice(0, 2)} does not exist.`;
  if (withMinutes && Number(digits.slice(2, 4)) > 59) return `minute ${digits.slice(2, 4)} does not exist.`;
  return null;
}

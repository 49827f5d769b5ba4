import { AppConfigDocument, SERIAL_REGEX_KEY } from '../../shared/config-schema';
import { compileSerialPattern, serialPatternOf } from '../../shared/serial';

/** Pure helpers over configuration documents: checking, layering, and addressing keys by dotted path. */

export type ConfigDocument = Record<string, unknown>;

export type Checked = { ok: true; document: ConfigDocument } | { ok: false; reason: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a whole document against the schema and compiles its serial pattern. */
export function checkConfigDocument(document: unknown): Checked {
  if (!isPlainObject(document)) return { ok: false, reason: 'The configuration must be a JSON object' };
  const parsed = AppConfigDocument.safeParse(document);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`).join('; ');
    return { ok: false, reason };
  }
  const pattern = serialPatternOf(document);
  const compiled = compileSerialPattern(pattern);
  if (!compiled.ok) return { ok: false, reason: `${SERIAL_REGEX_KEY} ${JSON.stringify(pattern)} is not a valid RE2 pattern: ${compiled.reason}` };
  return { ok: true, document: structuredClone(document) };
}

/** Layers documents, later ones winning key by key; arrays and other values are replaced whole. */
export function layer(...documents: ConfigDocument[]): ConfigDocument {
  const result: ConfigDocument = {};
  for (const document of documents) mergeInto(result, document);
  return result;
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isPlainObject(value) && isPlainObject(existing)) mergeInto(existing, value);
    else target[key] = isPlainObject(value) ? structuredClone(value) : value;
  }
}

/** Dotted keys of every leaf (a value that is not an object; arrays are leaves). */
export function leafKeys(document: ConfigDocument, prefix = ''): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(document)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && Object.keys(value).length > 0) keys.push(...leafKeys(value, dotted));
    else keys.push(dotted);
  }
  return keys;
}

export function hasKey(document: ConfigDocument, dotted: string): boolean {
  let node: unknown = document;
  for (const part of dotted.split('.')) {
    if (!isPlainObject(node) || !Object.hasOwn(node, part)) return false;
    node = node[part];
  }
  return true;
}

/** A copy of the document with the dotted key set, creating the objects on the way. */
export function withKey(document: ConfigDocument, dotted: string, value: unknown): ConfigDocument {
  const copy = structuredClone(document);
  const parts = dotted.split('.');
  let node: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(node[part])) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
  return copy;
}

export function isValidKey(dotted: string): boolean {
  return dotted.split('.').every((part) => part !== '' && part !== '__proto__' && part !== 'constructor' && part !== 'prototype');
}

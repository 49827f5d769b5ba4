import { AppConfigDocument, SERIAL_REGEX_KEY } from '../../shared/config-schema';
import { wedgeSettingsFrom, wedgeSettingValuesProblem, type WedgeSettingsResult } from '../../shared/scan/wedge-settings';
import { WEDGE_SETTINGS_KEY } from '../../shared/scanner-contract';
import { compileSerialPattern, serialPatternOf } from '../../shared/serial';

/** Pure helpers over configuration documents: checking, layering, and addressing keys by dotted path. */

export type ConfigDocument = Record<string, unknown>;

export type Checked = { ok: true; document: ConfigDocument } | { ok: false; reason: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface CheckOptions {
  /**
   * Whether to check the values of counter.scanner.wedge (default true). Off only for a document
   * saved before they were checked on save: it stays in force, and the scanner diagnostics keep
   * the last good wedge settings and show what is wrong with these.
   */
  wedgeSettings?: boolean;
}

/** Checks a whole document against the schema, compiles its serial pattern and checks its wedge settings by name. */
export function checkConfigDocument(document: unknown, options: CheckOptions = {}): Checked {
  if (!isPlainObject(document)) return { ok: false, reason: 'The configuration must be a JSON object' };
  const parsed = AppConfigDocument.safeParse(document);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`).join('; ');
    return { ok: false, reason };
  }
  const pattern = serialPatternOf(document);
  const compiled = compileSerialPattern(pattern);
  if (!compiled.ok) return { ok: false, reason: `${SERIAL_REGEX_KEY} ${JSON.stringify(pattern)} is not a valid RE2 pattern: ${compiled.reason}` };
  // One document may be one layer of several: rules between settings are checked on the settings in force.
  const wedgeProblem = options.wedgeSettings === false ? null : wedgeSettingValuesProblem(wedgeSettingsIn(document));
  if (wedgeProblem !== null) return { ok: false, reason: `${WEDGE_SETTINGS_KEY}: ${wedgeProblem}` };
  return { ok: true, document: structuredClone(document) };
}

/** What a document sets at counter.scanner.wedge, or undefined. */
export function wedgeSettingsIn(document: ConfigDocument): unknown {
  const scanner = (document.counter as { scanner?: unknown } | undefined)?.scanner;
  return isPlainObject(scanner) ? scanner.wedge : undefined;
}

/** The wedge settings a document (usually the configuration in force) gives, defaults filled in. */
export function wedgeSettingsOf(document: ConfigDocument): WedgeSettingsResult {
  const checked = wedgeSettingsFrom(wedgeSettingsIn(document));
  return checked.ok ? checked : { ok: false, problem: `${WEDGE_SETTINGS_KEY}: ${checked.problem}` };
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

import type { ConfigValueSource } from '../../../shared/config-schema';

type Document = Record<string, unknown>;

function isPlainObject(value: unknown): value is Document {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted key of a document, or undefined. */
export function valueAt(document: Document, dotted: string): unknown {
  let node: unknown = document;
  for (const part of dotted.split('.')) {
    if (!isPlainObject(node) || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

/**
 * The local layer of the configuration in force: the keys whose source is `local`, with their
 * values. Local values hidden under a managed key are not in the view, so they cannot be here.
 */
export function localDocumentOf(document: Document, sources: Record<string, ConfigValueSource>): Document {
  const local: Document = {};
  for (const [dotted, source] of Object.entries(sources)) {
    if (source !== 'local') continue;
    const parts = dotted.split('.');
    let node = local;
    for (const part of parts.slice(0, -1)) {
      if (!isPlainObject(node[part])) node[part] = {};
      node = node[part] as Document;
    }
    node[parts[parts.length - 1]!] = structuredClone(valueAt(document, dotted));
  }
  return local;
}

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

export type ParsedConfig = { ok: true; document: Record<string, unknown> } | { ok: false; reason: string };

/** Reads the configuration an admin typed, saying where the JSON breaks when it does. */
export function parseConfigText(text: string): ParsedConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `The configuration is not valid JSON${locate(text, message)}: ${message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'The configuration must be one JSON object, starting with “{”.' };
  }
  return { ok: true, document: value as Record<string, unknown> };
}

export function formatConfig(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** V8 names a character position; people look for a line and column. */
function locate(text: string, message: string): string {
  if (/line \d+ column \d+/.test(message)) return '';
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

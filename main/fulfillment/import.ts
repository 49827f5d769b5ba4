import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Db } from '../db/open';
import { findJsonSyntaxProblem } from '../catalog/json-syntax';
import { ProductLookup } from '../products/lookup';
import { SALE_REQUEST_PREFIX } from './pick-session';
import { RequestRepository, type NewRequest } from './request-repository';

/**
 * Requests routed to this store, from a JSON file (docs/fulfillment.md). A file is added whole or
 * not at all: every problem is reported with the request and field it is in, and the database is
 * left as it was.
 */

export interface ImportProblem {
  /** 0-based index in `fulfillment_requests`; null for the file itself. */
  request: number | null;
  /** Where in the request, such as `items[1].quantity`; null for the whole request or file. */
  field: string | null;
  message: string;
}

export type ImportReport = { ok: true; imported: string[] } | { ok: false; problems: ImportProblem[] };

const MAX_PROBLEMS = 50;

/** Time with a date, a time and a zone, so that "oldest first" means the same everywhere. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const RoutedItem = z.object({
  product_id: z.string().min(1, 'must not be empty').max(256),
  quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(9999, 'must be at most 9999'),
});

const RoutedRequest = z.object({
  id: z
    .string()
    .min(1, 'must not be empty')
    .max(64, 'must be at most 64 characters')
    .refine((id) => !id.startsWith(SALE_REQUEST_PREFIX), `must not start with ${SALE_REQUEST_PREFIX}: those ids name the requests made by sales at this till`),
  created_at: z
    .string()
    .regex(ISO_WITH_ZONE, { message: 'must be an ISO 8601 date and time with a zone, such as 2026-03-01T09:30:00Z', abort: true })
    .refine(isRealDateTime, 'is not a real date and time'),
  shipping_method: z.string().trim().min(1, 'must not be empty').max(64),
  customer_name: z.string().trim().min(1, 'must not be empty').max(200),
  items: z.array(RoutedItem).min(1, 'must list at least one item').max(500),
});

const RoutedRequestFile = z.object({ fulfillment_requests: z.array(z.unknown()).min(1, 'must list at least one request') });

/** Reads a request file as JSON; a syntax error names its line and column. */
export function readRequestFile(path: string): { ok: true; document: unknown } | { ok: false; problems: ImportProblem[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return fileProblem(`cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return { ok: true, document: JSON.parse(text) };
  } catch {
    const problem = findJsonSyntaxProblem(text);
    if (!problem) return fileProblem('is not JSON');
    const { line, column } = position(text, problem.index);
    return fileProblem(`is not JSON at line ${line}, column ${column}: ${problem.message}`);
  }
}

/** Checks every request of the document and adds them all in one transaction, or none. */
export function importRoutedRequests(db: Db, document: unknown): ImportReport {
  const file = RoutedRequestFile.safeParse(document);
  if (!file.success) {
    return { ok: false, problems: file.error.issues.map((i) => ({ request: null, field: dotted(i.path) || null, message: i.message })) };
  }
  const repository = new RequestRepository(db);
  const products = new ProductLookup(db);
  const problems: ImportProblem[] = [];
  const accepted: NewRequest[] = [];
  const seen = new Set<string>();

  file.data.fulfillment_requests.forEach((raw, index) => {
    const parsed = RoutedRequest.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ request: index, field: dotted(issue.path) || null, message: issue.message });
      return;
    }
    const request = parsed.data;
    if (seen.has(request.id)) problems.push({ request: index, field: 'id', message: `${request.id} is listed twice in this file` });
    else if (repository.exists(request.id)) problems.push({ request: index, field: 'id', message: `${request.id} is already in this store` });
    seen.add(request.id);
    const items: NewRequest['items'] = [];
    request.items.forEach((item, itemIndex) => {
      const product = products.find(item.product_id);
      if (!product || product.productId !== item.product_id) {
        problems.push({ request: index, field: `items[${itemIndex}].product_id`, message: `${item.product_id} is not in the catalog` });
        return;
      }
      items.push({ productId: product.productId, title: product.title, serialized: product.serialized, quantity: item.quantity });
    });
    accepted.push({
      id: request.id,
      origin: 'import',
      saleId: null,
      shippingMethod: request.shipping_method,
      customerName: request.customer_name,
      createdAt: new Date(request.created_at).toISOString(),
      status: 'new',
      items,
    });
  });

  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  repository.transaction(() => {
    for (const request of accepted) repository.insert(request);
  });
  return { ok: true, imported: accepted.map((r) => r.id) };
}

/** One line per problem, naming the file, the request (by index and id when known) and the field. */
export function describeProblems(fileName: string, problems: readonly ImportProblem[], document?: unknown): string[] {
  const ids = (document as { fulfillment_requests?: { id?: unknown }[] } | null)?.fulfillment_requests;
  return problems.map((p) => {
    if (p.request === null) return `${fileName}${p.field ? `: ${p.field}` : ''}: ${p.message}`;
    const id = ids?.[p.request]?.id;
    const where = `fulfillment_requests[${p.request}]${typeof id === 'string' ? ` (${id})` : ''}`;
    return `${fileName}: ${where}${p.field ? `.${p.field}` : ''}: ${p.message}`;
  });
}

/** Date.parse rolls 30 February over into March; a routed request's time must be one that exists. */
function isRealDateTime(text: string): boolean {
  const [year, month, day, hour, minute, second = 0] = (text.match(/\d+/g) ?? []).map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  const dayExists = date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
  return dayExists && hour! <= 23 && minute! <= 59 && second <= 59 && !Number.isNaN(Date.parse(text));
}

function fileProblem(message: string): { ok: false; problems: ImportProblem[] } {
  return { ok: false, problems: [{ request: null, field: null, message }] };
}

function dotted(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

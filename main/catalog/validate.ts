import { toGtin14 } from '../../shared/barcode/gtin';
import { currencyDigits, isKnownCurrency, toMinorUnits } from './money';
import type { ImportEntity } from './types';

/**
 * NewStore's rules for each kind of import file, as pure checks of one head or one item. Rules
 * that need the whole import (known products, unique identifiers) live with the staging tables.
 */

export interface FieldProblem {
  field: string | null;
  message: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** Which entity a file holds, known from its head (and for catalog heads, its first item). */
export function entityOfHead(head: unknown, firstItem: unknown): ImportEntity | null {
  if (!isObject(head)) return null;
  if ('store_mapping' in head) return 'availabilities';
  if ('pricebook' in head || 'currency' in head || 'currency_code' in head) return 'prices';
  if ('catalog' in head || 'shop' in head || 'locale' in head) {
    // Category files share the products head; their items are category paths, not products.
    if (isObject(firstItem) && 'path' in firstItem && !('product_id' in firstItem)) return 'categories';
    return 'products';
  }
  return null;
}

/** True for a head whose keys could belong to a products file, so its first item decides products vs categories. */
export function headNeedsFirstItem(head: unknown): boolean {
  return isObject(head) && !('store_mapping' in head) && !('pricebook' in head || 'currency' in head || 'currency_code' in head);
}

// NewStore catalog names may not start with _ or - and may not hold spaces, commas or : " * + / \ | ? # < >.
const CATALOG_FORBIDDEN = /[\s,:"*+/\\|?#<>]/;
const LOCALE = /^[A-Za-z]{2}(-[A-Za-z]{2})?$/;

function catalogProblem(field: string, value: unknown): FieldProblem | null {
  if (typeof value !== 'string' || value === '') return { field, message: `The catalog name must be a non-empty text, not ${describe(value)}` };
  if (value.startsWith('_') || value.startsWith('-')) return { field, message: `The catalog name ${JSON.stringify(value)} may not start with _ or -` };
  const bad = CATALOG_FORBIDDEN.exec(value);
  if (bad) return { field, message: `The catalog name ${JSON.stringify(value)} may not contain ${bad[0] === ' ' ? 'a space' : JSON.stringify(bad[0])}` };
  return null;
}

function booleanProblem(record: Json, field: string): FieldProblem | null {
  if (!(field in record) || typeof record[field] === 'boolean') return null;
  return { field, message: `${field} must be true or false, not ${describe(record[field])}` };
}

function isBlank(value: string): boolean {
  return value === '' || value.trim() === '';
}

function identifierTextProblem(field: string, what: string, value: unknown): FieldProblem | null {
  if (typeof value !== 'string' || isBlank(value)) return { field, message: `${what} must be a non-empty text, not ${describe(value)}` };
  if (value.includes('=') || value.includes('%')) return { field, message: `${what} ${JSON.stringify(value)} may not contain = or % (NewStore refuses them)` };
  return null;
}

const HEAD_BOOLEANS = ['is_master', 'internal_disable_image_processing'];
const PRODUCT_BOOLEANS = ['serialized_inventory', 'show_in_listing'];
/** Only texts of these lengths can be GTINs; the rest skip the GTIN check. */
const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

export interface ProductsHead {
  catalog: string;
  locale: string;
}

export function checkProductsHead(head: Json): { head: ProductsHead | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const catalog = head.catalog ?? head.shop;
  if (catalog === undefined) problems.push({ field: 'catalog', message: 'The head has no catalog: a products file names the catalog it belongs to, e.g. "catalog": "storefront-catalog-en"' });
  else {
    const problem = catalogProblem('catalog' in head ? 'catalog' : 'shop', catalog);
    if (problem) problems.push(problem);
  }
  const locale = head.locale;
  if (locale === undefined) problems.push({ field: 'locale', message: 'The head has no locale, e.g. "locale": "en-US"' });
  else if (typeof locale !== 'string' || !LOCALE.test(locale)) problems.push({ field: 'locale', message: `The locale must look like en-US or en, not ${describe(locale)}` });
  for (const field of HEAD_BOOLEANS) {
    const problem = booleanProblem(head, field);
    if (problem) problems.push(problem);
  }
  return { head: problems.length ? null : { catalog: catalog as string, locale: locale as string }, problems };
}

export interface ProductRow {
  productId: string;
  title: string;
  serialized: boolean;
  identifiers: { type: string; value: string; gtin14: string | null }[];
}

export function checkProduct(item: unknown): { product: ProductRow | null; problems: FieldProblem[] } {
  if (!isObject(item)) return { product: null, problems: [{ field: null, message: `A product must be a JSON object, not ${describe(item)}` }] };
  const problems: FieldProblem[] = [];
  if (!('product_id' in item)) problems.push({ field: 'product_id', message: 'The product has no product_id' });
  else {
    const problem = identifierTextProblem('product_id', 'product_id', item.product_id);
    if (problem) problems.push(problem);
  }
  if (!('title' in item)) problems.push({ field: 'title', message: 'The product has no title' });
  else if (typeof item.title !== 'string' || isBlank(item.title)) problems.push({ field: 'title', message: `title must be a non-empty text, not ${describe(item.title)}` });
  for (const field of PRODUCT_BOOLEANS) {
    const problem = booleanProblem(item, field);
    if (problem) problems.push(problem);
  }
  const identifiers: ProductRow['identifiers'] = [];
  const raw = item.external_identifiers;
  if (raw !== undefined) {
    const field = 'external_identifiers';
    if (!Array.isArray(raw)) problems.push({ field, message: `external_identifiers must be an array of {type, value}, not ${describe(raw)}` });
    else {
      const keys: string[] = [];
      raw.forEach((entry, index) => {
        const where = `external_identifiers[${index}]`;
        if (!isObject(entry)) return problems.push({ field, message: `${where} must be an object {type, value}, not ${describe(entry)}` });
        if (typeof entry.type !== 'string' || entry.type === '') return problems.push({ field, message: `${where}.type must be a non-empty text, not ${describe(entry.type)}` });
        const problem = identifierTextProblem(field, `${where}.value`, entry.value);
        if (problem) return problems.push(problem);
        const value = entry.value as string;
        const gtin14 = GTIN_LENGTHS.has(value.length) ? toGtin14(value) : null;
        const key = gtin14 ?? value;
        // A product has a handful of identifiers: a linear search beats building a map per item.
        const earlier = keys.indexOf(key);
        if (earlier !== -1) return problems.push({ field, message: `${where} repeats the identifier ${JSON.stringify(value)} of ${describeIdentifierAt(identifiers, earlier)}` });
        keys.push(key);
        identifiers.push({ type: entry.type, value, gtin14 });
      });
    }
  }
  if (problems.length) return { product: null, problems };
  return {
    product: { productId: item.product_id as string, title: item.title as string, serialized: item.serialized_inventory === true, identifiers },
    problems,
  };
}

function describeIdentifierAt(identifiers: ProductRow['identifiers'], at: number): string {
  const identifier = identifiers[at]!;
  return `${identifier.type} ${JSON.stringify(identifier.value)}`;
}

export interface PricesHead {
  pricebook: string;
  currency: string;
  catalog: string | null;
  digits: number;
}

export function checkPricesHead(head: Json): { head: PricesHead | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const pricebook = head.pricebook;
  if (pricebook === undefined) problems.push({ field: 'pricebook', message: 'The head has no pricebook name, e.g. "pricebook": "default"' });
  else if (typeof pricebook !== 'string' || pricebook.trim() === '') problems.push({ field: 'pricebook', message: `pricebook must be a non-empty text, not ${describe(pricebook)}` });
  const currencyField = 'currency' in head ? 'currency' : 'currency_code';
  const currency = head[currencyField];
  if (currency === undefined) problems.push({ field: 'currency', message: 'The head has no currency, e.g. "currency": "USD"' });
  else if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency) || !isKnownCurrency(currency))
    problems.push({ field: currencyField, message: `${currencyField} must be an ISO 4217 currency code such as "USD", not ${describe(currency)}` });
  if (head.catalog !== undefined) {
    const problem = catalogProblem('catalog', head.catalog);
    if (problem) problems.push(problem);
  }
  if (problems.length) return { head: null, problems };
  return {
    head: { pricebook: pricebook as string, currency: currency as string, catalog: (head.catalog as string | undefined) ?? null, digits: currencyDigits(currency as string) },
    problems,
  };
}

export interface PriceRow {
  productId: string;
  amountMinor: number;
}

/** `head` is null when the head itself was refused; the item is still checked as far as it can be. */
export function checkPrice(item: unknown, head: PricesHead | null): { price: PriceRow | null; problems: FieldProblem[] } {
  if (!isObject(item)) return { price: null, problems: [{ field: null, message: `A price must be a JSON object, not ${describe(item)}` }] };
  const problems: FieldProblem[] = [];
  if (!('product_id' in item)) problems.push({ field: 'product_id', message: 'The price has no product_id' });
  else if (typeof item.product_id !== 'string' || item.product_id === '') problems.push({ field: 'product_id', message: `product_id must be a non-empty text, not ${describe(item.product_id)}` });
  const value = item.value;
  let amountMinor: number | null = null;
  if (value === undefined) problems.push({ field: 'value', message: 'The price has no value' });
  else if (typeof value !== 'number' || !Number.isFinite(value)) problems.push({ field: 'value', message: `value must be a number such as 12.99, not ${describe(value)}` });
  else if (value < 0) problems.push({ field: 'value', message: `value may not be negative (${value})` });
  else if (head) {
    amountMinor = toMinorUnits(value, head.digits);
    if (amountMinor === null) {
      const tooLarge = value * 10 ** head.digits > Number.MAX_SAFE_INTEGER;
      problems.push({
        field: 'value',
        message: tooLarge ? `${value} is too large for a price` : `${value} has more decimals than ${head.currency} allows (${head.digits})`,
      });
    }
  }
  if (problems.length || amountMinor === null) return { price: null, problems };
  return { price: { productId: item.product_id as string, amountMinor }, problems };
}

export function checkAvailabilitiesHead(head: Json): FieldProblem[] {
  const mapping = head.store_mapping;
  const field = 'store_mapping';
  if (!Array.isArray(mapping)) return [{ field, message: `store_mapping must be an array of {store_id, fulfillment_node_id}, not ${describe(mapping)}` }];
  const problems: FieldProblem[] = [];
  mapping.forEach((entry, index) => {
    if (!isObject(entry) || typeof entry.store_id !== 'string' || typeof entry.fulfillment_node_id !== 'string')
      problems.push({ field, message: `store_mapping[${index}] must be {"store_id": text, "fulfillment_node_id": text}` });
  });
  return problems;
}

export interface StockRow {
  fulfillmentNodeId: string;
  productId: string;
  quantity: number;
}

export function checkAvailability(item: unknown): { stock: StockRow | null; problems: FieldProblem[] } {
  if (!isObject(item)) return { stock: null, problems: [{ field: null, message: `An availability must be a JSON object, not ${describe(item)}` }] };
  const problems: FieldProblem[] = [];
  for (const field of ['fulfillment_node_id', 'product_id']) {
    if (!(field in item)) problems.push({ field, message: `The availability has no ${field}` });
    else if (typeof item[field] !== 'string' || item[field] === '') problems.push({ field, message: `${field} must be a non-empty text, not ${describe(item[field])}` });
  }
  const quantity = item.quantity;
  if (quantity === undefined) problems.push({ field: 'quantity', message: 'The availability has no quantity' });
  else if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity)) problems.push({ field: 'quantity', message: `quantity must be a whole number, not ${describe(quantity)}` });
  else if (quantity < 0) problems.push({ field: 'quantity', message: `quantity may not be negative (${quantity})` });
  if (problems.length) return { stock: null, problems };
  return { stock: { fulfillmentNodeId: item.fulfillment_node_id as string, productId: item.product_id as string, quantity: quantity as number }, problems };
}

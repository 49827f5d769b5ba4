import { describe, expect, it } from 'vitest';
import { currencyDigits, toMinorUnits } from '../../main/catalog/money';
import { checkAvailability, checkPrice, checkPricesHead, checkProduct, checkProductsHead, entityOfHead } from '../../main/catalog/validate';

const fieldsOf = (result: { problems: { field: string | null }[] }) => result.problems.map((problem) => problem.field);

describe('which entity a file holds', () => {
  it('is known from the head keys, categories from their items', () => {
    expect(entityOfHead({ catalog: 'c', locale: 'en' }, { product_id: 'A' })).toBe('products');
    expect(entityOfHead({ locale: 'en' }, undefined)).toBe('products');
    expect(entityOfHead({ catalog: 'c', locale: 'en' }, { path: 'Shop > Phones' })).toBe('categories');
    expect(entityOfHead({ pricebook: 'default', currency: 'USD' }, undefined)).toBe('prices');
    expect(entityOfHead({ currency_code: 'EUR' }, undefined)).toBe('prices');
    expect(entityOfHead({ store_mapping: [] }, undefined)).toBe('availabilities');
    expect(entityOfHead({ other: 1 }, undefined)).toBeNull();
    expect(entityOfHead('head', undefined)).toBeNull();
  });
});

describe('products', () => {
  it('checks catalog names and locales as NewStore does', () => {
    expect(checkProductsHead({ catalog: 'storefront-catalog-en', locale: 'en-US' }).problems).toEqual([]);
    expect(checkProductsHead({ shop: 'storefront-catalog-en', locale: 'en' }).head).toEqual({ catalog: 'storefront-catalog-en', locale: 'en' });
    for (const bad of ['_hidden', '-dash', 'has space', 'a,b', 'a:b', 'a/b', 'a\\b', 'a*b', 'a+b', 'a"b', '', 42]) {
      expect(fieldsOf(checkProductsHead({ catalog: bad, locale: 'en-us' })), String(bad)).toEqual(['catalog']);
    }
    expect(fieldsOf(checkProductsHead({ catalog: 'c', locale: 'english' }))).toEqual(['locale']);
    expect(fieldsOf(checkProductsHead({ catalog: 'c', locale: 'en', is_master: 'yes' }))).toEqual(['is_master']);
    expect(fieldsOf(checkProductsHead({}))).toEqual(['catalog', 'locale']);
  });

  it('requires product_id and title, refuses = and %, and wants booleans to be booleans', () => {
    expect(checkProduct({ product_id: 'A', title: 'T', serialized_inventory: true }).product).toEqual({ productId: 'A', title: 'T', serialized: true, identifiers: [] });
    expect(fieldsOf(checkProduct({ title: 'T' }))).toEqual(['product_id']);
    expect(fieldsOf(checkProduct({ product_id: 'A=1', title: 'T' }))).toEqual(['product_id']);
    expect(fieldsOf(checkProduct({ product_id: '50%', title: 'T' }))).toEqual(['product_id']);
    expect(fieldsOf(checkProduct({ product_id: '  ', title: 'T' }))).toEqual(['product_id']);
    expect(fieldsOf(checkProduct({ product_id: 'A' }))).toEqual(['title']);
    expect(fieldsOf(checkProduct({ product_id: 'A', title: 'T', serialized_inventory: 1 }))).toEqual(['serialized_inventory']);
    expect(fieldsOf(checkProduct({ product_id: 'A', title: 'T', show_in_listing: 'false' }))).toEqual(['show_in_listing']);
    expect(fieldsOf(checkProduct(['A']))).toEqual([null]);
  });

  it('checks external identifiers and gives GTINs their GTIN-14', () => {
    const ok = checkProduct({ product_id: 'A', title: 'T', external_identifiers: [{ type: 'upc', value: '614141000012' }, { type: 'sku', value: '12345678' }] });
    expect(ok.product?.identifiers).toEqual([
      { type: 'upc', value: '614141000012', gtin14: '00614141000012' },
      // Eight digits with a wrong check digit: kept, but not a GTIN.
      { type: 'sku', value: '12345678', gtin14: null },
    ]);
    const bad = (identifiers: unknown) => checkProduct({ product_id: 'A', title: 'T', external_identifiers: identifiers });
    expect(fieldsOf(bad('0614141000012'))).toEqual(['external_identifiers']);
    expect(fieldsOf(bad([{ type: 'ean13', value: 'a=b' }]))).toEqual(['external_identifiers']);
    expect(fieldsOf(bad([{ type: 'ean13' }]))).toEqual(['external_identifiers']);
    expect(fieldsOf(bad([{ value: 'x' }]))).toEqual(['external_identifiers']);
    const repeated = bad([{ type: 'upc', value: '614141000012' }, { type: 'ean13', value: '0614141000012' }]);
    expect(repeated.problems[0]?.message).toMatch(/repeats the identifier "0614141000012" of upc "614141000012"/);
  });
});

describe('prices', () => {
  it('allows as many decimals as the currency has, and no more', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('BHD')).toBe(3);
    const head = (currency: string) => checkPricesHead({ pricebook: 'default', currency }).head!;
    expect(checkPrice({ product_id: 'A', value: 1249.99 }, head('USD')).price).toEqual({ productId: 'A', amountMinor: 124999 });
    expect(checkPrice({ product_id: 'A', value: 799.0 }, head('USD')).price?.amountMinor).toBe(79900);
    expect(fieldsOf(checkPrice({ product_id: 'A', value: 12.999 }, head('USD')))).toEqual(['value']);
    expect(fieldsOf(checkPrice({ product_id: 'A', value: 150.5 }, head('JPY')))).toEqual(['value']);
    expect(checkPrice({ product_id: 'A', value: 1.005 }, head('BHD')).price?.amountMinor).toBe(1005);
    expect(fieldsOf(checkPrice({ product_id: 'A', value: '12.99' }, head('USD')))).toEqual(['value']);
    expect(fieldsOf(checkPrice({ product_id: 'A', value: -1 }, head('USD')))).toEqual(['value']);
    expect(fieldsOf(checkPrice({ value: 1 }, head('USD')))).toEqual(['product_id']);
  });

  it('turns decimal prices into exact minor units', () => {
    expect(toMinorUnits(0.07, 2)).toBe(7);
    expect(toMinorUnits(1e-7, 2)).toBeNull();
    expect(toMinorUnits(5e3, 2)).toBe(500000);
    expect(toMinorUnits(1e21, 2)).toBeNull();
  });

  it('requires a known currency code, accepting currency_code too', () => {
    expect(checkPricesHead({ pricebook: 'default', currency_code: 'EUR' }).head?.currency).toBe('EUR');
    expect(fieldsOf(checkPricesHead({ pricebook: 'default', currency: 'usd' }))).toEqual(['currency']);
    expect(fieldsOf(checkPricesHead({ pricebook: 'default', currency_code: 'XYZ' }))).toEqual(['currency_code']);
    expect(fieldsOf(checkPricesHead({ currency: 'USD' }))).toEqual(['pricebook']);
    expect(fieldsOf(checkPricesHead({ pricebook: 'default' }))).toEqual(['currency']);
  });
});

describe('availabilities', () => {
  it('wants a whole, non-negative quantity for a node and a product', () => {
    expect(checkAvailability({ fulfillment_node_id: 'n', product_id: 'A', quantity: 0 }).stock).toEqual({ fulfillmentNodeId: 'n', productId: 'A', quantity: 0 });
    expect(fieldsOf(checkAvailability({ fulfillment_node_id: 'n', product_id: 'A', quantity: -1 }))).toEqual(['quantity']);
    expect(fieldsOf(checkAvailability({ fulfillment_node_id: 'n', product_id: 'A', quantity: 1.5 }))).toEqual(['quantity']);
    expect(fieldsOf(checkAvailability({ product_id: 'A', quantity: 1 }))).toEqual(['fulfillment_node_id']);
  });
});

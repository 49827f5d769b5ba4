import type { SerialFacts } from '../../shared/serial-checks';
import type { ProductLookup } from '../products/lookup';
import type { SerialRegistry } from './serial-registry';

/** The configured serial pattern, as the rules ask it. */
export interface SerialPolicy {
  hasPattern(): boolean;
  matches(serial: string): boolean;
}

/** The store's answers to the serial rules, from SQLite, for the sale or pick being worked on. */
export function serialFacts(
  products: ProductLookup,
  serials: SerialRegistry,
  policy: SerialPolicy,
  workingOn: { saleId?: number; requestId?: string },
): SerialFacts {
  return {
    findProduct: (code) => products.find(code),
    hasSerialPattern: () => policy.hasPattern(),
    serialMatchesPattern: (serial) => policy.matches(serial),
    serialElsewhere: (productId, serial) => serials.elsewhere(productId, serial, workingOn),
    isKnownSerial: (serial) => serials.isKnown(serial),
  };
}

/**
 * Error codes of the till. The code is what tests and logs use; the sentence is what the person
 * at the counter reads, so it says what happened and what to do next.
 */
export const ERROR_MESSAGES = {
  UNKNOWN_BARCODE: 'No product has this barcode. Check the label or search for the product.',
  SCAN_PRODUCT_FIRST: 'This looks like a serial number. Scan the product barcode first, then its serial.',
  SERIAL_FORMAT: 'This serial number does not have the format the store expects. Scan the serial label again.',
  SERIAL_IS_PRODUCT_CODE: 'That is a product barcode, not a serial number. Scan the serial of the item waiting for one.',
  SERIAL_DUPLICATE: 'This serial number is already on another unit of this sale or pick.',
  SERIAL_HELD: 'This serial number is on a parked sale or an open pick.',
  SERIAL_SOLD: 'This serial number was already sold.',
  SERIAL_REQUIRED: 'A serialized item taken now still needs its serial number.',
  SERIAL_EMPTY: 'The serial number is empty.',
  SERIAL_UNPRINTABLE: 'The serial number holds characters that cannot be printed (control or invisible characters). Scan the serial label again or type it.',
  NO_SERIAL_PROMPT: 'No item is waiting for a serial number.',
  QUANTITY_FIXED: 'A serialized item is one unit per line. Scan the next unit as a new line.',
  QUANTITY_INVALID: 'The quantity must be a whole number of at least 1.',
  NO_SUCH_LINE: 'That line is not in the sale.',
  NO_SUCH_PRODUCT: 'That product is not in the catalog.',
  CURRENCY_MISMATCH: 'This product is priced in another currency than the sale. Complete or park this sale first.',
  NO_PRICE: 'This product has no price in the active price book.',
  EMPTY_SALE: 'The sale has no items.',
  PAYMENT_SHORT: 'The cash given is less than the total.',
  NO_SUCH_PARKED_SALE: 'There is no parked sale with that number.',
  SALE_IN_PROGRESS: 'A sale is in progress. Complete, park or void it first.',
  NOTHING_COMPLETED: 'No sale has been completed yet.',
  PICK_INCOMPLETE: 'Some units of this request are not picked yet.',
  NOT_ON_PICK_LIST: 'This product is not on the pick list.',
  PICK_QUANTITY_EXCEEDED: 'That is more units than the request still needs of this product.',
  NO_SUCH_REQUEST: 'There is no fulfillment request with that id.',
  NO_OPEN_PICK: 'No pick is open.',
  PICK_STATE: 'The request is not in a state that allows this.',
  SCAN_UNREADABLE: 'Part of the scan could not be read. Scan the label again.',
  CONFIG_INVALID: 'The configuration is not valid.',
  INVALID_REQUEST: 'The request is not valid.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]];

export interface Refusal {
  code: ErrorCode;
  message: string;
}

export function refusal(code: ErrorCode, detail?: string): Refusal {
  return { code, message: detail ? `${ERROR_MESSAGES[code]} ${detail}` : ERROR_MESSAGES[code] };
}

import { z } from 'zod';
import { ERROR_CODES } from './errors';
import { pickingRequests, PickingView } from './picking-contract';
import { adminEvents, adminRequests } from './admin-contract';
import { scannerEvents, scannerRequests } from './scanner-contract';

/**
 * The one contract between the renderer and the main process. The Electron preload and the
 * browser host both implement exactly this, and every argument is validated against these schemas
 * at run time on the main side, because a renderer is never trusted.
 */

export const Fulfillment = z.enum(['take', 'ship']);
export type Fulfillment = z.infer<typeof Fulfillment>;

export const Tender = z.enum(['cash', 'card']);
export type Tender = z.infer<typeof Tender>;

export const RefusalSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });

export const ActionResult = z.union([
  /** `warning`: the action happened, yet part of it was refused (a label's serial, say) and needs attention. */
  z.object({ ok: z.literal(true), message: z.string().optional(), warning: RefusalSchema.optional() }),
  z.object({ ok: z.literal(false), error: RefusalSchema }),
]);
export type ActionResult = z.infer<typeof ActionResult>;

export const SaleLineView = z.object({
  id: z.number().int(),
  productId: z.string(),
  title: z.string(),
  serialized: z.boolean(),
  fulfillment: Fulfillment,
  quantity: z.number().int(),
  serial: z.string().nullable(),
  unitPrice: z.number().int(),
  lineTotal: z.number().int(),
});
export type SaleLineView = z.infer<typeof SaleLineView>;

export const ReceiptView = z.object({
  saleId: z.number().int(),
  completedAt: z.string(),
  currency: z.string(),
  lines: z.array(SaleLineView),
  total: z.number().int(),
  tender: Tender,
  tendered: z.number().int(),
  change: z.number().int(),
});
export type ReceiptView = z.infer<typeof ReceiptView>;

export const ParkedSaleView = z.object({
  saleId: z.number().int(),
  parkedAt: z.string(),
  itemCount: z.number().int(),
  total: z.number().int(),
});

export const SaleView = z.object({
  saleId: z.number().int(),
  currency: z.string(),
  lines: z.array(SaleLineView),
  awaitingSerialLineId: z.number().int().nullable(),
  total: z.number().int(),
  parked: z.array(ParkedSaleView),
  lastReceipt: ReceiptView.nullable(),
});
export type SaleView = z.infer<typeof SaleView>;

/** What the person at the till is told about the last thing that happened. */
export const Feedback = z.object({
  seq: z.number().int(),
  ok: z.boolean(),
  message: z.string(),
  code: z.enum(ERROR_CODES).nullable(),
});
export type Feedback = z.infer<typeof Feedback>;

export const AppState = z.object({
  sale: SaleView,
  feedback: Feedback.nullable(),
  /** Fulfillment requests and the pick screen. */
  picking: PickingView.optional(),
});
export type AppState = z.infer<typeof AppState>;

/** A key event as Electron's before-input-event gives it; the browser host's renderer sends the same. */
export const KeyInput = z.object({
  type: z.enum(['keyDown', 'keyUp', 'char', 'rawKeyDown']),
  key: z.string().max(64),
  code: z.string().max(64),
  shift: z.boolean(),
  control: z.boolean(),
  alt: z.boolean(),
  meta: z.boolean(),
  isAutoRepeat: z.boolean(),
  isComposing: z.boolean().optional(),
  t: z.number(),
});
export type KeyInput = z.infer<typeof KeyInput>;

export const ProductHit = z.object({
  productId: z.string(),
  title: z.string(),
  serialized: z.boolean(),
  price: z.number().int().nullable(),
  currency: z.string().nullable(),
  identifiers: z.array(z.string()),
});
export type ProductHit = z.infer<typeof ProductHit>;

const LineId = z.number().int().positive();

/** Request name → input and output schemas. */
export const requests = {
  getState: { input: z.object({}), output: AppState },
  /** Key events that may hold a wedge scan; in Electron they come from before-input-event instead. */
  keys: {
    input: z.object({
      events: z.array(KeyInput).max(512),
      focus: z.enum(['none', 'text']),
      /** The page's clock (that of the events' `t`) when it sent this; it also comes alone, as a tick. */
      now: z.number().nonnegative().optional(),
    }),
    output: z.object({}),
  },
  /** A scan already decoded, from a device or typed into the scan field by hand. */
  scan: { input: z.object({ data: z.string().min(1).max(4096) }), output: ActionResult },
  addProduct: { input: z.object({ productId: z.string().min(1).max(256) }), output: ActionResult },
  typeSerial: { input: z.object({ text: z.string().max(256) }), output: ActionResult },
  setFulfillment: { input: z.object({ lineId: LineId, mode: Fulfillment }), output: ActionResult },
  setQuantity: { input: z.object({ lineId: LineId, quantity: z.number() }), output: ActionResult },
  removeLine: { input: z.object({ lineId: LineId }), output: ActionResult },
  complete: { input: z.object({ tender: Tender, amount: z.number().int().nonnegative().optional() }), output: ActionResult },
  newSale: { input: z.object({}), output: ActionResult },
  park: { input: z.object({}), output: ActionResult },
  resume: { input: z.object({ saleId: z.number().int().positive() }), output: ActionResult },
  voidSale: { input: z.object({}), output: ActionResult },
  searchProducts: { input: z.object({ query: z.string().max(256), limit: z.number().int().min(1).max(100).optional() }), output: z.array(ProductHit) },
  /** Products for the one-tap tiles: best sellers of this till, then the catalog's first products. */
  popularProducts: { input: z.object({ limit: z.number().int().min(1).max(48).optional() }), output: z.array(ProductHit) },
  ...pickingRequests(ActionResult),
  ...adminRequests,
  ...scannerRequests,
} as const;

export type RequestName = keyof typeof requests;
export type RequestInput<N extends RequestName> = z.input<(typeof requests)[N]['input']>;
export type RequestOutput<N extends RequestName> = z.infer<(typeof requests)[N]['output']>;

/** Events pushed from main to the renderer. */
export const events = {
  state: AppState,
  /** Keys the wedge reader held and then found to be a person's typing, for the focused field. */
  typed: z.object({ text: z.string() }),
  ...adminEvents,
  ...scannerEvents,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]>;

/** The API the renderer sees, identical in Electron (preload) and in the browser host (WebSocket). */
export interface CounterApi {
  request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>>;
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}

export const IPC_REQUEST_CHANNEL = 'counter:request';
export const IPC_EVENT_CHANNEL = 'counter:event';

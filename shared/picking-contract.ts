import { z } from 'zod';
import type { ActionResult } from './contract';
import { MAX_WAVE_SIZE, REJECT_REASONS, REQUEST_STATUSES } from './pick/rules';

/**
 * The picking part of the contract: fulfillment requests, the pick screen and the packing slip.
 * contract.ts spreads `pickingRequests(ActionResult)` into its `requests`, so these are validated
 * on the main side like every request. This module imports only types from contract.ts, so the
 * two never load each other at run time.
 */

export const RequestStatus = z.enum(REQUEST_STATUSES);
export const RejectReason = z.enum(REJECT_REASONS);
export const Workspace = z.enum(['sale', 'picking']);
export type Workspace = z.infer<typeof Workspace>;

export const RequestSummaryView = z.object({
  requestId: z.string(),
  origin: z.enum(['sale', 'import']),
  /** The sale whose ship lines made the request, for requests made at this till. */
  saleId: z.number().int().nullable(),
  status: RequestStatus,
  customerName: z.string().nullable(),
  shippingMethod: z.string().nullable(),
  createdAt: z.string(),
  units: z.number().int(),
  picked: z.number().int(),
});
export type RequestSummaryView = z.infer<typeof RequestSummaryView>;

export const PickLineView = z.object({
  id: z.number().int(),
  productId: z.string(),
  title: z.string(),
  serialized: z.boolean(),
  quantity: z.number().int(),
  picked: z.number().int(),
  serials: z.array(z.string()),
  rejected: z.number().int(),
  rejectReason: RejectReason.nullable(),
  /** Units still to be picked or rejected (`unitsLeft` of shared/pick/rules.ts). */
  left: z.number().int(),
});
export type PickLineView = z.infer<typeof PickLineView>;

export const PackingSlipView = z.object({
  requestId: z.string(),
  saleId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  shippingMethod: z.string().nullable(),
  createdAt: z.string(),
  pickedAt: z.string(),
  shippedAt: z.string().nullable(),
  lines: z.array(
    z.object({
      productId: z.string(),
      title: z.string(),
      ordered: z.number().int(),
      packed: z.number().int(),
      serials: z.array(z.string()),
      rejected: z.number().int(),
      rejectReason: RejectReason.nullable(),
    }),
  ),
});
export type PackingSlipView = z.infer<typeof PackingSlipView>;

export const OpenPickView = RequestSummaryView.extend({
  lines: z.array(PickLineView),
  awaitingSerialLineId: z.number().int().nullable(),
  /** Every unit picked or rejected and no serial awaited: "complete" will be accepted. */
  readyToComplete: z.boolean(),
  /** The wave this request was started in, its requests oldest first, and how many are still being picked. */
  wave: z.object({ requestIds: z.array(z.string()), picking: z.number().int() }).nullable(),
  slip: PackingSlipView.nullable(),
});
export type OpenPickView = z.infer<typeof OpenPickView>;

export const PickingView = z.object({
  counts: z.object({ notStarted: z.number().int(), inProgress: z.number().int(), picked: z.number().int(), shipped: z.number().int() }),
  /** Requests still to be worked on, and the latest shipped, oldest first. */
  requests: z.array(RequestSummaryView),
  open: OpenPickView.nullable(),
});
export type PickingView = z.infer<typeof PickingView>;

const RequestId = z.string().min(1).max(64);
const PickLineId = z.number().int().positive();

export function pickingRequests(actionResult: typeof ActionResult) {
  return {
    /** Which screen is in front; scans and typed serials go to the pick while it is "picking". */
    setWorkspace: { input: z.object({ workspace: Workspace }), output: actionResult },
    acceptRequest: { input: z.object({ requestId: RequestId }), output: actionResult },
    declineRequest: { input: z.object({ requestId: RequestId, reason: z.string().max(500).optional() }), output: actionResult },
    openPick: { input: z.object({ requestId: RequestId }), output: actionResult },
    /** The request on the pick screen is put aside (what is picked stays); scans then reach no pick until one is opened. */
    leavePick: { input: z.object({}), output: actionResult },
    startWave: { input: z.object({ size: z.number().int().min(1).max(MAX_WAVE_SIZE) }), output: actionResult },
    confirmPickQuantity: { input: z.object({ lineId: PickLineId, quantity: z.number() }), output: actionResult },
    rejectPickLine: {
      input: z.object({ lineId: PickLineId, quantity: z.number(), reason: RejectReason, note: z.string().max(500).optional() }),
      output: actionResult,
    },
    cancelPickSerial: { input: z.object({}), output: actionResult },
    completePick: { input: z.object({}), output: actionResult },
    shipRequest: { input: z.object({ requestId: RequestId }), output: actionResult },
  } as const;
}

import type { Db } from '../db/open';
import type { ActionResult } from '../../shared/contract';
import type { OpenPickView, PackingSlipView, PickingView, RequestSummaryView } from '../../shared/picking-contract';
import { done, doneWithWarning, fail } from '../../shared/action-result';
import {
  allows,
  checkComplete,
  checkConfirmQuantity,
  checkReject,
  countByStage,
  decidePickScan,
  decideTypedSerial,
  everythingAccountedFor,
  MAX_WAVE_SIZE,
  unitsLeft,
  type PickRuleState,
  type RejectReason,
  type RequestAction,
} from '../../shared/pick/rules';
import type { SerialFacts } from '../../shared/serial-checks';
import { readScan } from '../../shared/sale/scan-reading';
import { ProductLookup } from '../products/lookup';
import { SerialRegistry } from '../serials/serial-registry';
import { serialFacts, type SerialPolicy } from '../serials/serial-facts';
import type { LineRow, SaleRow } from '../sale/sale-repository';
import { RequestRepository, type ItemRow, type RequestRow } from './request-repository';

/**
 * The pick screen's session: the only writer of fulfillment requests. Every intent is one
 * transaction, and what it shows is read back from SQLite, so a restart comes back to the same
 * request, the same picked units and the same serial prompt.
 */
export class PickSession {
  private readonly requests: RequestRepository;
  private readonly products: ProductLookup;
  private readonly serials: SerialRegistry;

  constructor(
    db: Db,
    private readonly serialPolicy: SerialPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.requests = new RequestRepository(db);
    this.products = new ProductLookup(db);
    this.serials = new SerialRegistry(db);
  }

  /**
   * The ship lines of a completed sale become one request, ready to pick. Called inside the sale's
   * completion transaction, so the sale and its request are written together or not at all.
   */
  createFromSale(sale: SaleRow, lines: readonly LineRow[]): void {
    const shipLines = lines.filter((l) => l.fulfillment === 'ship');
    if (shipLines.length === 0) return;
    this.requests.insert({
      id: saleRequestId(sale.id),
      origin: 'sale',
      saleId: sale.id,
      shippingMethod: null,
      customerName: null,
      createdAt: sale.closedAt ?? this.now(),
      status: 'accepted',
      items: shipLines.map((l) => ({ productId: l.productId, title: l.title, serialized: l.serialized, quantity: l.quantity })),
    });
  }

  requestOfSale(saleId: number): RequestRow | null {
    return this.requests.requestOfSale(saleId);
  }

  accept(requestId: string): ActionResult {
    return this.withRequest(requestId, 'accept', (request) => {
      this.requests.setStatus(request.id, 'accepted', this.now());
      return done(`${request.id} accepted.`);
    });
  }

  decline(requestId: string, reason: string | null): ActionResult {
    return this.withRequest(requestId, 'decline', (request) => {
      this.requests.setAwaiting(request.id, null);
      this.requests.setStatus(request.id, 'declined', this.now());
      this.requests.setDeclineReason(request.id, reason);
      if (this.requests.deskRequestId() === request.id) this.requests.setDeskRequest(null);
      return done(`${request.id} declined.`);
    });
  }

  /** Starts picking a request, or goes back to it; a picked or shipped one opens for its packing slip. */
  open(requestId: string): ActionResult {
    return this.requests.transaction(() => {
      const request = this.requests.request(requestId);
      if (!request) return fail('NO_SUCH_REQUEST', `(${requestId})`);
      if (request.status === 'declined') return fail('PICK_STATE', `${request.id} was declined.`);
      if (allows('start', request.status)) this.requests.setStatus(request.id, 'picking', this.now());
      this.requests.setDeskRequest(request.id);
      if (request.status === 'picked') return done(`${request.id} is picked: print its packing slip and hand it over.`);
      if (request.status === 'shipped') return done(`${request.id} was shipped.`);
      return done(`Picking ${request.id}.`);
    });
  }

  /**
   * The picker goes back to the list of requests. The request leaves the pick screen (its picked
   * units, serials and serial prompt stay on it for when it is opened again), so a scan made while
   * the list is shown is refused as "no pick is open" instead of picking for a request not on screen.
   */
  leave(): ActionResult {
    return this.requests.transaction(() => {
      const requestId = this.requests.deskRequestId();
      this.requests.setDeskRequest(null);
      const kept = requestId === null ? '' : ` ${requestId} keeps what is picked.`;
      return done(`Back to the requests.${kept} Scans pick nothing until a request is opened.`);
    });
  }

  /**
   * Starts picking the oldest requests not started yet, up to `size`, as one wave. The pick screen
   * works through them in order: when every unit of one is picked it completes by itself and the
   * next one opens, so a wave is worked with the scanner alone.
   */
  startWave(size: number): ActionResult {
    return this.requests.transaction(() => {
      const batch = this.requests.oldestNotStarted(Math.min(size, MAX_WAVE_SIZE));
      if (batch.length === 0) return fail('PICK_STATE', 'No request is waiting to be picked.');
      const now = this.now();
      this.requests.createWave(batch.map((r) => r.id), now);
      for (const request of batch) this.requests.setStatus(request.id, 'picking', now);
      this.requests.setDeskRequest(batch[0]!.id);
      return done(`Wave of ${batch.length} started: picking ${batch[0]!.id}.`);
    });
  }

  scan(data: string): ActionResult {
    return this.withOpenPick((request, state, items) => {
      const decision = decidePickScan(state, readScan(data), this.facts(request));
      switch (decision.kind) {
        case 'refuse':
          return fail(decision.code, decision.detail);
        case 'pick-unit': {
          const item = items.find((i) => i.id === decision.lineId)!;
          this.requests.setCounted(item.id, item.picked + 1);
          return this.settle(request, `${item.title}: ${item.picked + 1} of ${item.quantity} picked.`);
        }
        case 'await-serial': {
          const item = items.find((i) => i.id === decision.lineId)!;
          this.requests.setAwaiting(request.id, item.id);
          if (decision.problem) return doneWithWarning(`${item.title}: scan its serial number.`, decision.problem, `Scan or type the serial number of ${item.title}.`);
          return done(`${item.title}: scan its serial number.`);
        }
        case 'pick-serial':
          return this.pickSerial(request, items, decision.lineId, decision.serial);
      }
    });
  }

  typeSerial(text: string): ActionResult {
    return this.withOpenPick((request, state, items) => {
      const decision = decideTypedSerial(state, text, this.facts(request));
      if (decision.kind === 'refuse') return fail(decision.code);
      if (decision.kind !== 'pick-serial') throw new Error(`A typed serial cannot mean "${decision.kind}"`);
      return this.pickSerial(request, items, decision.lineId, decision.serial);
    });
  }

  /** The unit waiting for a serial goes back on the shelf: it was the wrong one, or cannot be found. */
  cancelSerial(): ActionResult {
    return this.withOpenPick((request, state, items) => {
      const item = items.find((i) => i.id === state.awaitingLineId);
      if (!item) return fail('NO_SERIAL_PROMPT');
      this.requests.setAwaiting(request.id, null);
      return done(`${item.title}: no unit waiting for a serial now.`);
    });
  }

  confirmQuantity(lineId: number, quantity: number): ActionResult {
    return this.withOpenPick((request, _state, items) => {
      const item = items.find((i) => i.id === lineId);
      if (!item) return fail('NO_SUCH_LINE');
      const problem = checkConfirmQuantity(item, quantity);
      if (problem) return fail(problem, problem === 'SERIAL_REQUIRED' ? `Scan ${item.title} and then its serial.` : undefined);
      this.requests.setCounted(item.id, quantity);
      return this.settle(request, `${item.title}: ${quantity} of ${item.quantity} picked.`);
    });
  }

  reject(lineId: number, quantity: number, reason: RejectReason, note: string | null): ActionResult {
    return this.withOpenPick((request, state, items) => {
      const item = items.find((i) => i.id === lineId);
      if (!item) return fail('NO_SUCH_LINE');
      const problem = checkReject(item, quantity);
      if (problem) return fail(problem);
      this.requests.reject(item.id, quantity, reason, note);
      if (state.awaitingLineId === item.id && quantity === unitsLeft(item)) this.requests.setAwaiting(request.id, null);
      const why = reason === 'damaged' ? 'damaged' : 'not found';
      return this.settle(request, `${item.title}: ${quantity} rejected (${why}).`);
    });
  }

  complete(): ActionResult {
    return this.withOpenPick((request, state) => {
      const problem = checkComplete(state);
      if (problem) return fail(problem, missingDetail(state, this.requests.items(request.id)));
      this.requests.setStatus(request.id, 'picked', this.now());
      return done(`${request.id} picked. Print its packing slip.`);
    });
  }

  /** Handover: the request leaves the store. Its serials stay on it for the slip and are no longer tracked. */
  ship(requestId: string): ActionResult {
    return this.withRequest(requestId, 'ship', (request) => {
      this.requests.setStatus(request.id, 'shipped', this.now());
      return done(`${request.id} shipped.`);
    });
  }

  view(): PickingView {
    const open = this.openView();
    return {
      counts: countByStage(this.requests.countByStatus()),
      requests: this.requests.dashboard().map((r) => this.summary(r)),
      open,
    };
  }

  private openView(): OpenPickView | null {
    const requestId = this.requests.deskRequestId();
    const request = requestId ? this.requests.request(requestId) : null;
    if (!request) return null;
    const items = this.requests.items(request.id);
    const wave = request.waveId === null ? null : this.requests.ofWave(request.waveId);
    return {
      ...this.summary(request),
      lines: items.map((item) => ({
        id: item.id,
        productId: item.productId,
        title: item.title,
        serialized: item.serialized,
        quantity: item.quantity,
        picked: item.picked,
        serials: item.serials,
        rejected: item.rejected,
        rejectReason: item.rejectReason,
        left: unitsLeft(item),
      })),
      awaitingSerialLineId: request.awaitingItemId,
      readyToComplete: request.status === 'picking' && everythingAccountedFor(ruleState(request, items)),
      wave: wave ? { requestIds: wave.map((r) => r.id), picking: wave.filter((r) => r.status === 'picking').length } : null,
      slip: slipOf(request, items),
    };
  }

  private summary(request: RequestRow): RequestSummaryView {
    const { units, picked } = this.requests.units(request.id);
    return {
      requestId: request.id,
      origin: request.origin,
      saleId: request.saleId,
      status: request.status,
      customerName: request.customerName,
      shippingMethod: request.shippingMethod,
      createdAt: request.createdAt,
      units,
      picked,
    };
  }

  private pickSerial(request: RequestRow, items: readonly ItemRow[], lineId: number, serial: string): ActionResult {
    const item = items.find((i) => i.id === lineId)!;
    this.requests.addSerial(item, serial, this.now());
    this.requests.setAwaiting(request.id, null);
    return this.settle(request, `${item.title}: serial ${serial} picked (${item.picked + 1} of ${item.quantity}).`);
  }

  /**
   * After a unit is accounted for: a request of a wave whose every unit is picked or rejected
   * completes by itself, and the wave's next request opens, so the picker never has to leave
   * the scanner. A request picked on its own waits for "complete".
   */
  private settle(request: RequestRow, message: string): ActionResult {
    if (request.waveId === null) return done(message);
    const current = this.requests.request(request.id)!;
    if (!everythingAccountedFor(ruleState(current, this.requests.items(request.id)))) return done(message);
    this.requests.setStatus(request.id, 'picked', this.now());
    const next = this.requests.ofWave(request.waveId).find((r) => r.status === 'picking');
    if (!next) return done(`${message} ${request.id} picked. The wave is done.`);
    this.requests.setDeskRequest(next.id);
    return done(`${message} ${request.id} picked. Next: ${next.id}.`);
  }

  private withRequest(requestId: string, action: RequestAction, run: (request: RequestRow) => ActionResult): ActionResult {
    return this.requests.transaction(() => {
      const request = this.requests.request(requestId);
      if (!request) return fail('NO_SUCH_REQUEST', `(${requestId})`);
      if (!allows(action, request.status)) return fail('PICK_STATE', `${request.id} is ${request.status}.`);
      return run(request);
    });
  }

  private withOpenPick(run: (request: RequestRow, state: PickRuleState, items: ItemRow[]) => ActionResult): ActionResult {
    return this.requests.transaction(() => {
      const requestId = this.requests.deskRequestId();
      const request = requestId ? this.requests.request(requestId) : null;
      if (!request) return fail('NO_OPEN_PICK', 'Open a request from the list to pick it.');
      if (!allows('pick', request.status)) return fail('PICK_STATE', `${request.id} is ${request.status}.`);
      const items = this.requests.items(request.id);
      return run(request, ruleState(request, items), items);
    });
  }

  private facts(request: RequestRow): SerialFacts {
    return serialFacts(this.products, this.serials, this.serialPolicy, { requestId: request.id });
  }

  private now(): string {
    return this.clock().toISOString();
  }
}

/** Requests made at this till are named after their sale; imported ids may not take this prefix. */
export const SALE_REQUEST_PREFIX = 'SALE-';

export function saleRequestId(saleId: number): string {
  return `${SALE_REQUEST_PREFIX}${saleId}`;
}

/** The packing slip of a picked or shipped request; none before, when it would not be true yet. */
function slipOf(request: RequestRow, items: readonly ItemRow[]): PackingSlipView | null {
  if (request.status !== 'picked' && request.status !== 'shipped') return null;
  return {
    requestId: request.id,
    saleId: request.saleId,
    customerName: request.customerName,
    shippingMethod: request.shippingMethod,
    createdAt: request.createdAt,
    pickedAt: request.pickedAt!,
    shippedAt: request.shippedAt,
    lines: items.map((item) => ({
      productId: item.productId,
      title: item.title,
      ordered: item.quantity,
      packed: item.picked,
      serials: item.serials,
      rejected: item.rejected,
      rejectReason: item.rejectReason,
    })),
  };
}

function ruleState(request: RequestRow, items: readonly ItemRow[]): PickRuleState {
  return { lines: items, awaitingLineId: request.awaitingItemId };
}

function missingDetail(state: PickRuleState, items: readonly ItemRow[]): string {
  const missing = items
    .filter((i) => unitsLeft(i) > 0)
    .map((i) => `${i.title}: ${unitsLeft(i)} more`);
  if (state.awaitingLineId !== null && missing.length === 0) return 'A unit still waits for its serial.';
  return missing.length > 0 ? `Still to pick: ${missing.join(', ')}.` : '';
}

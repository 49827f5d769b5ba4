import type { Db } from '../db/open';
import type { Statement } from 'better-sqlite3';
import { REQUEST_STATUSES, type RejectReason, type RequestStatus } from '../../shared/pick/rules';

export type RequestOrigin = 'sale' | 'import';

export interface RequestRow {
  id: string;
  origin: RequestOrigin;
  saleId: number | null;
  shippingMethod: string | null;
  customerName: string | null;
  createdAt: string;
  status: RequestStatus;
  declineReason: string | null;
  waveId: number | null;
  awaitingItemId: number | null;
  startedAt: string | null;
  pickedAt: string | null;
  shippedAt: string | null;
}

export interface ItemRow {
  id: number;
  requestId: string;
  position: number;
  productId: string;
  title: string;
  serialized: boolean;
  quantity: number;
  /** Units picked: counted ones, or for a serialized product its serials. */
  picked: number;
  serials: string[];
  rejected: number;
  rejectReason: RejectReason | null;
  rejectNote: string | null;
}

export type NewRequest = Pick<RequestRow, 'id' | 'origin' | 'saleId' | 'shippingMethod' | 'customerName' | 'createdAt'> & {
  status: 'new' | 'accepted';
  items: Pick<ItemRow, 'productId' | 'title' | 'serialized' | 'quantity'>[];
};

/** When each status was reached, for the slip and the dashboard. */
const STATUS_TIME: Partial<Record<RequestStatus, string>> = {
  picking: 'started_at',
  picked: 'picked_at',
  shipped: 'shipped_at',
  declined: 'declined_at',
};

const SHIPPED_SHOWN = 20;

/** The SQL of fulfillment requests, their items and picked serials. Callers wrap each action in one transaction. */
export class RequestRepository {
  private readonly statements;
  private readonly setStatusStatements: Record<RequestStatus, Statement>;

  constructor(private readonly db: Db) {
    this.setStatusStatements = Object.fromEntries(
      REQUEST_STATUSES.map((status) => {
        const column = STATUS_TIME[status];
        const time = column ? `, ${column} = @now` : '';
        return [status, db.prepare(`UPDATE fulfillment_requests SET status = @status${time} WHERE id = @id`)];
      }),
    ) as Record<RequestStatus, Statement>;
    this.statements = {
      request: db.prepare(`SELECT * FROM fulfillment_requests WHERE id = ?`),
      requestOfSale: db.prepare(`SELECT * FROM fulfillment_requests WHERE sale_id = ?`),
      items: db.prepare(`SELECT * FROM fulfillment_items WHERE request_id = ? ORDER BY position`),
      serials: db.prepare<[string], { item_id: number; serial: string }>(
        `SELECT s.item_id, s.serial FROM picked_serials s JOIN fulfillment_items i ON i.id = s.item_id
         WHERE i.request_id = ? ORDER BY s.picked_at, s.rowid`,
      ),
      insertRequest: db.prepare(
        `INSERT INTO fulfillment_requests (id, origin, sale_id, shipping_method, customer_name, created_at, status)
         VALUES (@id, @origin, @saleId, @shippingMethod, @customerName, @createdAt, @status)`,
      ),
      insertItem: db.prepare(
        `INSERT INTO fulfillment_items (request_id, position, product_id, title, serialized, quantity)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      countByStatus: db.prepare<[], { status: RequestStatus; n: number }>(`SELECT status, count(*) AS n FROM fulfillment_requests GROUP BY status`),
      dashboard: db.prepare(
        `SELECT * FROM (SELECT * FROM fulfillment_requests WHERE status NOT IN ('shipped', 'declined'))
         UNION ALL SELECT * FROM (SELECT * FROM fulfillment_requests WHERE status = 'shipped' ORDER BY shipped_at DESC, id LIMIT ${SHIPPED_SHOWN})
         ORDER BY created_at, id`,
      ),
      oldestNotStarted: db.prepare(`SELECT * FROM fulfillment_requests WHERE status IN ('new', 'accepted') ORDER BY created_at, id LIMIT ?`),
      ofWave: db.prepare(`SELECT * FROM fulfillment_requests WHERE wave_id = ? ORDER BY created_at, id`),
      unitsOf: db.prepare<[string], { units: number; picked: number }>(
        `SELECT COALESCE(SUM(i.quantity), 0) AS units,
                COALESCE(SUM(i.counted + (SELECT count(*) FROM picked_serials s WHERE s.item_id = i.id)), 0) AS picked
         FROM fulfillment_items i WHERE i.request_id = ?`,
      ),
      insertWave: db.prepare(`INSERT INTO pick_waves (started_at) VALUES (?)`),
      setWave: db.prepare(`UPDATE fulfillment_requests SET wave_id = ? WHERE id = ?`),
      setAwaiting: db.prepare(`UPDATE fulfillment_requests SET awaiting_item_id = ? WHERE id = ?`),
      decline: db.prepare(`UPDATE fulfillment_requests SET decline_reason = ? WHERE id = ?`),
      setCounted: db.prepare(`UPDATE fulfillment_items SET counted = ? WHERE id = ?`),
      reject: db.prepare(
        `UPDATE fulfillment_items SET rejected = rejected + ?, reject_reason = ?, reject_note = COALESCE(?, reject_note) WHERE id = ?`,
      ),
      addSerial: db.prepare(`INSERT INTO picked_serials (item_id, product_id, serial, picked_at) VALUES (?, ?, ?, ?)`),
      deskRequest: db.prepare<[], { request_id: string | null }>(`SELECT request_id FROM pick_desk WHERE id = 1`),
      setDesk: db.prepare(`INSERT INTO pick_desk (id, request_id) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET request_id = excluded.request_id`),
      exists: db.prepare<[string], { n: number }>(`SELECT 1 AS n FROM fulfillment_requests WHERE id = ?`),
    };
  }

  request(id: string): RequestRow | null {
    return toRequest(this.statements.request.get(id));
  }

  requestOfSale(saleId: number): RequestRow | null {
    return toRequest(this.statements.requestOfSale.get(saleId));
  }

  exists(id: string): boolean {
    return this.statements.exists.get(id) !== undefined;
  }

  items(requestId: string): ItemRow[] {
    const serials = new Map<number, string[]>();
    for (const row of this.statements.serials.all(requestId)) {
      const list = serials.get(row.item_id) ?? [];
      list.push(row.serial);
      serials.set(row.item_id, list);
    }
    return this.statements.items.all(requestId).map((row) => toItem(row, serials));
  }

  insert(request: NewRequest): void {
    this.statements.insertRequest.run(request);
    request.items.forEach((item, index) => {
      this.statements.insertItem.run(request.id, index + 1, item.productId, item.title, item.serialized ? 1 : 0, item.quantity);
    });
  }

  countByStatus(): Partial<Record<RequestStatus, number>> {
    return Object.fromEntries(this.statements.countByStatus.all().map((r) => [r.status, r.n]));
  }

  /** Every request still to be worked on, and the latest shipped ones, oldest first. */
  dashboard(): RequestRow[] {
    return this.statements.dashboard.all().map((r) => toRequest(r)!);
  }

  oldestNotStarted(limit: number): RequestRow[] {
    return this.statements.oldestNotStarted.all(limit).map((r) => toRequest(r)!);
  }

  ofWave(waveId: number): RequestRow[] {
    return this.statements.ofWave.all(waveId).map((r) => toRequest(r)!);
  }

  units(requestId: string): { units: number; picked: number } {
    return this.statements.unitsOf.get(requestId)!;
  }

  createWave(requestIds: readonly string[], now: string): number {
    const waveId = Number(this.statements.insertWave.run(now).lastInsertRowid);
    for (const id of requestIds) this.statements.setWave.run(waveId, id);
    return waveId;
  }

  setStatus(id: string, status: RequestStatus, now: string): void {
    this.setStatusStatements[status].run({ id, status, now });
  }

  setDeclineReason(id: string, reason: string | null): void {
    this.statements.decline.run(reason, id);
  }

  setAwaiting(requestId: string, itemId: number | null): void {
    this.statements.setAwaiting.run(itemId, requestId);
  }

  setCounted(itemId: number, units: number): void {
    this.statements.setCounted.run(units, itemId);
  }

  reject(itemId: number, units: number, reason: RejectReason, note: string | null): void {
    this.statements.reject.run(units, reason, note, itemId);
  }

  addSerial(item: ItemRow, serial: string, now: string): void {
    this.statements.addSerial.run(item.id, item.productId, serial, now);
  }

  deskRequestId(): string | null {
    return this.statements.deskRequest.get()?.request_id ?? null;
  }

  setDeskRequest(requestId: string | null): void {
    this.statements.setDesk.run(requestId);
  }

  transaction<T>(action: () => T): T {
    return this.db.transaction(action).immediate();
  }
}

function toRequest(row: unknown): RequestRow | null {
  if (!row) return null;
  const r = row as Record<string, unknown>;
  return {
    id: r.id as string,
    origin: r.origin as RequestOrigin,
    saleId: (r.sale_id as number | null) ?? null,
    shippingMethod: (r.shipping_method as string | null) ?? null,
    customerName: (r.customer_name as string | null) ?? null,
    createdAt: r.created_at as string,
    status: r.status as RequestStatus,
    declineReason: (r.decline_reason as string | null) ?? null,
    waveId: (r.wave_id as number | null) ?? null,
    awaitingItemId: (r.awaiting_item_id as number | null) ?? null,
    startedAt: (r.started_at as string | null) ?? null,
    pickedAt: (r.picked_at as string | null) ?? null,
    shippedAt: (r.shipped_at as string | null) ?? null,
  };
}

function toItem(row: unknown, serialsByItem: Map<number, string[]>): ItemRow {
  const r = row as Record<string, unknown>;
  const id = r.id as number;
  const serialized = r.serialized === 1;
  const serials = serialsByItem.get(id) ?? [];
  return {
    id,
    requestId: r.request_id as string,
    position: r.position as number,
    productId: r.product_id as string,
    title: r.title as string,
    serialized,
    quantity: r.quantity as number,
    picked: serialized ? serials.length : (r.counted as number),
    serials,
    rejected: r.rejected as number,
    rejectReason: (r.reject_reason as RejectReason | null) ?? null,
    rejectNote: (r.reject_note as string | null) ?? null,
  };
}

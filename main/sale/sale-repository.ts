import type { Db } from '../db/open';
import type { Fulfillment, Tender } from '../../shared/contract';

export interface LineRow {
  id: number;
  saleId: number;
  position: number;
  productId: string;
  title: string;
  serialized: boolean;
  fulfillment: Fulfillment;
  quantity: number;
  unitPrice: number;
  serial: string | null;
}

export interface SaleRow {
  id: number;
  status: 'open' | 'parked' | 'completed' | 'voided';
  currency: string;
  openedAt: string;
  parkedAt: string | null;
  closedAt: string | null;
  tender: Tender | null;
  total: number | null;
  tendered: number | null;
  change: number | null;
}

/** The SQL of sales and their lines. Callers wrap each user action in one transaction. */
export class SaleRepository {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      openSale: db.prepare(`SELECT * FROM sales WHERE status = 'open'`),
      sale: db.prepare(`SELECT * FROM sales WHERE id = ?`),
      parked: db.prepare(`SELECT * FROM sales WHERE status = 'parked' ORDER BY parked_at, id`),
      lastCompleted: db.prepare(`SELECT * FROM sales WHERE status = 'completed' ORDER BY closed_at DESC, id DESC LIMIT 1`),
      lines: db.prepare(`SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY position, id`),
      insertSale: db.prepare(`INSERT INTO sales (status, currency, opened_at) VALUES ('open', ?, ?)`),
      insertLine: db.prepare(
        `INSERT INTO sale_lines (sale_id, position, product_id, title, serialized, fulfillment, quantity, unit_price_minor, serial)
         VALUES (@saleId, (SELECT COALESCE(MAX(position), 0) + 1 FROM sale_lines WHERE sale_id = @saleId), @productId, @title, @serialized, 'take', 1, @unitPrice, NULL)`,
      ),
      setSerial: db.prepare(`UPDATE sale_lines SET serial = ? WHERE id = ?`),
      setQuantity: db.prepare(`UPDATE sale_lines SET quantity = ? WHERE id = ?`),
      setFulfillment: db.prepare(`UPDATE sale_lines SET fulfillment = ?, serial = CASE WHEN ? = 'ship' THEN NULL ELSE serial END WHERE id = ?`),
      deleteLine: db.prepare(`DELETE FROM sale_lines WHERE id = ?`),
      setStatus: db.prepare(`UPDATE sales SET status = ?, parked_at = ?, closed_at = ? WHERE id = ?`),
      complete: db.prepare(
        `UPDATE sales SET status = 'completed', closed_at = ?, tender = ?, total_minor = ?, tendered_minor = ?, change_minor = ? WHERE id = ?`,
      ),
      sellSerial: db.prepare(`INSERT INTO sold_serials (product_id, serial, sale_id, line_id) VALUES (?, ?, ?, ?)`),
      receiptSaleId: db.prepare(`SELECT receipt_sale_id FROM till_desk WHERE id = 1`).pluck(),
      setReceiptSaleId: db.prepare(`UPDATE till_desk SET receipt_sale_id = ? WHERE id = 1`),
    };
  }

  openSale(): SaleRow | null {
    return toSale(this.statements.openSale.get());
  }

  sale(id: number): SaleRow | null {
    return toSale(this.statements.sale.get(id));
  }

  parkedSales(): SaleRow[] {
    return this.statements.parked.all().map((r) => toSale(r)!);
  }

  lastCompletedSale(): SaleRow | null {
    return toSale(this.statements.lastCompleted.get());
  }

  lines(saleId: number): LineRow[] {
    return this.statements.lines.all(saleId).map(toLine);
  }

  createOpenSale(currency: string, now: string): number {
    return Number(this.statements.insertSale.run(currency, now).lastInsertRowid);
  }

  addLine(line: { saleId: number; productId: string; title: string; serialized: boolean; unitPrice: number }): number {
    return Number(this.statements.insertLine.run({ ...line, serialized: line.serialized ? 1 : 0 }).lastInsertRowid);
  }

  setSerial(lineId: number, serial: string | null): void {
    this.statements.setSerial.run(serial, lineId);
  }

  setQuantity(lineId: number, quantity: number): void {
    this.statements.setQuantity.run(quantity, lineId);
  }

  /** Serials are tracked only for what leaves the store with the customer, so shipping drops it. */
  setFulfillment(lineId: number, mode: Fulfillment): void {
    this.statements.setFulfillment.run(mode, mode, lineId);
  }

  deleteLine(lineId: number): void {
    this.statements.deleteLine.run(lineId);
  }

  park(saleId: number, now: string): void {
    this.statements.setStatus.run('parked', now, null, saleId);
  }

  reopen(saleId: number): void {
    this.statements.setStatus.run('open', null, null, saleId);
  }

  void(saleId: number, now: string): void {
    this.statements.setStatus.run('voided', null, now, saleId);
  }

  complete(saleId: number, now: string, payment: { tender: Tender; total: number; tendered: number; change: number }): void {
    this.statements.complete.run(now, payment.tender, payment.total, payment.tendered, payment.change, saleId);
  }

  recordSoldSerial(productId: string, serial: string, saleId: number, lineId: number): void {
    this.statements.sellSerial.run(productId, serial, saleId, lineId);
  }

  /** The completed sale whose receipt is on screen, or null. */
  receiptSaleId(): number | null {
    return (this.statements.receiptSaleId.get() as number | null | undefined) ?? null;
  }

  setReceiptSaleId(saleId: number | null): void {
    this.statements.setReceiptSaleId.run(saleId);
  }

  transaction<T>(action: () => T): T {
    return this.db.transaction(action).immediate();
  }
}

function toSale(row: unknown): SaleRow | null {
  if (!row) return null;
  const r = row as Record<string, unknown>;
  return {
    id: r.id as number,
    status: r.status as SaleRow['status'],
    currency: r.currency as string,
    openedAt: r.opened_at as string,
    parkedAt: (r.parked_at as string | null) ?? null,
    closedAt: (r.closed_at as string | null) ?? null,
    tender: (r.tender as Tender | null) ?? null,
    total: (r.total_minor as number | null) ?? null,
    tendered: (r.tendered_minor as number | null) ?? null,
    change: (r.change_minor as number | null) ?? null,
  };
}

function toLine(row: unknown): LineRow {
  const r = row as Record<string, unknown>;
  return {
    id: r.id as number,
    saleId: r.sale_id as number,
    position: r.position as number,
    productId: r.product_id as string,
    title: r.title as string,
    serialized: r.serialized === 1,
    fulfillment: r.fulfillment as Fulfillment,
    quantity: r.quantity as number,
    unitPrice: r.unit_price_minor as number,
    serial: (r.serial as string | null) ?? null,
  };
}

import type { Db } from '../db/open';

/**
 * Where a serial is in this store, outside the sale or pick being worked on. A serial is only
 * ever looked up together with its product: a serial alone never identifies an item.
 * A serial on an open pick (picking or picked, not yet shipped) is held like one on a parked
 * sale. Shipped requests are never looked at: shipping ends the store's tracking of a serial.
 */
export class SerialRegistry {
  private readonly sold;
  private readonly onOtherSale;
  private readonly onOtherPick;
  private readonly known;

  constructor(db: Db) {
    this.sold = db.prepare<[string, string], { n: number }>(`SELECT 1 AS n FROM sold_serials WHERE product_id = ? AND serial = ?`);
    this.onOtherSale = db.prepare<[string, string, number], { n: number }>(
      `SELECT 1 AS n FROM sale_lines l JOIN sales s ON s.id = l.sale_id
       WHERE l.product_id = ? AND l.serial = ? AND s.status IN ('open', 'parked') AND s.id <> ? LIMIT 1`,
    );
    this.onOtherPick = db.prepare<[string, string, string], { n: number }>(
      `SELECT 1 AS n FROM picked_serials p JOIN fulfillment_items i ON i.id = p.item_id JOIN fulfillment_requests r ON r.id = i.request_id
       WHERE p.product_id = ? AND p.serial = ? AND r.status IN ('picking', 'picked') AND r.id <> ? LIMIT 1`,
    );
    this.known = db.prepare<[string, string, string], { n: number }>(
      `SELECT 1 AS n FROM sold_serials WHERE serial = ?
       UNION ALL SELECT 1 FROM sale_lines WHERE serial = ?
       UNION ALL SELECT 1 FROM picked_serials p JOIN fulfillment_items i ON i.id = p.item_id JOIN fulfillment_requests r ON r.id = i.request_id
         WHERE p.serial = ? AND r.status <> 'shipped' LIMIT 1`,
    );
  }

  elsewhere(productId: string, serial: string, exclude: { saleId?: number; requestId?: string }): 'sold' | 'held' | null {
    if (this.onOtherSale.get(productId, serial, exclude.saleId ?? -1)) return 'held';
    if (this.onOtherPick.get(productId, serial, exclude.requestId ?? '')) return 'held';
    if (this.sold.get(productId, serial)) return 'sold';
    return null;
  }

  isKnown(serial: string): boolean {
    return this.known.get(serial, serial, serial) !== undefined;
  }
}

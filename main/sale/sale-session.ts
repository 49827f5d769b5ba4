import type { Db } from '../db/open';
import type { ActionResult, Fulfillment, ReceiptView, SaleLineView, SaleView, Tender } from '../../shared/contract';
import { done, doneWithWarning, fail } from '../../shared/action-result';
import {
  checkQuantity,
  checkSerial,
  decideAddProduct,
  decidePayment,
  decideScan,
  lineAwaitingSerial,
  type ScanDecision,
  type SerialFacts,
} from '../../shared/sale/rules';
import { readScan } from '../../shared/sale/scan-reading';
import { normalizeSerial } from '../../shared/serial';
import { ProductLookup } from '../products/lookup';
import { SerialRegistry } from '../serials/serial-registry';
import { serialFacts, type SerialPolicy } from '../serials/serial-facts';
import { SaleRepository, type LineRow, type SaleRow } from './sale-repository';

/** Runs inside the completion transaction, so that what it writes lands with the sale or not at all. */
export type CompletionHook = (sale: SaleRow, lines: readonly LineRow[]) => void;

const NO_CURRENCY = 'USD';

/**
 * The sale on screen. It is the only writer of sales: every intent is one transaction, and the
 * state it shows is read back from SQLite, so a restart rebuilds exactly what was on screen.
 */
export class SaleSession {
  private readonly sales: SaleRepository;
  private readonly products: ProductLookup;
  private readonly serials: SerialRegistry;
  private readonly completionHooks: CompletionHook[] = [];

  constructor(
    db: Db,
    private readonly serialPolicy: SerialPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.sales = new SaleRepository(db);
    this.products = new ProductLookup(db);
    this.serials = new SerialRegistry(db);
  }

  onCompleted(hook: CompletionHook): void {
    this.completionHooks.push(hook);
  }

  scan(data: string): ActionResult {
    return this.sales.transaction(() => {
      const sale = this.sales.openSale();
      const lines = sale ? this.sales.lines(sale.id) : [];
      return this.apply(lines, decideScan(lines, readScan(data), this.facts(sale)));
    });
  }

  addProduct(productId: string): ActionResult {
    return this.sales.transaction(() => {
      const product = this.products.find(productId);
      if (!product || product.productId !== productId) return fail('NO_SUCH_PRODUCT');
      const sale = this.sales.openSale();
      const lines = sale ? this.sales.lines(sale.id) : [];
      return this.apply(lines, decideAddProduct(lines, product));
    });
  }

  private apply(lines: readonly LineRow[], decision: ScanDecision): ActionResult {
    switch (decision.kind) {
      case 'refuse':
        return fail(decision.code, decision.detail);
      case 'increment': {
        const line = lines.find((l) => l.id === decision.lineId)!;
        this.sales.setQuantity(line.id, line.quantity + 1);
        return done(`${line.title}: quantity ${line.quantity + 1}.`);
      }
      case 'assign-serial': {
        const line = lines.find((l) => l.id === decision.lineId)!;
        this.sales.setSerial(line.id, decision.serial);
        return done(`Serial ${decision.serial} recorded for ${line.title}.`);
      }
      case 'add':
        return this.addLine(decision);
    }
  }

  typeSerial(text: string): ActionResult {
    return this.sales.transaction(() => {
      const sale = this.sales.openSale();
      const lines = sale ? this.sales.lines(sale.id) : [];
      const line = lineAwaitingSerial(lines);
      if (!line) return fail('NO_SERIAL_PROMPT');
      const serial = normalizeSerial(text);
      const problem = checkSerial(lines, line, serial, this.facts(sale));
      if (problem) return fail(problem);
      this.sales.setSerial(line.id, serial);
      return done(`Serial ${serial} recorded for ${line.title}.`);
    });
  }

  setFulfillment(lineId: number, mode: Fulfillment): ActionResult {
    return this.withLine(lineId, (line) => {
      this.sales.setFulfillment(line.id, mode);
      if (mode === 'ship') return done(`${line.title} will be shipped to the customer.`);
      return done(line.serialized ? `${line.title} is taken now. Scan its serial number.` : `${line.title} is taken now.`);
    });
  }

  setQuantity(lineId: number, quantity: number): ActionResult {
    return this.withLine(lineId, (line) => {
      const problem = checkQuantity(line, quantity);
      if (problem) return fail(problem);
      this.sales.setQuantity(line.id, quantity);
      return done(`${line.title}: quantity ${quantity}.`);
    });
  }

  removeLine(lineId: number): ActionResult {
    return this.withLine(lineId, (line) => {
      this.sales.deleteLine(line.id);
      return done(`${line.title} removed.`);
    });
  }

  complete(tender: Tender, amount?: number): ActionResult {
    return this.sales.transaction(() => {
      const sale = this.sales.openSale();
      const lines = sale ? this.sales.lines(sale.id) : [];
      const total = totalOf(lines);
      const decision = decidePayment(lines, total, tender, amount);
      if (!decision.ok) return fail(decision.code);
      const { payment } = decision;
      const openSale = sale!;
      const serialLines = lines.filter((l): l is LineRow & { serial: string } => l.serial !== null);
      for (const line of serialLines) {
        // Checked again here: the serial may have been sold or held on another path since it was scanned.
        const elsewhere = this.serials.elsewhere(line.productId, line.serial, { saleId: openSale.id });
        if (elsewhere) return fail(elsewhere === 'sold' ? 'SERIAL_SOLD' : 'SERIAL_HELD', `(${line.title}, ${line.serial})`);
      }
      for (const line of serialLines) this.sales.recordSoldSerial(line.productId, line.serial, openSale.id, line.id);
      this.sales.complete(openSale.id, this.now(), { ...payment, total });
      const completed = this.sales.sale(openSale.id)!;
      for (const hook of this.completionHooks) hook(completed, lines);
      this.sales.setReceiptSaleId(openSale.id);
      return done('Sale complete.');
    });
  }

  /** Clears the last receipt from the screen; the next scan starts a new sale in any case. */
  newSale(): ActionResult {
    return this.sales.transaction(() => {
      const sale = this.sales.openSale();
      if (sale && this.sales.lines(sale.id).length > 0) return fail('SALE_IN_PROGRESS');
      this.sales.setReceiptSaleId(null);
      return done('New sale.');
    });
  }

  park(): ActionResult {
    return this.sales.transaction(() => {
      const sale = this.sales.openSale();
      if (!sale || this.sales.lines(sale.id).length === 0) return fail('EMPTY_SALE');
      this.sales.park(sale.id, this.now());
      this.sales.setReceiptSaleId(null);
      return done(`Sale ${sale.id} parked.`);
    });
  }

  /** Resumes a parked sale; a sale in progress is parked in its place, so nothing is lost. */
  resume(saleId: number): ActionResult {
    return this.sales.transaction(() => {
      const target = this.sales.sale(saleId);
      if (!target || target.status !== 'parked') return fail('NO_SUCH_PARKED_SALE');
      const current = this.sales.openSale();
      if (current) {
        if (this.sales.lines(current.id).length > 0) this.sales.park(current.id, this.now());
        else this.sales.void(current.id, this.now());
      }
      this.sales.reopen(saleId);
      this.sales.setReceiptSaleId(null);
      return done(`Sale ${saleId} resumed.`);
    });
  }


  voidSale(): ActionResult {
    return this.sales.transaction(() => {
      const sale = this.sales.openSale();
      if (!sale || this.sales.lines(sale.id).length === 0) return fail('EMPTY_SALE');
      this.sales.void(sale.id, this.now());
      return done(`Sale ${sale.id} voided.`);
    });
  }

  lastCompletedSale(): SaleRow | null {
    return this.sales.lastCompletedSale();
  }

  view(): SaleView {
    const sale = this.sales.openSale();
    const lines = sale ? this.sales.lines(sale.id) : [];
    const awaiting = lineAwaitingSerial(lines);
    return {
      saleId: sale?.id ?? 0,
      currency: sale?.currency ?? this.products.priceBook()?.currency ?? NO_CURRENCY,
      lines: lines.map(toLineView),
      awaitingSerialLineId: awaiting?.id ?? null,
      total: totalOf(lines),
      parked: this.sales.parkedSales().map((s) => {
        const parkedLines = this.sales.lines(s.id);
        return {
          saleId: s.id,
          parkedAt: s.parkedAt ?? s.openedAt,
          itemCount: parkedLines.reduce((n, l) => n + l.quantity, 0),
          total: totalOf(parkedLines),
        };
      }),
      lastReceipt: this.receipt(),
    };
  }

  searchProducts(query: string, limit = 20) {
    return this.products.searchProducts(query, limit);
  }

  popularProducts(limit: number) {
    return this.products.popularProducts(limit);
  }

  private receipt(): ReceiptView | null {
    const receiptSaleId = this.sales.receiptSaleId();
    if (receiptSaleId === null) return null;
    const sale = this.sales.sale(receiptSaleId);
    if (!sale || sale.status !== 'completed') return null;
    return {
      saleId: sale.id,
      completedAt: sale.closedAt!,
      currency: sale.currency,
      lines: this.sales.lines(sale.id).map(toLineView),
      total: sale.total!,
      tender: sale.tender!,
      tendered: sale.tendered!,
      change: sale.change!,
    };
  }

  private addLine({ product, serial, serialProblem }: Extract<ScanDecision, { kind: 'add' }>): ActionResult {
    const priced = this.products.priced(product);
    if (priced.price === null) return fail('NO_PRICE', `(${product.productId})`);
    let sale = this.sales.openSale();
    if (!sale) {
      this.sales.createOpenSale(priced.currency ?? NO_CURRENCY, this.now());
      sale = this.sales.openSale()!;
    } else if (priced.currency !== null && priced.currency !== sale.currency) {
      // The price book changed currency under an open sale (an import): one sale has one currency.
      return fail('CURRENCY_MISMATCH', `(${product.productId}: ${priced.currency}, the sale: ${sale.currency})`);
    }
    this.sales.setReceiptSaleId(null);
    const lineId = this.sales.addLine({
      saleId: sale.id,
      productId: product.productId,
      title: product.title,
      serialized: product.serialized,
      unitPrice: priced.price,
    });
    if (!product.serialized) return done(`Added ${product.title}.`);
    if (serial === null) return done(`Added ${product.title}. Scan its serial number.`);
    // The item stays on the sale and waits for a good serial: the cashier keeps what was scanned.
    if (serialProblem) return doneWithWarning(`Added ${product.title}.`, serialProblem, `(${serial}) Scan or type its serial number.`);
    this.sales.setSerial(lineId, serial);
    return done(`Added ${product.title} with serial ${serial}.`);
  }

  private withLine(lineId: number, action: (line: LineRow) => ActionResult): ActionResult {
    return this.sales.transaction(() => {
      const sale = this.sales.openSale();
      const line = sale ? this.sales.lines(sale.id).find((l) => l.id === lineId) : undefined;
      return line ? action(line) : fail('NO_SUCH_LINE');
    });
  }

  private facts(sale: SaleRow | null): SerialFacts {
    return serialFacts(this.products, this.serials, this.serialPolicy, { saleId: sale?.id ?? -1 });
  }

  private now(): string {
    return this.clock().toISOString();
  }
}

function totalOf(lines: readonly LineRow[]): number {
  return lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
}

function toLineView(line: LineRow): SaleLineView {
  return {
    id: line.id,
    productId: line.productId,
    title: line.title,
    serialized: line.serialized,
    fulfillment: line.fulfillment,
    quantity: line.quantity,
    serial: line.serial,
    unitPrice: line.unitPrice,
    lineTotal: line.unitPrice * line.quantity,
  };
}

import type { ReceiptView } from '../../../shared/contract';
import { formatMoney } from '../money';

export interface ReceiptProps {
  receipt: ReceiptView;
  onNewSale(): void;
}

const stamp = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The completed sale as the customer takes it away: every serial sold, the tender and the change. */
export function Receipt({ receipt, onNewSale }: ReceiptProps) {
  const money = (minor: number) => formatMoney(minor, receipt.currency);
  const completedAt = new Date(receipt.completedAt);
  return (
    <section className="receipt" data-testid="receipt" aria-label={`Receipt of sale ${receipt.saleId}`}>
      <header className="receipt-head">
        <h2 className="receipt-title">Sale {receipt.saleId} complete</h2>
        <span className="receipt-time">{Number.isNaN(completedAt.getTime()) ? receipt.completedAt : stamp.format(completedAt)}</span>
      </header>
      {receipt.tender === 'cash' && (
        <div className="receipt-change" data-testid="receipt-change">
          <span>Change due</span>
          <strong>{money(receipt.change)}</strong>
        </div>
      )}
      <ul className="receipt-lines">
        {receipt.lines.map((line) => (
          <li key={line.id} className="receipt-line" data-testid="receipt-line" data-product-id={line.productId}>
            <div className="receipt-line-main">
              <span className="receipt-line-title">
                {line.quantity > 1 && <span className="receipt-qty">{line.quantity} × </span>}
                {line.title}
              </span>
              <span className="receipt-line-total">{money(line.lineTotal)}</span>
            </div>
            <div className="receipt-line-meta">
              <span>{line.productId}</span>
              {line.serial && <span data-testid="receipt-serial">S/N {line.serial}</span>}
              {line.fulfillment === 'ship' && <span>Shipped to the customer</span>}
            </div>
          </li>
        ))}
      </ul>
      <dl className="receipt-totals">
        <div>
          <dt>Total</dt>
          <dd data-testid="receipt-total">{money(receipt.total)}</dd>
        </div>
        <div>
          <dt>{receipt.tender === 'cash' ? 'Cash' : 'Card (store terminal)'}</dt>
          <dd data-testid="receipt-tendered">{money(receipt.tendered)}</dd>
        </div>
      </dl>
      <div className="receipt-actions">
        <button type="button" className="button button-primary button-large" data-testid="new-sale" onClick={onNewSale}>
          New sale
        </button>
        <p className="hint">Or scan the next item: a new sale starts by itself.</p>
      </div>
    </section>
  );
}

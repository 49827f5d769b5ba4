import type { PackingSlipView } from '../../../shared/picking-contract';
import { formatTime, REJECT_LABEL } from './labels';

export interface PackingSlipProps {
  slip: PackingSlipView;
  status: string;
  onShip(): void;
}

/** What goes in the box, serials included. Printing shows the slip alone (see picking.css). */
export function PackingSlip({ slip, status, onShip }: PackingSlipProps) {
  return (
    <article className="packing-slip" data-testid="packing-slip" aria-label={`Packing slip ${slip.requestId}`}>
      <header className="packing-slip-head">
        <h2>Packing slip</h2>
        <dl className="packing-slip-facts">
          <dt>Request</dt>
          <dd data-testid="slip-request">{slip.requestId}</dd>
          {slip.saleId !== null && (
            <>
              <dt>Sale</dt>
              <dd>{slip.saleId}</dd>
            </>
          )}
          {slip.customerName && (
            <>
              <dt>Customer</dt>
              <dd>{slip.customerName}</dd>
            </>
          )}
          {slip.shippingMethod && (
            <>
              <dt>Shipping</dt>
              <dd>{slip.shippingMethod}</dd>
            </>
          )}
          <dt>Picked</dt>
          <dd>{formatTime(slip.pickedAt)}</dd>
          {slip.shippedAt && (
            <>
              <dt>Shipped</dt>
              <dd data-testid="slip-shipped">{formatTime(slip.shippedAt)}</dd>
            </>
          )}
        </dl>
      </header>
      <table className="packing-slip-lines">
        <thead>
          <tr>
            <th>Product</th>
            <th>Ordered</th>
            <th>Packed</th>
            <th>Serial numbers</th>
          </tr>
        </thead>
        <tbody>
          {slip.lines.map((line, index) => (
            <tr key={index} data-testid="slip-line" data-product-id={line.productId}>
              <td>
                {line.title}
                <div className="pick-line-id">{line.productId}</div>
                {line.rejected > 0 && (
                  <div className="pick-line-rejected">
                    {line.rejected} not packed: {line.rejectReason ? REJECT_LABEL[line.rejectReason] : ''}
                  </div>
                )}
              </td>
              <td>{line.ordered}</td>
              <td>{line.packed}</td>
              <td>
                {line.serials.map((serial) => (
                  <div key={serial} className="slip-serial" data-testid="slip-serial">
                    {serial}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <footer className="packing-slip-actions">
        <button type="button" className="button button-secondary" data-testid="print-slip" onClick={() => window.print()}>
          Print packing slip
        </button>
        {status === 'picked' && (
          <button type="button" className="button button-primary" data-testid="ship-request" onClick={onShip}>
            Mark shipped
          </button>
        )}
      </footer>
    </article>
  );
}

import type { SaleView } from '../../../shared/contract';
import { formatMoney } from '../money';
import { Dialog } from './Dialog';

export interface ParkedSalesDialogProps {
  open: boolean;
  parked: SaleView['parked'];
  currency: string;
  onResume(saleId: number): void;
  onClose(): void;
}

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

export function ParkedSalesDialog({ open, parked, currency, onResume, onClose }: ParkedSalesDialogProps) {
  return (
    <Dialog open={open} title="Parked sales" testId="parked-dialog" onClose={onClose}>
      {parked.length === 0 ? (
        <p className="empty-hint">No sale is parked.</p>
      ) : (
        <ul className="parked-list" data-testid="parked-list">
          {parked.map((sale, index) => (
            <li key={sale.saleId}>
              <button type="button" className="parked-sale" data-testid="parked-sale" data-sale-id={sale.saleId} autoFocus={index === 0} onClick={() => onResume(sale.saleId)}>
                <span className="parked-number">Sale {sale.saleId}</span>
                <span className="parked-when">parked {describeWhen(sale.parkedAt)}</span>
                <span className="parked-items">{sale.itemCount === 1 ? '1 item' : `${sale.itemCount} items`}</span>
                <span className="parked-total">{formatMoney(sale.total, currency)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">Resuming parks the sale in progress, so nothing is lost.</p>
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" data-testid="parked-close" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function describeWhen(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const today = new Date().toDateString() === at.toDateString();
  return today ? `at ${time.format(at)}` : `${day.format(at)}, ${time.format(at)}`;
}

import type { ReactNode } from 'react';
import type { Fulfillment, SaleLineView } from '../../../shared/contract';
import { formatMoney } from '../money';

export interface CartLineProps {
  line: SaleLineView;
  position: number;
  currency: string;
  awaitingSerial: boolean;
  onFulfillment(mode: Fulfillment): void;
  onQuantity(quantity: number): void;
  onRemove(): void;
  /** The serial prompt, shown inside the line that waits for it. */
  children?: ReactNode;
}

export function CartLine({ line, position, currency, awaitingSerial, onFulfillment, onQuantity, onRemove, children }: CartLineProps) {
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <li
      className={`cart-line${awaitingSerial ? ' cart-line-awaiting' : ''}`}
      data-testid="cart-line"
      data-line-id={line.id}
      data-product-id={line.productId}
      aria-current={awaitingSerial ? 'step' : undefined}
    >
      <span className="line-position" aria-hidden="true">
        {position}
      </span>
      <div className="line-main">
        <div className="line-title" data-testid="line-title">
          {line.title}
        </div>
        <div className="line-meta">
          <span className="line-product-id" data-testid="line-product-id">
            {line.productId}
          </span>
          <SerialStatus line={line} />
        </div>
      </div>
      <div className="line-quantity">
        {line.serialized ? (
          <span className="quantity-fixed" data-testid="line-quantity" title="One serialized unit per line">
            {line.quantity}
          </span>
        ) : (
          <div className="stepper" role="group" aria-label={`Quantity of ${line.title}`}>
            <button type="button" className="stepper-button" data-testid="quantity-decrease" aria-label="One fewer" disabled={line.quantity <= 1} onClick={() => onQuantity(line.quantity - 1)}>
              −
            </button>
            <span className="stepper-value" data-testid="line-quantity">
              {line.quantity}
            </span>
            <button type="button" className="stepper-button" data-testid="quantity-increase" aria-label="One more" onClick={() => onQuantity(line.quantity + 1)}>
              +
            </button>
          </div>
        )}
      </div>
      <div className="line-amounts">
        <div className="line-total" data-testid="line-total">
          {money(line.lineTotal)}
        </div>
        <div className="line-unit" data-testid="line-unit-price">
          {line.quantity > 1 ? `${line.quantity} × ${money(line.unitPrice)}` : `${money(line.unitPrice)} each`}
        </div>
      </div>
      <div className="line-controls">
        <div className="segmented" role="group" aria-label={`How ${line.title} goes to the customer`}>
          <button type="button" data-testid="fulfillment-take" aria-pressed={line.fulfillment === 'take'} onClick={() => line.fulfillment !== 'take' && onFulfillment('take')}>
            Take now
          </button>
          <button type="button" data-testid="fulfillment-ship" aria-pressed={line.fulfillment === 'ship'} onClick={() => line.fulfillment !== 'ship' && onFulfillment('ship')}>
            Ship
          </button>
        </div>
        <button type="button" className="button-quiet line-remove" data-testid="remove-line" aria-label={`Remove ${line.title}`} onClick={onRemove}>
          Remove
        </button>
      </div>
      {children}
    </li>
  );
}

function SerialStatus({ line }: { line: SaleLineView }) {
  if (!line.serialized) return null;
  if (line.serial !== null) {
    return (
      <span className="serial-value" data-testid="line-serial">
        <span className="serial-label">S/N</span> {line.serial}
      </span>
    );
  }
  if (line.fulfillment === 'ship') {
    return (
      <span className="badge badge-neutral" data-testid="serial-at-picking">
        Serial recorded at picking
      </span>
    );
  }
  return (
    <span className="badge badge-warning" data-testid="serial-needed">
      Serial needed
    </span>
  );
}

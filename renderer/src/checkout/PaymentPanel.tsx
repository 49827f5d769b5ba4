import { useState, type RefObject } from 'react';
import { formatMoney, formatRoundMoney, likelyCashAmounts, minorToInput, parseMoney } from '../money';

export interface PaymentPanelProps {
  total: number;
  currency: string;
  itemCount: number;
  cashRef: RefObject<HTMLInputElement | null>;
  /** Resolves to whether the sale completed. */
  onPayCash(amount: number): Promise<boolean>;
  onPayCard(): Promise<boolean>;
}

/**
 * Total and tender. Cash takes the amount given (empty means exactly the total) and shows the
 * change due as it is typed; card means the customer paid on the store's own terminal.
 */
export function PaymentPanel({ total, currency, itemCount, cashRef, onPayCash, onPayCard }: PaymentPanelProps) {
  const [cashText, setCashText] = useState('');
  const money = (minor: number) => formatMoney(minor, currency);
  const empty = itemCount === 0;
  const parsed = cashText.trim() === '' ? ({ ok: true, minor: total } as const) : parseMoney(cashText, currency);
  const short = parsed.ok && parsed.minor < total;

  const payCash = async () => {
    // The reason is already on screen beside the field.
    if (!parsed.ok || short) {
      cashRef.current?.focus();
      return;
    }
    if (await onPayCash(parsed.minor)) setCashText('');
  };

  return (
    <section className="panel payment" aria-label="Payment">
      <div className="total-block">
        <span className="total-label">Total</span>
        <strong className="total-amount" data-testid="sale-total">
          {money(total)}
        </strong>
        <span className="total-count" data-testid="item-count">
          {itemCount === 1 ? '1 item' : `${itemCount} items`}
        </span>
      </div>

      <div className="cash">
        <label className="field-label" htmlFor="cash-amount">
          Cash received <kbd>F4</kbd>
        </label>
        <input
          id="cash-amount"
          ref={cashRef}
          className="field-input field-input-money"
          data-testid="cash-amount"
          inputMode="decimal"
          autoComplete="off"
          placeholder={empty ? '' : `${minorToInput(total, currency)} (exact)`}
          disabled={empty}
          value={cashText}
          onChange={(event) => setCashText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void payCash();
            }
          }}
        />
        <div className="cash-quick" role="group" aria-label="Amounts often given" hidden={empty}>
          <button type="button" className="button button-chip" data-testid="cash-quick" disabled={empty} onClick={() => setCashText(minorToInput(total, currency))}>
            Exact
          </button>
          {likelyCashAmounts(total, currency).map((amount) => (
            <button key={amount} type="button" className="button button-chip" data-testid="cash-quick" disabled={empty} onClick={() => setCashText(minorToInput(amount, currency))}>
              {formatRoundMoney(amount, currency)}
            </button>
          ))}
        </div>
        <div className={`change${!parsed.ok || short ? ' change-problem' : ''}`} data-testid="change-due" aria-live="polite">
          {empty ? '\u00a0' : !parsed.ok ? parsed.reason : short ? `Short by ${money(total - parsed.minor)}` : `Change due ${money(parsed.minor - total)}`}
        </div>
      </div>

      <div className="tenders">
        <button type="button" className="button button-primary button-tender" data-testid="pay-cash" disabled={empty || !parsed.ok || short} onClick={() => void payCash()}>
          <span className="tender-name">Pay cash</span>
          <span className="tender-note">Enter in the cash field</span>
        </button>
        <button type="button" className="button button-secondary button-tender" data-testid="pay-card" disabled={empty} onClick={() => void onPayCard()}>
          <span className="tender-name">
            Card <kbd>F7</kbd>
          </span>
          <span className="tender-note">paid on the store’s terminal</span>
        </button>
      </div>
    </section>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionResult, AppState, RequestInput, RequestName } from '../../../shared/contract';
import type { Send, TransportError } from '../app/use-actions';
import { useNotice } from '../app/use-notice';
import { CartLine } from './CartLine';
import { FeedbackBanner } from './FeedbackBanner';
import { ParkedSalesDialog } from './ParkedSalesDialog';
import { PaymentPanel } from './PaymentPanel';
import { ProductFinder } from './ProductFinder';
import { Receipt } from './Receipt';
import { loadRecentProducts, saveRecentProducts, withRecent, type RecentProduct } from './recent-products';
import { ScanField } from './ScanField';
import { SerialPrompt } from './SerialPrompt';
import { SHORTCUTS, shortcutFor, type ShortcutAction } from './shortcuts';
import { VoidDialog } from './VoidDialog';

export interface CheckoutScreenProps {
  state: AppState;
  send: Send;
  transportError: TransportError | null;
  /** False while another screen is shown: this one then neither takes focus nor keys. */
  active: boolean;
}

type Intent = Exclude<RequestName, 'getState' | 'keys' | 'searchProducts'>;
type OpenDialog = 'none' | 'void' | 'parked';

export function CheckoutScreen({ state, send, transportError, active }: CheckoutScreenProps) {
  const { sale } = state;
  const heard = useNotice(state.feedback, transportError);
  // Every notice is sounded here, but shown only while this screen is in front: the picking
  // workspace shows its own.
  const notice = active ? heard : null;
  const [dialog, setDialog] = useState<OpenDialog>('none');
  const [recent, setRecent] = useState<RecentProduct[]>(() => loadRecentProducts());
  const [focusRequest, setFocusRequest] = useState(0);
  const barcodeRef = useRef<HTMLInputElement>(null);
  const serialRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const cashRef = useRef<HTMLInputElement>(null);

  const awaitingLine = sale.lines.find((line) => line.id === sale.awaitingSerialLineId) ?? null;
  const receipt = sale.lines.length === 0 ? sale.lastReceipt : null;
  const itemCount = sale.lines.reduce((count, line) => count + line.quantity, 0);

  // After every action, and whenever a line starts or stops waiting for its serial, the cursor goes
  // where the next scan or keystroke belongs: the serial field of that line, else the barcode field.
  useEffect(() => {
    if (!active || dialog !== 'none') return;
    (awaitingLine ? serialRef : barcodeRef).current?.focus();
  }, [focusRequest, awaitingLine?.id, active, dialog]);

  const act = useCallback(
    async <N extends Intent>(name: N, input: RequestInput<N>): Promise<ActionResult | null> => {
      const result = (await send(name, input)) as ActionResult | null;
      setFocusRequest((n) => n + 1);
      return result;
    },
    [send],
  );

  const lineKey = sale.lines.map((line) => line.productId).join('\n');
  useEffect(() => {
    if (sale.lines.length === 0) return;
    setRecent((current) => {
      const next = withRecent(current, sale.lines);
      saveRecentProducts(next);
      return next;
    });
    // The tiles follow which products are on the sale, not every change of a line.
  }, [lineKey]);

  const runShortcut = (action: ShortcutAction) => {
    switch (action) {
      case 'focusBarcode':
        barcodeRef.current?.focus();
        break;
      case 'focusSearch':
        searchRef.current?.focus();
        break;
      case 'focusCash':
        cashRef.current?.focus();
        break;
      case 'payCard':
        if (sale.lines.length > 0) void act('complete', { tender: 'card' });
        break;
      case 'park':
        void act('park', {});
        break;
      case 'parked':
        setDialog('parked');
        break;
      case 'void':
        if (sale.lines.length > 0) setDialog('void');
        else void act('voidSale', {});
        break;
    }
  };

  useEffect(() => {
    if (!active || dialog !== 'none') return;
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      runShortcut(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const closeDialog = () => {
    setDialog('none');
    setFocusRequest((n) => n + 1);
  };

  return (
    <div
      className="checkout"
      data-testid="checkout"
      onPointerUp={(event) => {
        // A tap on empty space must not leave the next scan with nowhere to go.
        if (!(event.target as HTMLElement).closest('input, textarea, button, select, a, dialog')) setFocusRequest((n) => n + 1);
      }}
    >
      <main className="sale-area" aria-label={`Sale ${sale.saleId}`}>
        <div className="scan-bar">
          <ScanField
            idPrefix="barcode"
            label={
              <>
                Barcode <kbd>F2</kbd>
              </>
            }
            submitLabel="Add"
            inputRef={barcodeRef}
            onSubmit={async (data) => (await act('scan', { data }))?.ok === true}
            onEmpty={() => {
              if (receipt) void act('newSale', {});
            }}
          />
        </div>

        {/* The receipt itself says the sale completed; only a refusal needs the banner then. */}
        {!awaitingLine && !(receipt && notice?.ok) && <FeedbackBanner notice={notice} />}

        {receipt ? (
          <Receipt receipt={receipt} onNewSale={() => void act('newSale', {})} />
        ) : (
          <section className="cart" aria-label="Cart">
            <header className="cart-head">
              <h1 className="cart-title">Sale {sale.saleId > 0 ? sale.saleId : ''}</h1>
              <span className="cart-count">{itemCount === 1 ? '1 item' : `${itemCount} items`}</span>
            </header>
            {sale.lines.length === 0 ? (
              <div className="cart-empty" data-testid="cart-empty">
                <p className="cart-empty-title">Ready for the first item</p>
                <p className="hint">Scan a product barcode, search for a product or tap one of the tiles.</p>
              </div>
            ) : (
              <ol className="cart-lines" data-testid="cart-lines">
                {sale.lines.map((line, index) => (
                  <CartLine
                    key={line.id}
                    line={line}
                    position={index + 1}
                    currency={sale.currency}
                    awaitingSerial={line.id === awaitingLine?.id}
                    onFulfillment={(mode) => void act('setFulfillment', { lineId: line.id, mode })}
                    onQuantity={(quantity) => void act('setQuantity', { lineId: line.id, quantity })}
                    onRemove={() => void act('removeLine', { lineId: line.id })}
                  >
                    {line.id === awaitingLine?.id && (
                      <SerialPrompt
                        title={line.title}
                        notice={notice}
                        inputRef={serialRef}
                        onSubmit={async (text) => (await act('typeSerial', { text }))?.ok === true}
                        hint="Shipping it instead? Choose “Ship”: the serial is recorded when the order is picked."
                      />
                    )}
                  </CartLine>
                ))}
              </ol>
            )}
          </section>
        )}

        <div className="sale-actions" role="group" aria-label="Sale">
          <button type="button" className="button button-secondary" data-testid="park" disabled={sale.lines.length === 0} onClick={() => void act('park', {})}>
            Park <kbd>F8</kbd>
          </button>
          <button type="button" className="button button-secondary" data-testid="resume" disabled={sale.parked.length === 0} onClick={() => setDialog('parked')}>
            Parked sales{sale.parked.length > 0 && <span className="count-pill" data-testid="parked-count">{sale.parked.length}</span>} <kbd>F9</kbd>
          </button>
          <button type="button" className="button button-danger-quiet" data-testid="void" disabled={sale.lines.length === 0} onClick={() => setDialog('void')}>
            Void sale <kbd>F10</kbd>
          </button>
        </div>
      </main>

      <aside className="side-area">
        {!receipt && (
          <PaymentPanel
            total={sale.total}
            currency={sale.currency}
            itemCount={itemCount}
            cashRef={cashRef}
            onPayCash={async (amount) => (await act('complete', { tender: 'cash', amount }))?.ok === true}
            onPayCard={async () => (await act('complete', { tender: 'card' }))?.ok === true}
          />
        )}
        <ProductFinder send={send} searchRef={searchRef} recent={recent} salesKey={sale.lastReceipt?.saleId ?? 0} onAdd={(productId) => void act('addProduct', { productId })} />
      </aside>

      <footer className="shortcut-bar" aria-label="Keyboard shortcuts">
        {SHORTCUTS.map((shortcut) => (
          <span key={shortcut.key} className="shortcut">
            <kbd>{shortcut.key}</kbd> {shortcut.label}
          </span>
        ))}
      </footer>

      <VoidDialog
        open={dialog === 'void'}
        saleId={sale.saleId}
        lineCount={sale.lines.length}
        onClose={closeDialog}
        onConfirm={() => {
          setDialog('none');
          void act('voidSale', {});
        }}
      />
      <ParkedSalesDialog
        open={dialog === 'parked'}
        parked={sale.parked}
        currency={sale.currency}
        onClose={closeDialog}
        onResume={(saleId) => {
          setDialog('none');
          void act('resume', { saleId });
        }}
      />
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { ActionResult } from '../../../shared/contract';
import type { OpenPickView, PickLineView } from '../../../shared/picking-contract';
import type { Notice } from '../app/use-notice';
import { FeedbackBanner } from '../checkout/FeedbackBanner';
import { ScanField } from '../checkout/ScanField';
import { SerialPrompt } from '../checkout/SerialPrompt';
import { PackingSlip } from './PackingSlip';
import type { Act } from './PickingWorkspace';
import { REJECT_LABEL, STATUS_LABEL } from './labels';

export interface PickScreenProps {
  open: OpenPickView;
  notice: Notice | null;
  act: Act;
  active: boolean;
  onBack(): void;
}

/**
 * One request's pick list. A scan picks a unit; a serialized unit then waits for its serial, which
 * is scanned or typed. Whether a scan or serial is accepted is main's call; this screen shows it.
 */
export function PickScreen({ open, notice, act, active, onBack }: PickScreenProps) {
  const [focusRequest, setFocusRequest] = useState(0);
  const barcodeRef = useRef<HTMLInputElement>(null);
  const serialRef = useRef<HTMLInputElement>(null);
  const picking = open.status === 'picking';
  const awaiting = open.lines.find((line) => line.id === open.awaitingSerialLineId) ?? null;

  // The cursor goes where the next scan belongs: the serial field while a unit waits for one.
  useEffect(() => {
    if (!active || !picking) return;
    (awaiting ? serialRef : barcodeRef).current?.focus();
  }, [focusRequest, awaiting?.id, open.requestId, picking, active]);

  const submitted = async (result: Promise<ActionResult | null>): Promise<boolean> => {
    const accepted = (await result)?.ok === true;
    setFocusRequest((n) => n + 1);
    return accepted;
  };

  const unitsLeft = open.lines.reduce((n, line) => n + line.left, 0);

  return (
    <section className="pick-screen" data-testid="pick-screen" data-request-id={open.requestId} data-status={open.status} aria-label={`Pick ${open.requestId}`}>
      <header className="pick-head">
        <button type="button" className="button button-secondary" data-testid="back-to-requests" onClick={onBack}>
          ← Requests
        </button>
        <h1 className="pick-title">
          {open.requestId} <span className={`pick-status pick-status-${open.status}`}>{STATUS_LABEL[open.status]}</span>
        </h1>
        <span className="pick-meta">
          {open.customerName ?? (open.saleId !== null ? `Sale ${open.saleId}` : '')}
          {open.shippingMethod ? ` · ${open.shippingMethod}` : ''}
        </span>
        {open.wave && (
          <span className="pick-wave" data-testid="pick-wave">
            Wave: {open.wave.requestIds.indexOf(open.requestId) + 1} of {open.wave.requestIds.length} · {open.wave.picking} still picking
          </span>
        )}
      </header>

      {picking && (
        <div className="scan-bar">
          {awaiting ? (
            <SerialPrompt
              idPrefix="pick-serial"
              title={awaiting.title}
              notice={notice}
              inputRef={serialRef}
              onSubmit={(text) => submitted(act('typeSerial', { text }))}
              extraAction={{ label: 'Put back', testId: 'pick-serial-cancel', run: () => void act('cancelPickSerial', {}) }}
            />
          ) : (
            <ScanField
              idPrefix="pick-scan"
              label="Scan a product on the list"
              submitLabel="Pick"
              inputRef={barcodeRef}
              onSubmit={(data) => submitted(act('scan', { data }))}
            />
          )}
        </div>
      )}

      {/* While a unit waits for its serial, the prompt shows the sentence beside its field. */}
      {!(picking && awaiting) && <FeedbackBanner notice={notice} />}

      <table className="pick-table pick-list" data-testid="pick-list">
        <thead>
          <tr>
            <th>Product</th>
            <th>Ordered</th>
            <th>Picked</th>
            <th>Serials</th>
            {picking && <th aria-label="Actions" />}
          </tr>
        </thead>
        <tbody>
          {open.lines.map((line) => (
            <PickLine key={line.id} line={line} awaiting={line.id === awaiting?.id} picking={picking} act={act} />
          ))}
        </tbody>
      </table>

      {picking && (
        <footer className="pick-foot">
          <span className="hint" data-testid="units-left">
            {unitsLeft === 0 && !awaiting ? 'Everything is picked.' : `${unitsLeft} unit${unitsLeft === 1 ? '' : 's'} still to pick.`}
          </span>
          <button
            type="button"
            className={`button ${open.readyToComplete ? 'button-primary' : 'button-secondary'}`}
            data-testid="complete-pick"
            onClick={() => void act('completePick', {})}
          >
            Complete pick
          </button>
        </footer>
      )}

      {open.slip && <PackingSlip slip={open.slip} status={open.status} onShip={() => void act('shipRequest', { requestId: open.requestId })} />}
    </section>
  );
}

function PickLine({ line, awaiting, picking, act }: { line: PickLineView; awaiting: boolean; picking: boolean; act: Act }) {
  const [quantity, setQuantity] = useState(String(line.quantity - line.rejected));
  const [reason, setReason] = useState<'not_found' | 'damaged'>('not_found');
  return (
    <tr
      className={`pick-line ${line.left === 0 ? 'pick-line-done' : ''} ${awaiting ? 'pick-line-awaiting' : ''}`}
      data-testid="pick-line"
      data-product-id={line.productId}
    >
      <td>
        <div className="pick-line-title">{line.title}</div>
        <div className="pick-line-id">{line.productId}</div>
        {line.rejected > 0 && (
          <div className="pick-line-rejected" data-testid="pick-line-rejected">
            {line.rejected} rejected: {line.rejectReason ? REJECT_LABEL[line.rejectReason] : ''}
          </div>
        )}
      </td>
      <td>{line.quantity}</td>
      <td data-testid="pick-line-picked">{line.picked}</td>
      <td data-testid="pick-line-serials">
        {line.serialized ? line.serials.join(', ') || (awaiting ? 'waiting for serial…' : '—') : 'not serialized'}
      </td>
      {picking && (
        <td>
          <div className="pick-row-actions">
            {!line.serialized && (
              <>
                <input
                  className="field-input pick-quantity"
                  aria-label={`Units of ${line.title} picked`}
                  data-testid="confirm-quantity-input"
                  inputMode="numeric"
                  value={quantity}
                  onChange={(event) => setQuantity(event.target.value.replace(/\D/g, ''))}
                />
                <button
                  type="button"
                  className="button button-secondary"
                  data-testid="confirm-quantity"
                  onClick={() => void act('confirmPickQuantity', { lineId: line.id, quantity: Number(quantity) })}
                >
                  Confirm
                </button>
              </>
            )}
            {line.left > 0 && (
              <>
                <select
                  className="field-input"
                  aria-label={`Why a unit of ${line.title} cannot be picked`}
                  data-testid="reject-reason"
                  value={reason}
                  onChange={(event) => setReason(event.target.value as 'not_found' | 'damaged')}
                >
                  <option value="not_found">{REJECT_LABEL.not_found}</option>
                  <option value="damaged">{REJECT_LABEL.damaged}</option>
                </select>
                <button type="button" className="button button-secondary" data-testid="reject-unit" onClick={() => void act('rejectPickLine', { lineId: line.id, quantity: 1, reason })}>
                  Reject one
                </button>
              </>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}

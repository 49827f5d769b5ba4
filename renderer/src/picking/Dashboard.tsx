import { useState } from 'react';
import type { PickingView, RequestSummaryView } from '../../../shared/picking-contract';
import { MAX_WAVE_SIZE } from '../../../shared/pick/rules';
import type { Act } from './PickingWorkspace';
import { formatTime, STATUS_LABEL } from './labels';

export interface DashboardProps {
  picking: PickingView;
  act: Act;
}

const DEFAULT_WAVE = 10;

/**
 * Counters, the requests oldest first, and the ways to start picking: one request or a wave. What
 * is opened goes on main's desk, and the workspace shows the pick screen for it.
 */
export function Dashboard({ picking, act }: DashboardProps) {
  const [waveSize, setWaveSize] = useState(String(DEFAULT_WAVE));
  const { counts } = picking;

  const startWave = () => {
    const size = Number(waveSize);
    if (!Number.isInteger(size) || size < 1 || size > MAX_WAVE_SIZE) return;
    void act('startWave', { size });
  };

  return (
    <section className="pick-dashboard" aria-label="Fulfillment requests">
      <dl className="pick-counts" data-testid="pick-counts">
        <Count label="Not started" value={counts.notStarted} testId="count-not-started" />
        <Count label="In progress" value={counts.inProgress} testId="count-in-progress" />
        <Count label="Picked" value={counts.picked} testId="count-picked" />
        <Count label="Shipped" value={counts.shipped} testId="count-shipped" />
      </dl>

      <div className="pick-actions">
        <label className="field-label" htmlFor="wave-size">
          Wave size
        </label>
        <input
          id="wave-size"
          className="field-input pick-wave-size"
          data-testid="wave-size"
          inputMode="numeric"
          value={waveSize}
          onChange={(event) => setWaveSize(event.target.value.replace(/\D/g, ''))}
        />
        <button
          type="button"
          className="button button-primary"
          data-testid="start-wave"
          disabled={counts.notStarted === 0}
          onClick={startWave}
        >
          Start wave, oldest first
        </button>
      </div>

      {picking.requests.length === 0 ? (
        <p className="hint" data-testid="no-requests">
          No fulfillment requests. Ship lines of sales at this till and imported requests appear here.
        </p>
      ) : (
        <table className="pick-table" data-testid="request-list">
          <thead>
            <tr>
              <th>Request</th>
              <th>Customer</th>
              <th>Shipping</th>
              <th>Created</th>
              <th>Units</th>
              <th>Status</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {picking.requests.map((request) => (
              <RequestRow key={request.requestId} request={request} act={act} onPick={() => void act('openPick', { requestId: request.requestId })} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="pick-count">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

function RequestRow({ request, act, onPick }: { request: RequestSummaryView; act: Act; onPick(): void }) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const notStarted = request.status === 'new' || request.status === 'accepted';
  return (
    <tr data-testid="request-row" data-request-id={request.requestId} data-status={request.status}>
      <td className="pick-request-id">{request.requestId}</td>
      <td>{request.customerName ?? (request.saleId !== null ? `Sale ${request.saleId}` : '—')}</td>
      <td>{request.shippingMethod ?? '—'}</td>
      <td>{formatTime(request.createdAt)}</td>
      <td>
        {request.picked} / {request.units}
      </td>
      <td>
        <span className={`pick-status pick-status-${request.status}`}>{STATUS_LABEL[request.status]}</span>
      </td>
      <td>
        <div className="pick-row-actions">
          {declining ? (
            <>
              <input
                className="field-input"
                aria-label={`Why ${request.requestId} is declined`}
                placeholder="Reason (optional)"
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
              <button type="button" className="button button-danger" data-testid="request-decline-confirm" onClick={() => void act('declineRequest', { requestId: request.requestId, reason })}>
                Decline
              </button>
              <button type="button" className="button button-secondary" onClick={() => setDeclining(false)}>
                Keep
              </button>
            </>
          ) : (
            <>
              {request.status === 'new' && (
                <button type="button" className="button button-secondary" data-testid="request-accept" onClick={() => void act('acceptRequest', { requestId: request.requestId })}>
                  Accept
                </button>
              )}
              {(notStarted || request.status === 'picking') && (
                <button type="button" className="button button-secondary" data-testid="request-decline" onClick={() => setDeclining(true)}>
                  Decline
                </button>
              )}
              <button type="button" className="button button-primary" data-testid="request-open" onClick={onPick}>
                {notStarted ? 'Pick' : request.status === 'picking' ? 'Continue' : 'Packing slip'}
              </button>
            </>
          )}
        </div>
      </td>
    </tr>
  );
}

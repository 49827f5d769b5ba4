import { useCallback, useEffect, useState } from 'react';
import type { ActionResult, AppState, CounterApi, Feedback, RequestInput, RequestName } from '../../../shared/contract';
import type { ConnectionState } from '../bridge';
import { useSend, type TransportError } from '../app/use-actions';
import type { Notice } from '../app/use-notice';
import { FeedbackBanner } from '../checkout/FeedbackBanner';
import { Dashboard } from './Dashboard';
import { PickScreen } from './PickScreen';
import './picking.css';

export interface PickingWorkspaceProps {
  api: CounterApi;
  state: AppState;
  /** Whether main is reachable; main forgets the screen in front when it restarts, so it is told again on every connection. */
  connection: ConnectionState;
  /** False while another tab is in front; scans then go back to the sale. */
  active?: boolean;
}

export type PickIntent = Exclude<RequestName, 'getState' | 'keys' | 'searchProducts'>;
export type Act = <N extends PickIntent>(name: N, input: RequestInput<N>) => Promise<ActionResult | null>;

/**
 * The back room: the dashboard of fulfillment requests and the pick screen. While it is in front,
 * main sends every scan to the pick, so a picker works with the scanner alone. The pick screen
 * shows the request main has on the desk; going back to the list takes it off the desk, so a scan
 * made there is refused on screen instead of picking for a request that is not shown.
 */
export function PickingWorkspace({ api, state, connection, active = true }: PickingWorkspaceProps) {
  const { send, transportError } = useSend(api);
  const notice = useLatestNotice(state.feedback, transportError);
  const picking = state.picking;

  useEffect(() => {
    if (connection === 'open') void send('setWorkspace', { workspace: active ? 'picking' : 'sale' });
  }, [send, active, connection]);
  useEffect(() => () => void send('setWorkspace', { workspace: 'sale' }), [send]);

  const act = useCallback<Act>(async (name, input) => (await send(name, input)) as ActionResult | null, [send]);

  if (!picking) return <div className="loading">Picking is not available from this till service.</div>;

  return (
    <div className="picking" data-testid="picking-workspace">
      {picking.open ? (
        <PickScreen open={picking.open} notice={notice} act={act} active={active} onBack={() => void act('leavePick', {})} />
      ) : (
        <>
          <FeedbackBanner notice={notice} />
          <Dashboard picking={picking} act={act} />
        </>
      )}
    </div>
  );
}

/**
 * The sentence for the last action, or for the last request that got no answer, whichever came
 * last. It is not sounded here: the checkout screen stays mounted behind this tab and its
 * useNotice already plays every feedback once.
 */
function useLatestNotice(feedback: Feedback | null, transportError: TransportError | null): Notice | null {
  const [latest, setLatest] = useState<'feedback' | 'transport'>('feedback');
  useEffect(() => {
    if (transportError) setLatest('transport');
  }, [transportError]);
  useEffect(() => setLatest('feedback'), [feedback?.seq]);
  if (latest === 'transport' && transportError) {
    return { key: `transport-${transportError.seq}`, ok: false, message: transportError.message, code: null };
  }
  return feedback ? { key: `feedback-${feedback.seq}`, ok: feedback.ok, message: feedback.message, code: feedback.code } : null;
}

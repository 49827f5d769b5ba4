import { useCallback, useEffect, useState } from 'react';
import type { ActionResult, AppState, CounterApi, Feedback, RequestInput, RequestName } from '../../../shared/contract';
import { useSend, type TransportError } from '../app/use-actions';
import type { Notice } from '../app/use-notice';
import { FeedbackBanner } from '../checkout/FeedbackBanner';
import { Dashboard } from './Dashboard';
import { PickScreen } from './PickScreen';
import './picking.css';

export interface PickingWorkspaceProps {
  api: CounterApi;
  state: AppState;
  /** False while another tab is in front; scans then go back to the sale. */
  active?: boolean;
}

export type PickIntent = Exclude<RequestName, 'getState' | 'keys' | 'searchProducts'>;
export type Act = <N extends PickIntent>(name: N, input: RequestInput<N>) => Promise<ActionResult | null>;

/**
 * The back room: the dashboard of fulfillment requests and the pick screen. While it is in front,
 * main sends every scan to the pick, so a picker works with the scanner alone.
 */
export function PickingWorkspace({ api, state, active = true }: PickingWorkspaceProps) {
  const { send, transportError } = useSend(api);
  const notice = useLatestNotice(state.feedback, transportError);
  const [showList, setShowList] = useState(false);
  const picking = state.picking;

  useEffect(() => {
    void send('setWorkspace', { workspace: active ? 'picking' : 'sale' });
    return () => void send('setWorkspace', { workspace: 'sale' });
  }, [send, active]);

  const act = useCallback<Act>(async (name, input) => (await send(name, input)) as ActionResult | null, [send]);

  if (!picking) return <div className="loading">Picking is not available from this till service.</div>;
  const open = showList ? null : picking.open;

  return (
    <div className="picking" data-testid="picking-workspace">
      {open ? (
        <PickScreen open={open} notice={notice} act={act} active={active} onBack={() => setShowList(true)} />
      ) : (
        <>
          <FeedbackBanner notice={notice} />
          <Dashboard
            picking={picking}
            act={act}
            onOpened={() => setShowList(false)}
            resume={picking.open && picking.open.status === 'picking' ? picking.open.requestId : null}
          />
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

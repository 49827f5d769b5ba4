import type { Bridge, ConnectionState } from '../bridge';
import { CheckoutScreen } from '../checkout/CheckoutScreen';
import { PickingWorkspace } from '../picking/PickingWorkspace';
import { AdminSettings } from '../admin/AdminSettings';
import { useRoute } from './routes';
import { useSend } from './use-actions';
import { useCounterState } from './use-counter-state';
import { useKeyForwarding } from './use-key-forwarding';

const CONNECTION_TEXT: Record<ConnectionState, string> = {
  open: 'Connected',
  connecting: 'Connecting…',
  closed: 'Reconnecting…',
};

export function App({ bridge }: { bridge: Bridge }) {
  const { state, connection, loadError } = useCounterState(bridge);
  const { send, transportError } = useSend(bridge.api);
  const [route] = useRoute();
  useKeyForwarding(bridge, connection);

  return (
    <div className="app">
      <header className="app-bar">
        <span className="brand">Counter</span>
        <nav className="app-tabs" aria-label="Screens">
          <a className="app-tab" href="#/checkout" data-testid="tab-checkout" aria-current={route.screen === 'checkout' ? 'page' : undefined}>
            Checkout
          </a>
          <a className="app-tab" href="#/picking" data-testid="tab-picking" aria-current={route.screen === 'picking' ? 'page' : undefined}>
            Picking
          </a>
          <a className="app-tab" href="#/settings/config" data-testid="tab-settings" aria-current={route.screen === 'settings' ? 'page' : undefined}>
            Settings
          </a>
        </nav>
        <span className={`connection connection-${connection}`} data-testid="connection" data-state={connection}>
          <span className="connection-dot" aria-hidden="true" />
          {CONNECTION_TEXT[connection]}
        </span>
      </header>

      {connection !== 'open' && state && (
        <div className="connection-banner" role="alert" data-testid="connection-banner">
          The till service is not reachable. Counter keeps trying; nothing is sent until it is back.
        </div>
      )}

      <div className="app-body">
        {state ? (
          <div className="screen" hidden={route.screen !== 'checkout'}>
            <CheckoutScreen state={state} send={send} transportError={transportError} active={route.screen === 'checkout'} />
          </div>
        ) : (
          <div className="loading" data-testid="loading">
            {loadError ? `Counter cannot load the sale: ${loadError}` : 'Connecting to the till service…'}
          </div>
        )}
        {state && route.screen === 'picking' && (
          <div className="screen">
            <PickingWorkspace api={bridge.api} state={state} connection={connection} active />
          </div>
        )}
        {route.screen === 'settings' && (
          <div className="screen">
            <AdminSettings api={bridge.api} send={send} />
          </div>
        )}
      </div>
    </div>
  );
}

import { useEffect, useState } from 'react';
import type { AppState } from '../../../shared/contract';
import type { Bridge, ConnectionState } from '../bridge';

export interface CounterState {
  state: AppState | null;
  connection: ConnectionState;
  /** Why the state could not be loaded, when it could not. */
  loadError: string | null;
}

/**
 * The state main sends, kept as sent. Main pushes a new state after every action; the state is
 * fetched once at start and again after every reconnection, since pushes made while the socket
 * was down are lost.
 */
export function useCounterState(bridge: Bridge): CounterState {
  const [state, setState] = useState<AppState | null>(null);
  const [connection, setConnection] = useState<ConnectionState>(bridge.connection());
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = () => {
      bridge.api.request('getState', {}).then(
        (next) => {
          if (!live) return;
          setState(next);
          setLoadError(null);
        },
        (error: unknown) => live && setLoadError(error instanceof Error ? error.message : String(error)),
      );
    };
    const offState = bridge.api.on('state', (next) => setState(next));
    const offConnection = bridge.onConnection((next) => {
      setConnection(next);
      if (next === 'open') load();
    });
    // The socket may have opened between the first render and this subscription.
    setConnection(bridge.connection());
    load();
    return () => {
      live = false;
      offState();
      offConnection();
    };
  }, [bridge]);

  return { state, connection, loadError };
}

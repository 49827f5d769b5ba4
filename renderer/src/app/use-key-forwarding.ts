import { useEffect } from 'react';
import type { Bridge, ConnectionState } from '../bridge';
import { insertTyped, startKeyForwarding } from '../wedge/forward-keys';

/**
 * Main's wedge reader keeps scans out of the fields and gives a person's typing back as the
 * `typed` event, in both hosts. In Electron main reads the keys itself (before-input-event); in the
 * browser host the page forwards them, and only while main is reachable: keys held for a reader
 * that cannot answer would be lost, so while the socket is down they go to the page as usual.
 */
export function useKeyForwarding(bridge: Bridge, connection: ConnectionState): void {
  useEffect(() => {
    if (!bridge.keysFromPage) return bridge.api.on('typed', ({ text }) => insertTyped(text));
    if (connection !== 'open') return;
    const forwarding = startKeyForwarding((events, focus, now) => {
      bridge.api.request('keys', { events, focus, now }).catch((error: unknown) => {
        console.error('Counter could not pass keys to the scanner reader:', error);
      });
    });
    const offTyped = bridge.api.on('typed', ({ text }) => forwarding.insertTyped(text));
    return () => {
      offTyped();
      forwarding.stop();
    };
  }, [bridge, connection]);
}

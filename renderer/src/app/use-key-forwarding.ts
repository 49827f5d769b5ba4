import { useEffect } from 'react';
import { DEFAULT_WEDGE_SETTINGS, type WedgeSettings } from '../../../shared/scan/wedge-settings';
import type { Bridge, ConnectionState } from '../bridge';
import { insertTyped, startKeyForwarding, type KeySender } from '../wedge/forward-keys';

/**
 * Main's wedge reader keeps scans out of the fields and gives a person's typing back as the
 * `typed` event, in both hosts. In Electron main reads the keys itself (before-input-event); in the
 * browser host the page forwards them, and only while main is reachable: keys held for a reader
 * that cannot answer would be lost, so while the socket is down they go to the page as usual.
 *
 * The page holds keys by the wedge settings main decodes with: it asks for them when the socket
 * opens and follows `scannerStatus`, and a change restarts forwarding with the new settings.
 */
export function useKeyForwarding(bridge: Bridge, connection: ConnectionState): void {
  useEffect(() => {
    if (!bridge.keysFromPage) return bridge.api.on('typed', ({ text }) => insertTyped(text));
    if (connection !== 'open') return;
    const send: KeySender = (events, focus, now) => {
      bridge.api.request('keys', { events, focus, now }).catch((error: unknown) => {
        console.error('Counter could not pass keys to the scanner reader:', error);
      });
    };
    // Until main answers, the defaults: most tills use them, and a scan right after connecting is still caught.
    let settings: WedgeSettings = DEFAULT_WEDGE_SETTINGS;
    let forwarding = startKeyForwarding(send, { settings });
    let live = true;
    const follow = (next: WedgeSettings) => {
      if (!live || sameSettings(next, settings)) return;
      settings = next;
      forwarding.stop();
      forwarding = startKeyForwarding(send, { settings });
    };
    const offStatus = bridge.api.on('scannerStatus', (status) => follow(status.wedge.settings));
    bridge.api.request('getScannerDiagnostics', {}).then(
      ({ status }) => follow(status.wedge.settings),
      (error: unknown) => console.error('Counter could not read the scanner settings; keys are held by the default ones:', error),
    );
    const offTyped = bridge.api.on('typed', ({ text }) => forwarding.insertTyped(text));
    return () => {
      live = false;
      offStatus();
      offTyped();
      forwarding.stop();
    };
  }, [bridge, connection]);
}

function sameSettings(a: WedgeSettings, b: WedgeSettings): boolean {
  return (Object.keys(DEFAULT_WEDGE_SETTINGS) as (keyof WedgeSettings)[]).every((name) => JSON.stringify(a[name]) === JSON.stringify(b[name]));
}

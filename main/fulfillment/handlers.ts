import type { z } from 'zod';
import type { ActionResult } from '../../shared/contract';
import type { pickingRequests } from '../../shared/picking-contract';
import type { CounterApp } from '../app/counter-app';

type PickingRequests = ReturnType<typeof pickingRequests>;
export type PickingHandlers = { [N in keyof PickingRequests]: (input: z.infer<PickingRequests[N]['input']>) => ActionResult };

/** The handlers of the picking requests; `act` reports each result to the screen, as every other handler does. */
export function createPickingHandlers(app: CounterApp, act: (result: ActionResult) => ActionResult): PickingHandlers {
  const picking = app.picking;
  return {
    setWorkspace: ({ workspace }) => app.setWorkspace(workspace),
    acceptRequest: ({ requestId }) => act(picking.accept(requestId)),
    declineRequest: ({ requestId, reason }) => act(picking.decline(requestId, reason?.trim() || null)),
    openPick: ({ requestId }) => act(picking.open(requestId)),
    leavePick: () => act(picking.leave()),
    startWave: ({ size }) => act(picking.startWave(size)),
    confirmPickQuantity: ({ lineId, quantity }) => act(picking.confirmQuantity(lineId, quantity)),
    rejectPickLine: ({ lineId, quantity, reason, note }) => act(picking.reject(lineId, quantity, reason, note?.trim() || null)),
    cancelPickSerial: () => act(picking.cancelSerial()),
    completePick: () => act(picking.complete()),
    shipRequest: ({ requestId }) => act(picking.ship(requestId)),
  };
}

import type { ActionResult, RequestName, RequestOutput, requests } from '../../shared/contract';
import type { z } from 'zod';
import type { CounterApp } from './counter-app';
import { createPickingHandlers } from '../fulfillment/handlers';
import { createAdminHandlers } from '../config/admin-handlers';
import { createScannerHandlers } from '../devices/scanner-diagnostics';

type Input<N extends RequestName> = z.infer<(typeof requests)[N]['input']>;
export type Handlers = { [N in RequestName]: (input: Input<N>) => RequestOutput<N> | Promise<RequestOutput<N>> };

/** One handler per request of the contract; inputs arrive already validated. */
export function createHandlers(app: CounterApp): Handlers {
  const sale = app.sale;
  const act = (result: ActionResult): ActionResult => {
    app.report(result);
    return result;
  };
  const admin = createAdminHandlers({
    db: app.db,
    config: app.config,
    emit: (name, payload) => app.emit(name, payload),
    onCatalogChanged: () => app.emit('state', app.state()),
    addDisposer: (dispose) => app.addDisposer(dispose),
  });
  return {
    getState: () => app.state(),
    keys: ({ events, focus, now }) => {
      for (const event of events) app.feedKey(event, focus);
      if (now !== undefined) app.advanceKeyClock(now);
      return {};
    },
    scan: ({ data }) => app.acceptScan(data),
    addProduct: ({ productId }) => act(sale.addProduct(productId)),
    typeSerial: ({ text }) => act(app.scanTarget().typeSerial(text)),
    setFulfillment: ({ lineId, mode }) => act(sale.setFulfillment(lineId, mode)),
    setQuantity: ({ lineId, quantity }) => act(sale.setQuantity(lineId, quantity)),
    removeLine: ({ lineId }) => act(sale.removeLine(lineId)),
    complete: ({ tender, amount }) => act(sale.complete(tender, amount)),
    newSale: () => act(sale.newSale()),
    park: () => act(sale.park()),
    resume: ({ saleId }) => act(sale.resume(saleId)),
    voidSale: () => act(sale.voidSale()),
    searchProducts: ({ query, limit }) => sale.searchProducts(query, limit ?? 20),
    popularProducts: ({ limit }) => sale.popularProducts(limit ?? 12),
    ...createPickingHandlers(app, act),
    ...admin,
    ...createScannerHandlers(app.scanners),
  };
}

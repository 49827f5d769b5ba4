import type { ActionResult, RequestName } from '../../shared/contract';
import { importRoutedRequests, describeProblems } from '../fulfillment/import';
import { checkoutSteps } from './checkout-steps';
import type { Outcome, StepContext, StepKinds } from './steps';

/**
 * The picking steps of ../shared/cases/picking. `scan` and `type_serial` are the checkout steps'
 * names too: while a pick is open (its request is being picked) they go to the pick, otherwise to
 * the sale, through the app's own routing of the workspace in front.
 */

async function act(context: StepContext, name: RequestName, input: unknown): Promise<Outcome> {
  const result = (await context.app.handle(name, input)) as ActionResult;
  return result.ok ? { ok: true, error: null } : { ok: false, error: result.error.code };
}

function openPick(context: StepContext) {
  return context.app.picking.view().open;
}

function pickIsOpen(context: StepContext): boolean {
  return openPick(context)?.status === 'picking';
}

/** Puts the screen a person would be using in front: the pick while one is open, else the sale. */
async function inFront(context: StepContext): Promise<void> {
  await context.app.handle('setWorkspace', { workspace: pickIsOpen(context) ? 'picking' : 'sale' });
}

/** Case requests give only id and items; the rest of the import format is filled in, in the listed order. */
function withCaseDefaults(request: unknown, index: number): unknown {
  const defaults = {
    shipping_method: 'standard',
    customer_name: 'Case customer',
    created_at: new Date(Date.UTC(2026, 0, 1, 9, 0, index)).toISOString(),
  };
  return request !== null && typeof request === 'object' ? { ...defaults, ...request } : request;
}

const noOpenPick: Outcome = { ok: false, error: 'NO_OPEN_PICK' };

export const pickingSteps: StepKinds = {
  setup: (context, setup) => {
    if (!setup.fulfillment_requests) return;
    const document = { fulfillment_requests: setup.fulfillment_requests.map(withCaseDefaults) };
    const report = importRoutedRequests(context.app.db, document);
    if (!report.ok) throw new Error(`setup.fulfillment_requests refused: ${describeProblems('setup', report.problems, document).join('; ')}`);
  },
  actions: {
    open_pick: async (c, target) => {
      let requestId: string | null = typeof target === 'string' ? target : null;
      if (target !== null && typeof target === 'object' && (target as { from_sale?: unknown }).from_sale === 'last') {
        const sale = c.app.sale.lastCompletedSale();
        requestId = sale ? (c.app.picking.requestOfSale(sale.id)?.id ?? null) : null;
      }
      if (requestId === null) return { ok: false, error: 'NO_SUCH_REQUEST' };
      const outcome = await act(c, 'openPick', { requestId });
      await inFront(c);
      return outcome;
    },
    scan: async (c, data) => {
      await inFront(c);
      return checkoutSteps.actions.scan!(c, data);
    },
    type_serial: async (c, text) => {
      await inFront(c);
      return checkoutSteps.actions.type_serial!(c, text);
    },
    confirm_quantity: async (c, arg) => {
      const { line, quantity } = arg as { line: unknown; quantity: unknown };
      const lines = openPick(c)?.lines;
      if (!lines) return noOpenPick;
      const id = typeof line === 'number' ? lines[line - 1]?.id : undefined;
      return id === undefined ? { ok: false, error: 'NO_SUCH_LINE' } : act(c, 'confirmPickQuantity', { lineId: id, quantity });
    },
    complete_pick: (c) => act(c, 'completePick', {}),
    ship: async (c) => {
      const open = openPick(c);
      return open ? act(c, 'shipRequest', { requestId: open.requestId }) : noOpenPick;
    },
  },
  expectations: {
    status: (c) => openPick(c)?.status ?? null,
    pick_lines: (c) => (openPick(c)?.lines ?? []).map((l) => ({ product_id: l.productId, picked: l.picked, serials: l.serials })),
    awaiting_serial_for: (c, expected) => {
      if (!pickIsOpen(c)) return checkoutSteps.expectations.awaiting_serial_for!(c, expected);
      const open = openPick(c)!;
      return open.lines.find((l) => l.id === open.awaitingSerialLineId)?.productId ?? null;
    },
  },
};

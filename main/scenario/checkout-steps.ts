import type { ActionResult, RequestName } from '../../shared/contract';
import type { Outcome, StepContext, StepKinds } from './steps';

async function act(context: StepContext, name: RequestName, input: unknown): Promise<Outcome> {
  const result = (await context.app.handle(name, input)) as ActionResult;
  return result.ok ? { ok: true, error: result.warning?.code ?? null } : { ok: false, error: result.error.code };
}

/** A 1-based line number of the case file, as the id the contract takes. */
function lineId(context: StepContext, line: unknown): number | null {
  const lines = context.app.sale.view().lines;
  return typeof line === 'number' ? (lines[line - 1]?.id ?? null) : null;
}

const noSuchLine: Outcome = { ok: false, error: 'NO_SUCH_LINE' };

export const checkoutSteps: StepKinds = {
  actions: {
    scan: (c, data) => act(c, 'scan', { data }),
    add: (c, productId) => act(c, 'addProduct', { productId }),
    type_serial: (c, text) => act(c, 'typeSerial', { text }),
    set_fulfillment: async (c, arg) => {
      const { line, mode } = arg as { line: number; mode: string };
      const id = lineId(c, line);
      return id === null ? noSuchLine : act(c, 'setFulfillment', { lineId: id, mode });
    },
    set_quantity: async (c, arg) => {
      const { line, quantity } = arg as { line: number; quantity: number };
      const id = lineId(c, line);
      return id === null ? noSuchLine : act(c, 'setQuantity', { lineId: id, quantity });
    },
    remove_line: async (c, line) => {
      const id = lineId(c, line);
      return id === null ? noSuchLine : act(c, 'removeLine', { lineId: id });
    },
    complete: async (c, arg) => {
      const outcome = await act(c, 'complete', arg);
      return { ...outcome, completed: outcome.ok };
    },
    new_sale: (c) => act(c, 'newSale', {}),
    park: (c) => act(c, 'park', {}),
    resume: async (c, k) => {
      const parked = c.app.sale.view().parked;
      const target = typeof k === 'number' ? parked[k - 1] : undefined;
      return target ? act(c, 'resume', { saleId: target.saleId }) : { ok: false, error: 'NO_SUCH_PARKED_SALE' };
    },
    void: (c) => act(c, 'voidSale', {}),
    restart: async (c) => {
      await c.reopen();
      return { ok: true, error: null };
    },
  },
  expectations: {
    ok: (c) => c.last?.ok ?? null,
    error: (c) => c.last?.error ?? null,
    completed: (c) => c.last?.completed ?? false,
    awaiting_serial_for: (c) => {
      const view = c.app.sale.view();
      return view.lines.find((l) => l.id === view.awaitingSerialLineId)?.productId ?? null;
    },
    lines: (c) =>
      c.app.sale.view().lines.map((l) => ({ product_id: l.productId, serial: l.serial, fulfillment: l.fulfillment, quantity: l.quantity })),
  },
};

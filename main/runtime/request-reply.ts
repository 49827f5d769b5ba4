// Pure on purpose: the sandboxed preload bundles `unwrapReply`.

/**
 * What the IPC request handler answers. Errors travel as plain messages inside the reply, because
 * an exception thrown across ipcMain.handle reaches the renderer wrapped in Electron's own wording.
 */
export type RequestReply = { ok: true; output: unknown } | { ok: false; error: string };

/**
 * Runs a request and packs its outcome. A refusal (bad input, named by the contract check) is passed
 * on word for word; any other error is a failure inside Counter and says which request it broke.
 */
export async function replyTo(request: string, run: () => unknown, isRefusal: (error: unknown) => boolean): Promise<RequestReply> {
  try {
    return { ok: true, output: await run() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: isRefusal(error) ? message : `Counter could not complete "${request}": ${message}` };
  }
}

/** The renderer's side: the output, or an Error carrying the message main sent. */
export function unwrapReply(request: string, reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    if (reply.ok === true && 'output' in reply) return reply.output;
    if (reply.ok === false && 'error' in reply && typeof reply.error === 'string') throw new Error(reply.error);
  }
  throw new Error(`Counter sent a malformed reply to "${request}"`);
}

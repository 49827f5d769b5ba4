import { requests, type ActionResult, type AppState, type KeyInput, type EventName, type EventPayload, type Feedback, type RequestName } from '../../shared/contract';
import { compileSerialPattern, type SerialMatcher } from '../../shared/serial';
import type { Db } from '../db/open';
import { ProductLookup } from '../products/lookup';
import type { ConfigStore } from '../config/config-store';
import { SaleSession } from '../sale/sale-session';
import type { SerialPolicy } from '../serials/serial-facts';
import { createHandlers, type Handlers } from './handlers';
import type { Workspace } from '../../shared/picking-contract';
import { PickSession } from '../fulfillment/pick-session';
import { ScannerDiagnostics } from '../devices/scanner-diagnostics';
import type { SerialTestResult } from '../../shared/admin-contract';

/** Turns key events into scans and released typing; in Electron fed by before-input-event. */
export interface KeyReader {
  feed(event: KeyInput, focus: 'none' | 'text'): { block: boolean };
  /** The clock of the page that forwards its keys; see `WedgeReader.advanceTo`. */
  advanceTo(pageNow: number): void;
  dispose(): void;
}

export type EventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

export class ContractError extends Error {
  constructor(readonly request: string, readonly issues: string) {
    super(`Request "${request}" was refused: ${issues}`);
  }
}

/**
 * The composition root of the main process: one database, one sale session, one set of handlers.
 * Electron's IPC and the browser host's WebSocket both call `handle`, so both take the same path.
 */
export class CounterApp {
  readonly sale: SaleSession;
  readonly picking: PickSession;
  /** Scanners in use, their settings, the scan log; every scanner's scans reach the till through it. */
  readonly scanners: ScannerDiagnostics;
  /** The screen in front; a scan belongs to the pick while it is "picking". */
  private workspace: Workspace = 'sale';
  private readonly handlers: Handlers;
  private readonly listeners = new Set<EventListener>();
  private feedback: Feedback | null = null;
  private readonly disposers: (() => void)[] = [];
  private keyReader: KeyReader | null = null;

  constructor(readonly db: Db, readonly config: ConfigStore) {
    const serialPolicy = serialPolicyOf(config);
    const catalog = new ProductLookup(db);
    this.sale = new SaleSession(db, serialPolicy);
    this.picking = new PickSession(db, serialPolicy);
    this.sale.onCompleted((sale, lines) => this.picking.createFromSale(sale, lines));
    this.scanners = new ScannerDiagnostics({
      config,
      emit: (name, payload) => this.emit(name, payload),
      acceptScan: (data) => this.acceptScan(data),
      scanTarget: () => (this.scanTarget() === this.picking ? 'pick' : 'sale'),
      reportUnreadable: (message) => this.report({ ok: false, error: { code: 'SCAN_UNREADABLE', message } }),
      testSerial: (serial) => this.handle('testSerial', { serial }) as Promise<SerialTestResult>,
      findProduct: (code) => catalog.find(code),
      addDisposer: (dispose) => this.addDisposer(dispose),
    });
    this.handlers = createHandlers(this);
  }

  /** Validates the input against the contract, then runs the one handler for it. */
  async handle(name: string, input: unknown): Promise<unknown> {
    if (!Object.hasOwn(requests, name)) throw new ContractError(name, 'no such request');
    const requestName = name as RequestName;
    const parsed = requests[requestName].input.safeParse(input ?? {});
    if (!parsed.success) {
      throw new ContractError(name, parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
    }
    const handler = this.handlers[requestName] as (input: unknown) => unknown;
    return handler(parsed.data);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  /** Records what the person at the till is told about an action, and sends the new state. */
  report(result: ActionResult): void {
    const seq = (this.feedback?.seq ?? 0) + 1;
    // A warning is shown and sounded like a refusal: the cashier must look, although the action happened.
    const refused = result.ok ? result.warning : result.error;
    this.feedback = refused
      ? { seq, ok: false, message: result.ok && result.message ? `${result.message} ${refused.message}` : refused.message, code: refused.code }
      : { seq, ok: true, message: (result.ok && result.message) || '', code: null };
    this.emit('state', this.state());
  }

  state(): AppState {
    return { sale: this.sale.view(), feedback: this.feedback, picking: this.picking.view() };
  }


  /** A scan from a scanner (wedge or HID) goes to whatever the till is working on. */
  acceptScan(data: string): ActionResult {
    const result = this.scanTarget().scan(data);
    this.report(result);
    return result;
  }

  /** The session scans and typed serials go to: the pick while the picking workspace is in front, else the sale. */
  scanTarget(): Pick<SaleSession, 'scan' | 'typeSerial'> {
    return this.workspace === 'picking' ? this.picking : this.sale;
  }

  setWorkspace(workspace: Workspace): ActionResult {
    this.workspace = workspace;
    return { ok: true, message: workspace === 'picking' ? 'Picking: scans go to the pick list.' : 'Sale: scans go to the sale.' };
  }

  /** Connects the keyboard-wedge reader; its scans go to the sale like any other scan. */
  attachKeyReader(reader: KeyReader): void {
    this.keyReader = reader;
    this.addDisposer(() => reader.dispose());
  }

  feedKey(event: KeyInput, focus: 'none' | 'text'): { block: boolean } {
    return this.keyReader ? this.keyReader.feed(event, focus) : { block: false };
  }

  advanceKeyClock(pageNow: number): void {
    this.keyReader?.advanceTo(pageNow);
  }

  addDisposer(dispose: () => void): void {
    this.disposers.push(dispose);
  }

  close(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.listeners.clear();
    this.db.close();
  }
}

/**
 * The serial pattern in force, read at each check so that a change saved by another process
 * (`counter config set` on a running till) applies at once; compiled only when it changes.
 */
function serialPolicyOf(config: ConfigStore): SerialPolicy {
  let compiledFor: string | null | undefined;
  let matches: SerialMatcher = () => true;
  const current = (): string | null => {
    const pattern = config.serialPattern();
    if (pattern !== compiledFor) {
      compiledFor = pattern;
      const compiled = compileSerialPattern(pattern);
      // The store refuses a pattern that does not compile, so this fallback only covers a hand-edited database.
      matches = compiled.ok ? compiled.matches : () => true;
    }
    return pattern;
  };
  return {
    hasPattern: () => current() !== null,
    matches: (serial) => (current(), matches(serial)),
  };
}

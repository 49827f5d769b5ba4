import {
  events,
  requests,
  type CounterApi,
  type EventName,
  type EventPayload,
  type RequestInput,
  type RequestName,
  type RequestOutput,
} from '../../shared/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the renderer is served by the browser host. */
    counter?: CounterApi;
  }
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** The contract, plus whether it can be reached right now (always, through the preload). */
export interface Bridge {
  api: CounterApi;
  /**
   * Whether the page must forward its key events to main's wedge reader. In Electron main reads
   * them itself (before-input-event) and gives typed text back to the page on its own.
   */
  keysFromPage: boolean;
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

export const CONTRACT_PATH = '/contract';

export function connectBridge(): Bridge {
  if (window.counter) return preloadBridge(window.counter);
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return new WebSocketBridge(`${scheme}//${window.location.host}${CONTRACT_PATH}`);
}

function preloadBridge(api: CounterApi): Bridge {
  return { api, keysFromPage: false, connection: () => 'open', onConnection: () => () => {} };
}

interface Pending {
  name: RequestName;
  resolve(output: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface WebSocketBridgeOptions {
  /** How long a request may wait for its answer; main answers every request, so this only catches a hung host. */
  requestTimeoutMs?: number;
  /** Delays between reconnection attempts; the last one repeats. */
  reconnectDelaysMs?: readonly number[];
  createSocket?: (url: string) => WebSocket;
}

/**
 * The contract over the browser host's WebSocket. Messages are `{id, name, input}` out and
 * `{id, ok, output | error}` or `{event, payload}` in. Answers and events are checked against the
 * contract's schemas, so a host that drifted from it fails loudly here instead of rendering garbage.
 * After a drop it reconnects; requests in flight when the socket closes fail with a clear error, and
 * nothing is resent behind the cashier's back (a resent "complete" could pay twice).
 */
export class WebSocketBridge implements Bridge {
  readonly api: CounterApi;
  readonly keysFromPage = true;
  private socket: WebSocket | null = null;
  private state: ConnectionState = 'connecting';
  private nextId = 1;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly pending = new Map<number, Pending>();
  private readonly waitingToSend: { id: number; text: string }[] = [];
  private readonly eventListeners = new Map<EventName, Set<(payload: never) => void>>();
  private readonly connectionListeners = new Set<(state: ConnectionState) => void>();
  private readonly requestTimeoutMs: number;
  private readonly reconnectDelaysMs: readonly number[];
  private readonly createSocket: (url: string) => WebSocket;

  constructor(
    readonly url: string,
    options: WebSocketBridgeOptions = {},
  ) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
    this.reconnectDelaysMs = options.reconnectDelaysMs ?? [250, 500, 1000, 2000, 4000];
    this.createSocket = options.createSocket ?? ((address) => new WebSocket(address));
    this.api = {
      request: (name, input) => this.request(name, input),
      on: (name, listener) => this.on(name, listener),
    };
    this.open();
  }

  connection(): ConnectionState {
    return this.state;
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  /** Closes the socket for good; requests still waiting fail. */
  dispose(): void {
    this.disposed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.socket?.close();
    this.failAll('the connection was closed by the page');
  }

  private request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> {
    return new Promise((resolve, reject) => {
      if (this.disposed) {
        reject(new Error(`Counter could not send "${name}": the connection to the till service is closed.`));
        return;
      }
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`Counter got no answer to "${name}" from the till service within ${this.requestTimeoutMs / 1000} s.`));
      }, this.requestTimeoutMs);
      this.pending.set(id, { name, resolve: resolve as (output: unknown) => void, reject, timer });
      const text = JSON.stringify({ id, name, input });
      if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(text);
      else this.waitingToSend.push({ id, text });
    });
  }

  private on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
    let listeners = this.eventListeners.get(name);
    if (!listeners) this.eventListeners.set(name, (listeners = new Set()));
    listeners.add(listener as (payload: never) => void);
    return () => listeners.delete(listener as (payload: never) => void);
  }

  private open(): void {
    this.setState('connecting');
    const socket = this.createSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.setState('open');
      for (const { id, text } of this.waitingToSend.splice(0)) {
        if (this.pending.has(id)) socket.send(text);
      }
    });
    socket.addEventListener('message', (message) => this.receive(String(message.data)));
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failAll('the connection to the till service dropped');
      if (this.disposed) return;
      this.setState('closed');
      const delay = this.reconnectDelaysMs[Math.min(this.attempt, this.reconnectDelaysMs.length - 1)] ?? 1000;
      this.attempt++;
      this.reconnectTimer = setTimeout(() => this.open(), delay);
    });
  }

  private receive(text: string): void {
    let message: { id?: unknown; ok?: unknown; output?: unknown; error?: unknown; event?: unknown; payload?: unknown };
    try {
      message = JSON.parse(text);
    } catch {
      console.error(`Counter ignored a message from the till service that is not JSON: ${text.slice(0, 200)}`);
      return;
    }
    if (typeof message.event === 'string') {
      this.deliverEvent(message.event, message.payload);
      return;
    }
    const pending = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (!pending) return;
    this.pending.delete(message.id as number);
    clearTimeout(pending.timer);
    if (message.ok !== true) {
      pending.reject(new Error(typeof message.error === 'string' ? message.error : `The till service refused "${pending.name}".`));
      return;
    }
    const parsed = requests[pending.name].output.safeParse(message.output);
    if (parsed.success) pending.resolve(parsed.data);
    else pending.reject(new Error(`The till service answered "${pending.name}" with data the contract does not allow: ${describeIssues(parsed.error.issues)}`));
  }

  private deliverEvent(name: string, payload: unknown): void {
    if (!Object.hasOwn(events, name)) return;
    const eventName = name as EventName;
    const parsed = events[eventName].safeParse(payload);
    if (!parsed.success) {
      console.error(`Counter ignored a "${name}" event the contract does not allow: ${describeIssues(parsed.error.issues)}`);
      return;
    }
    for (const listener of this.eventListeners.get(eventName) ?? []) listener(parsed.data as never);
  }

  private failAll(reason: string): void {
    this.waitingToSend.length = 0;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`Counter could not finish "${pending.name}": ${reason}. Check the screen before trying again.`));
      this.pending.delete(id);
    }
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.connectionListeners) listener(state);
  }
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || 'value'}: ${issue.message}`)
    .join('; ');
}

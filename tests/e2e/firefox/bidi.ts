import WebSocket from 'ws';

// A small WebDriver BiDi client (https://w3c.github.io/webdriver-bidi/) over `ws`: commands are
// `{id, method, params}` answered by `{id, type:'success'|'error'}`, events are `{type:'event',
// method, params}`. Playwright cannot load an extension into Firefox (playwright#7297), and Firefox
// speaks BiDi itself, so no driver has to be downloaded.

export interface BidiEvent {
  method: string;
  params: Record<string, unknown>;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  method: string;
}

export class BidiConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: BidiEvent) => void>();
  private closed: Error | undefined;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('close', () => this.fail(new Error('The BiDi connection closed')));
    socket.on('error', (error) => this.fail(error instanceof Error ? error : new Error(String(error))));
  }

  static async open(url: string): Promise<BidiConnection> {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new BidiConnection(socket);
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}): Promise<T> {
    if (this.closed) return Promise.reject(this.closed);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Calls `listener` for every event; returns a function that stops listening. */
  on(listener: (event: BidiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first event for which `accept` is true, within `timeoutMs`. */
  waitForEvent(method: string, accept: (params: Record<string, unknown>) => boolean = () => true, timeoutMs = 20_000) {
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`No ${method} event in ${timeoutMs} ms`));
      }, timeoutMs);
      const stop = this.on((event) => {
        if (event.method !== method || !accept(event.params)) return;
        clearTimeout(timer);
        stop();
        resolve(event.params);
      });
    });
  }

  close(): void {
    this.socket.close();
  }

  private receive(text: string): void {
    const message = JSON.parse(text) as {
      id?: number;
      type: string;
      method?: string;
      params?: Record<string, unknown>;
      result?: unknown;
      error?: string;
      message?: string;
    };
    if (message.type === 'event' && message.method) {
      for (const listener of [...this.listeners]) listener({ method: message.method, params: message.params ?? {} });
      return;
    }
    if (message.id === undefined) return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === 'success') pending.resolve(message.result);
    else pending.reject(new Error(`${pending.method}: ${message.error}: ${message.message}`));
  }

  private fail(error: Error): void {
    this.closed ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

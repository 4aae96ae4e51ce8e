// The study session's live channel, /ws/study/{sessionId} (study-service README): the token goes in the
// subprotocol list ("bearer", token) so it never appears in a URL; a rotated token is sent as a `token` frame so
// the socket outlives the 15-minute access token; close 4401 (token expired or revoked) → rotate and reconnect;
// any other failure → reconnect with back-off, and `live` false meanwhile so the screen polls over HTTP.

export interface ServerEvent {
  type: string;
  [key: string]: unknown;
}

export interface SocketLike {
  readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface StudySocketOptions {
  url: string; // ws(s)://host/ws/study/{id}
  token: () => Promise<string | null>; // a valid access token (rotating when needed)
  rotate: () => Promise<string | null>; // a new one after a 4401
  onEvent: (event: ServerEvent) => void;
  onLiveChange?: (live: boolean) => void;
  createSocket?: (url: string, protocols: string[]) => SocketLike;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  pingMs?: number;
  maxAttempts?: number;
}

const OPEN = 1;

export class StudySocket {
  private socket: SocketLike | null = null;
  private attempts = 0;
  private closed = false;
  private live = false;
  private retryTimer: unknown = null;
  private pingTimer: unknown = null;
  private readonly o: Required<StudySocketOptions>;

  constructor(options: StudySocketOptions) {
    this.o = {
      onLiveChange: () => {},
      createSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      pingMs: 30_000,
      maxAttempts: 6,
      ...options,
    };
  }

  get isLive(): boolean {
    return this.live;
  }

  async open(): Promise<void> {
    const token = await this.o.token();
    if (this.closed) return;
    if (!token) {
      this.setLive(false);
      return;
    }
    const socket = this.o.createSocket(this.o.url, ['bearer', token]);
    this.socket = socket;
    socket.onmessage = (ev) => {
      let event: ServerEvent;
      try {
        event = JSON.parse(String(ev.data)) as ServerEvent;
      } catch {
        return; // not ours to understand
      }
      if (event.type === 'ready') {
        this.attempts = 0;
        this.setLive(true);
        this.schedulePing();
      }
      if (event.type !== 'pong') this.o.onEvent(event);
    };
    socket.onclose = (ev) => this.closedBy(socket, ev.code);
    socket.onerror = () => {
      /* onclose follows */
    };
  }

  /** Sends a question; false when the socket is not open (the caller asks over HTTP instead). */
  ask(content: string): boolean {
    return this.sendFrame({ type: 'ask', content });
  }

  /** A rotated access token for this open socket. */
  renew(token: string): boolean {
    return this.sendFrame({ type: 'token', token });
  }

  close(): void {
    this.closed = true;
    this.stopTimers();
    this.setLive(false);
    this.socket?.close(1000, 'bye');
    this.socket = null;
  }

  private sendFrame(frame: object): boolean {
    if (!this.socket || this.socket.readyState !== OPEN || !this.live) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  private closedBy(socket: SocketLike, code: number): void {
    if (socket !== this.socket) return;
    this.socket = null;
    this.stopTimers();
    this.setLive(false);
    if (this.closed) return;
    if (code === 4401) {
      // Token expired or revoked: a rotation decides (a refused one signs the user out and the screen goes away).
      void this.o.rotate().then((token) => {
        if (token && !this.closed) void this.open();
      });
      return;
    }
    if (code === 1008 || this.attempts >= this.o.maxAttempts) return; // refused: stay on HTTP polling
    const delay = Math.min(30_000, 500 * 2 ** this.attempts);
    this.attempts += 1;
    this.retryTimer = this.o.setTimer(() => {
      this.retryTimer = null;
      void this.open();
    }, delay);
  }

  private schedulePing(): void {
    if (this.pingTimer !== null) this.o.clearTimer(this.pingTimer);
    this.pingTimer = this.o.setTimer(() => {
      this.pingTimer = null;
      if (this.sendFrame({ type: 'ping' })) this.schedulePing();
    }, this.o.pingMs);
  }

  private stopTimers(): void {
    if (this.retryTimer !== null) this.o.clearTimer(this.retryTimer);
    if (this.pingTimer !== null) this.o.clearTimer(this.pingTimer);
    this.retryTimer = this.pingTimer = null;
  }

  private setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    this.o.onLiveChange(live);
  }
}

/** ws:// or wss:// URL of a path on this page's origin. */
export function socketUrl(path: string, location: { protocol: string; host: string } = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

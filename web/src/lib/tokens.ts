// The signed-in session's tokens. The access token lives in memory only. The refresh token comes in the login
// body (auth-service returns it there, not as a cookie), so it is kept in memory and in sessionStorage: a reload of
// this tab keeps the student signed in, another tab never shares it (two tabs rotating one refresh token would look
// like theft: a spent token presented again revokes the whole session), and closing the tab forgets it.

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number; // seconds
}

export type SignOutReason = 'signed_out' | 'session_ended';

export interface TokenStoreOptions {
  refreshCall: (refreshToken: string) => Promise<TokenPair | null>; // null: refused (expired, revoked or reused)
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Rotate this long before the access token expires. */
  leadMs?: number;
}

const STORAGE_KEY = 'lectavera.refresh';

export class TokenStore {
  private access: string | null = null;
  private refreshToken: string | null = null;
  private expiresAt = 0;
  private timer: unknown = null;
  private inFlight: Promise<string | null> | null = null;
  private readonly listeners = new Set<(token: string | null, reason?: SignOutReason) => void>();
  private readonly opts: Required<TokenStoreOptions>;

  constructor(options: TokenStoreOptions) {
    this.opts = {
      storage: null,
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      leadMs: 60_000,
      ...options,
    };
    this.refreshToken = this.opts.storage?.getItem(STORAGE_KEY) ?? null;
  }

  /** The current access token, or null when signed out or not yet restored. */
  get accessToken(): string | null {
    return this.access && this.opts.now() < this.expiresAt ? this.access : null;
  }

  /** Whether a session may be restored (a refresh token is at hand). */
  get hasSession(): boolean {
    return this.refreshToken !== null;
  }

  /** Called with the new access token after each rotation, and with null on sign-out. */
  subscribe(listener: (token: string | null, reason?: SignOutReason) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A fresh pair from login or refresh: keep it and schedule the next silent rotation. */
  accept(pair: TokenPair): void {
    this.access = pair.accessToken;
    this.refreshToken = pair.refreshToken;
    this.expiresAt = this.opts.now() + pair.expiresIn * 1000;
    this.opts.storage?.setItem(STORAGE_KEY, pair.refreshToken);
    this.schedule(pair.expiresIn * 1000);
    this.listeners.forEach((l) => l(pair.accessToken));
  }

  /** A valid access token: the current one, or one from a rotation (shared by concurrent callers). */
  async fresh(): Promise<string | null> {
    return this.accessToken ?? this.rotate();
  }

  /**
   * Spends the refresh token for a new pair. One rotation at a time: concurrent callers share it, because a second
   * use of the same refresh token counts as reuse and would end the session. Refused → signed out.
   */
  rotate(): Promise<string | null> {
    if (this.inFlight) return this.inFlight;
    const spent = this.refreshToken;
    if (!spent) return Promise.resolve(null);
    this.inFlight = this.opts
      .refreshCall(spent)
      .then(
        (pair) => {
          if (!pair) {
            this.clear('session_ended');
            return null;
          }
          this.accept(pair);
          return pair.accessToken;
        },
        // A network failure is not a refusal: keep the session and let the caller try again later.
        () => this.accessToken,
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** The refresh token, for logout (revokes it server-side). */
  get currentRefreshToken(): string | null {
    return this.refreshToken;
  }

  clear(reason: SignOutReason = 'signed_out'): void {
    if (this.timer !== null) this.opts.clearTimer(this.timer);
    this.timer = null;
    this.access = null;
    this.refreshToken = null;
    this.expiresAt = 0;
    this.opts.storage?.removeItem(STORAGE_KEY);
    this.listeners.forEach((l) => l(null, reason));
  }

  private schedule(lifetimeMs: number): void {
    if (this.timer !== null) this.opts.clearTimer(this.timer);
    const delay = Math.max(lifetimeMs - this.opts.leadMs, Math.min(lifetimeMs / 2, 5_000));
    this.timer = this.opts.setTimer(() => {
      this.timer = null;
      void this.rotate();
    }, delay);
  }
}

import { describe, expect, it, vi } from 'vitest';
import { TokenStore, type TokenPair } from './tokens';

function fakeClock() {
  let now = 1_000_000;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id: unknown) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    advance(ms: number) {
      now += ms;
      for (const t of [...timers].filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
    },
    pending: () => timers.length,
  };
}

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

const pair = (n: number, expiresIn = 900): TokenPair => ({ accessToken: `a${n}`, refreshToken: `r${n}`, expiresIn });

describe('TokenStore', () => {
  it('keeps the access token in memory only and the refresh token in session storage', () => {
    const storage = memoryStorage();
    const store = new TokenStore({ refreshCall: vi.fn(), storage, ...fakeClock() });
    store.accept(pair(1));
    expect(store.accessToken).toBe('a1');
    expect([...storage.map.values()]).toEqual(['r1']);
    expect(new TokenStore({ refreshCall: vi.fn(), storage }).hasSession).toBe(true);
  });

  it('rotates silently a minute before the access token expires', async () => {
    const clock = fakeClock();
    const refreshCall = vi.fn(async (spent: string) => (spent === 'r1' ? pair(2) : null));
    const store = new TokenStore({ refreshCall, storage: memoryStorage(), ...clock });
    const seen: (string | null)[] = [];
    store.subscribe((t) => seen.push(t));
    store.accept(pair(1));
    clock.advance(839_000);
    expect(refreshCall).not.toHaveBeenCalled();
    clock.advance(1_000);
    await vi.waitFor(() => expect(store.accessToken).toBe('a2'));
    expect(refreshCall).toHaveBeenCalledWith('r1');
    expect(seen).toEqual(['a1', 'a2']);
    expect(store.currentRefreshToken).toBe('r2');
  });

  it('spends a refresh token once even when many callers need a new access token', async () => {
    let release: (p: TokenPair) => void = () => {};
    const refreshCall = vi.fn(() => new Promise<TokenPair>((resolve) => (release = resolve)));
    const store = new TokenStore({ refreshCall, storage: memoryStorage(), ...fakeClock() });
    store.accept(pair(1, 0));
    const waiting = [store.fresh(), store.fresh(), store.rotate()];
    release(pair(2));
    expect(await Promise.all(waiting)).toEqual(['a2', 'a2', 'a2']);
    expect(refreshCall).toHaveBeenCalledTimes(1);
  });

  it('signs out when the refresh is refused (a reused token revoked the session)', async () => {
    const storage = memoryStorage();
    const store = new TokenStore({ refreshCall: async () => null, storage, ...fakeClock() });
    const reasons: (string | undefined)[] = [];
    store.subscribe((t, reason) => t === null && reasons.push(reason));
    store.accept(pair(1));
    expect(await store.rotate()).toBeNull();
    expect(store.accessToken).toBeNull();
    expect(store.hasSession).toBe(false);
    expect(storage.map.size).toBe(0);
    expect(reasons).toEqual(['session_ended']);
  });

  it('keeps the session when the network fails during a rotation', async () => {
    const store = new TokenStore({ refreshCall: async () => Promise.reject(new Error('offline')), storage: memoryStorage(), ...fakeClock() });
    store.accept(pair(1));
    expect(await store.rotate()).toBe('a1');
    expect(store.hasSession).toBe(true);
  });

  it('forgets everything and stops rotating on sign-out', () => {
    const clock = fakeClock();
    const store = new TokenStore({ refreshCall: vi.fn(), storage: memoryStorage(), ...clock });
    store.accept(pair(1));
    expect(clock.pending()).toBe(1);
    store.clear();
    expect(clock.pending()).toBe(0);
    expect(store.accessToken).toBeNull();
  });

  it('does not hand out an expired access token', () => {
    const clock = fakeClock();
    const store = new TokenStore({ refreshCall: vi.fn(), storage: memoryStorage(), ...clock, setTimer: () => 0 });
    store.accept(pair(1, 10));
    clock.advance(10_000);
    expect(store.accessToken).toBeNull();
  });
});

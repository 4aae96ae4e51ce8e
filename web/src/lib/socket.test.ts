import { describe, expect, it, vi } from 'vitest';
import { socketUrl, StudySocket, type SocketLike } from './socket';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  serverSays(event: object) {
    this.readyState = 1;
    this.onmessage?.({ data: JSON.stringify(event) });
  }
  serverCloses(code: number) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

function harness(tokens: (string | null)[] = ['t1', 't2', 't3']) {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const events: unknown[] = [];
  const live: boolean[] = [];
  let n = 0;
  const socket = new StudySocket({
    url: 'ws://host/ws/study/s1',
    token: async () => tokens[Math.min(n, tokens.length - 1)],
    rotate: vi.fn(async () => tokens[Math.min(++n, tokens.length - 1)]),
    onEvent: (e) => events.push(e),
    onLiveChange: (l) => live.push(l),
    createSocket: (url, protocols) => {
      const s = new FakeSocket(url, protocols);
      sockets.push(s);
      return s;
    },
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => {},
    maxAttempts: 2,
  });
  return { socket, sockets, timers, events, live };
}

describe('StudySocket', () => {
  it('sends the token as a subprotocol, never in the URL, and is live after ready', async () => {
    const h = harness();
    await h.socket.open();
    expect(h.sockets[0].url).toBe('ws://host/ws/study/s1');
    expect(h.sockets[0].protocols).toEqual(['bearer', 't1']);
    expect(h.socket.ask('too early')).toBe(false);
    h.sockets[0].serverSays({ type: 'ready', sessionId: 's1' });
    expect(h.live).toEqual([true]);
    expect(h.socket.ask('Why?')).toBe(true);
    expect(JSON.parse(h.sockets[0].sent[0])).toEqual({ type: 'ask', content: 'Why?' });
  });

  it('passes streamed events on in order and swallows pongs and junk', async () => {
    const h = harness();
    await h.socket.open();
    const s = h.sockets[0];
    s.serverSays({ type: 'ready' });
    s.serverSays({ type: 'chunk', delta: 'Hel' });
    s.serverSays({ type: 'pong' });
    s.onmessage?.({ data: 'not json' });
    s.serverSays({ type: 'complete', content: 'Hello' });
    expect(h.events.map((e) => (e as { type: string }).type)).toEqual(['ready', 'chunk', 'complete']);
  });

  it('renews the token on the open socket', async () => {
    const h = harness();
    await h.socket.open();
    h.sockets[0].serverSays({ type: 'ready' });
    expect(h.socket.renew('fresh')).toBe(true);
    expect(JSON.parse(h.sockets[0].sent[0])).toEqual({ type: 'token', token: 'fresh' });
  });

  it('rotates and reconnects with the new token after 4401', async () => {
    const h = harness();
    await h.socket.open();
    h.sockets[0].serverSays({ type: 'ready' });
    h.sockets[0].serverCloses(4401);
    await vi.waitFor(() => expect(h.sockets).toHaveLength(2));
    expect(h.sockets[1].protocols).toEqual(['bearer', 't2']);
    expect(h.live).toEqual([true, false]);
  });

  it('does not reconnect after 4401 when the rotation is refused (signed out)', async () => {
    const h = harness(['t1', null]);
    await h.socket.open();
    h.sockets[0].serverCloses(4401);
    await new Promise((r) => setTimeout(r, 0));
    expect(h.sockets).toHaveLength(1);
  });

  it('backs off on failures, then gives up and stays on polling', async () => {
    const h = harness();
    await h.socket.open();
    h.sockets[0].serverCloses(1006);
    expect(h.timers.map((t) => t.ms)).toEqual([500]);
    h.timers[0].fn();
    await vi.waitFor(() => expect(h.sockets).toHaveLength(2));
    h.sockets[1].serverCloses(1006);
    expect(h.timers.map((t) => t.ms)).toEqual([500, 1000]);
    h.timers[1].fn();
    await vi.waitFor(() => expect(h.sockets).toHaveLength(3));
    h.sockets[2].serverCloses(1006);
    expect(h.timers).toHaveLength(2);
    expect(h.socket.isLive).toBe(false);
  });

  it('never reconnects after a policy refusal or once closed by the app', async () => {
    const h = harness();
    await h.socket.open();
    h.sockets[0].serverCloses(1008);
    expect(h.timers).toHaveLength(0);
    const g = harness();
    await g.socket.open();
    g.sockets[0].serverSays({ type: 'ready' });
    g.socket.close();
    g.sockets[0].serverCloses(1000);
    expect(g.timers.filter((t) => t.ms !== 30_000)).toHaveLength(0);
  });

  it('builds ws and wss URLs from the page origin', () => {
    expect(socketUrl('/ws/study/x', { protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws/study/x');
    expect(socketUrl('/ws/study/x', { protocol: 'https:', host: 'lv.example' })).toBe('wss://lv.example/ws/study/x');
  });
});

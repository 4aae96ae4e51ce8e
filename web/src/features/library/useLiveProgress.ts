// Live processing status of the documents still being indexed. document-service's `document.progress` reaches a
// user's open study sockets (study-service relays user-events:{userId}); the library opens one on the student's
// latest active session when there is one. Without a socket — a new student has no session yet — or while it is
// down, the status of each unsettled document is polled.
import { useEffect, useRef, useState } from 'preact/hooks';
import { tokens } from '../../lib/api';
import { socketUrl, StudySocket } from '../../lib/socket';
import { latestActiveSession } from '../study/api';
import { isSettled, status, type Progress } from './api';

export function useLiveProgress(pending: string[], onSettled: () => void): {
  progress: Record<string, Progress>;
  live: boolean;
  liveEvents: number;
} {
  const [progress, setProgress] = useState<Record<string, Progress>>({});
  const [live, setLive] = useState(false);
  const [liveEvents, setLiveEvents] = useState(0);
  const pendingRef = useRef(pending);
  pendingRef.current = pending;

  const accept = (p: Progress) => {
    setProgress((all) => ({ ...all, [p.documentId]: p }));
    if (isSettled(p.status)) onSettled();
  };

  useEffect(() => {
    let socket: StudySocket | null = null;
    let cancelled = false;
    void latestActiveSession().then((sessionId) => {
      if (!sessionId || cancelled) return;
      socket = new StudySocket({
        url: socketUrl(`/ws/study/${sessionId}`),
        token: () => tokens.fresh(),
        rotate: () => tokens.rotate(),
        onLiveChange: setLive,
        onEvent: (event) => {
          if (event.type !== 'document.progress') return;
          setLiveEvents((n) => n + 1);
          accept(event as unknown as Progress);
        },
      });
      void socket.open();
    }, () => {});
    const renew = tokens.subscribe((token) => token && socket?.renew(token));
    return () => {
      cancelled = true;
      renew();
      socket?.close();
    };
  }, []);

  const key = pending.join(',');
  useEffect(() => {
    if (pending.length === 0) return;
    let stopped = false;
    const poll = async () => {
      for (const id of pendingRef.current) {
        try {
          accept(await status(id));
        } catch {
          // the next round tries again
        }
      }
      if (!stopped) timer = setTimeout(poll, live ? 5000 : 1000);
    };
    let timer = setTimeout(poll, live ? 5000 : 300);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [key, live]);

  return { progress, live, liveEvents };
}

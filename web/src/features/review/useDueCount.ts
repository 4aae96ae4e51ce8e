import { useEffect, useRef, useState } from 'preact/hooks';
import { NAV_QUEUE_LIMIT, queue, QUEUE_CHANGED } from './api';

/** Page changes read the count again at most this often: every request counts in the user's rate limit (100/min). */
const REFRESH_ON_NAVIGATION_MS = 60_000;

/**
 * How many cards the student can review now (the queue within today's limits), for the navigation: read when the
 * app starts, right away when a review, a saved card, a graded attempt or new settings change the queue, and on a
 * page change once the last read is a minute old (cards fall due with time). `null` until known or when the read
 * failed (the navigation then shows no number rather than a wrong one).
 */
export function useDueCount(path: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const lastRead = useRef(0);
  useEffect(() => {
    const changed = () => {
      lastRead.current = 0;
      setTick((t) => t + 1);
    };
    window.addEventListener(QUEUE_CHANGED, changed);
    return () => window.removeEventListener(QUEUE_CHANGED, changed);
  }, []);
  useEffect(() => {
    if (Date.now() - lastRead.current < REFRESH_ON_NAVIGATION_MS) return;
    lastRead.current = Date.now();
    // Not cancelled on a page change: the next page does not read again, so this answer is the one to show.
    queue(NAV_QUEUE_LIMIT).then(
      (q) => setCount(q.items.length),
      () => {
        lastRead.current = 0;
        setCount(null);
      },
    );
  }, [path, tick]);
  return count;
}

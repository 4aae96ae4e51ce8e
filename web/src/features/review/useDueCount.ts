import { useEffect, useState } from 'preact/hooks';
import { NAV_QUEUE_LIMIT, queue, QUEUE_CHANGED } from './api';

/**
 * How many cards the student can review now (the queue within today's limits), for the navigation: read again when
 * the page changes and when a review, a saved card or new settings change the queue. `null` until known or when the
 * read failed (the navigation then shows no number rather than a wrong one).
 */
export function useDueCount(path: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const changed = () => setTick((t) => t + 1);
    window.addEventListener(QUEUE_CHANGED, changed);
    return () => window.removeEventListener(QUEUE_CHANGED, changed);
  }, []);
  useEffect(() => {
    let live = true;
    queue(NAV_QUEUE_LIMIT).then(
      (q) => live && setCount(q.items.length),
      () => live && setCount(null),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  return count;
}

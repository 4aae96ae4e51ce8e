// Small building blocks every screen uses: an error line that says what happened (and how long to wait on a rate
// limit), a countdown for Retry-After, and a data loader hook.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { describe, RateLimitedError } from './api';

export function ErrorLine({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof RateLimitedError) return <RateLimitNotice seconds={error.retryAfterSeconds} />;
  return (
    <p class="error" role="alert">
      {describe(error)}
    </p>
  );
}

/** "Too many requests": a friendly wait that counts down from Retry-After. */
export function RateLimitNotice({ seconds }: { seconds: number }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    setLeft(seconds);
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  return (
    <p class="notice" role="status">
      {left > 0 ? `You're going a bit fast — you can try again in ${left} s.` : 'You can try again now.'}
    </p>
  );
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data?: T; error?: unknown; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (d) => live && (setData(d), setError(undefined)),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, reload };
}

export function Page({ title, children }: { title: string; children: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · LectaVera`;
  }, [title]);
  return (
    <section class="page" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      {children}
    </section>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

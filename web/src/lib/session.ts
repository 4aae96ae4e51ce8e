// The signed-in state as the screens see it: whether a session exists, restored once after a reload from the
// refresh token in sessionStorage (the access token is never stored).
import { useEffect, useState } from 'preact/hooks';
import { tokens } from './api';
import type { SignOutReason } from './tokens';

export type SessionState = 'restoring' | 'signed_in' | 'signed_out';

let restoring: Promise<unknown> | null = null;
let lastSignOut: SignOutReason | undefined;

export function useSession(): { state: SessionState; endedReason?: SignOutReason } {
  const initial: SessionState = tokens.accessToken ? 'signed_in' : tokens.hasSession ? 'restoring' : 'signed_out';
  const [state, setState] = useState<SessionState>(initial);
  useEffect(() => {
    const unsubscribe = tokens.subscribe((token, reason) => {
      if (!token) lastSignOut = reason;
      setState(token ? 'signed_in' : 'signed_out');
    });
    if (state === 'restoring') {
      restoring ??= tokens.rotate().finally(() => (restoring = null));
      void restoring.then(() => setState(tokens.accessToken ? 'signed_in' : 'signed_out'));
    }
    return unsubscribe;
  }, []);
  return { state, endedReason: lastSignOut };
}

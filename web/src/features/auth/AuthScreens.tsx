import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { ErrorLine, Page } from '../../lib/ui';
import { forgotPassword, resetPassword, signIn, signUp, verifyEmail } from './api';

function useQuery(): URLSearchParams {
  const { url } = useLocation();
  return new URLSearchParams(url.split('?')[1] ?? '');
}

function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

function EmailField({ value, onChange, autocomplete = 'email' }: { value: string; onChange: (v: string) => void; autocomplete?: string }) {
  return (
    <label>
      Email
      <input type="email" autocomplete={autocomplete} required value={value} onInput={(e) => onChange(e.currentTarget.value)} />
    </label>
  );
}

export function SignIn() {
  const query = useQuery();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(() => signIn(email.trim(), password));
  return (
    <Page title="Sign in">
      {query.get('ended') && <p class="notice">Your session ended; please sign in again.</p>}
      <form class="card narrow" onSubmit={submit}>
        <EmailField value={email} onChange={setEmail} autocomplete="username" />
        <label>
          Password
          <input type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <ErrorLine error={error} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        <p>
          New here? <a href="/sign-up">Create an account</a> · <a href="/forgot-password">Forgot your password?</a>
        </p>
      </form>
    </Page>
  );
}

export function SignUp() {
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(() => signUp(fullName.trim(), email.trim(), password));
  return (
    <Page title="Create your account">
      <form class="card narrow" onSubmit={submit}>
        <label>
          Your name
          <input autocomplete="name" required maxLength={200} value={fullName} onInput={(e) => setFullName(e.currentTarget.value)} />
        </label>
        <EmailField value={email} onChange={setEmail} />
        <label>
          Password <span class="hint">(at least 10 characters)</span>
          <input type="password" autocomplete="new-password" required minLength={10} maxLength={128} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <ErrorLine error={error} />
        <button type="submit" disabled={busy}>
          Create account
        </button>
        <p>
          Already have one? <a href="/sign-in">Sign in</a>
        </p>
      </form>
    </Page>
  );
}

export function ForgotPassword() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, submit } = useSubmit(async () => {
    await forgotPassword(email.trim());
    setSent(true);
  });
  return (
    <Page title="Reset your password">
      <form class="card narrow" onSubmit={submit}>
        {sent ? (
          <p role="status">If an account exists for {email}, a reset link is on its way. It works for one hour.</p>
        ) : (
          <>
            <EmailField value={email} onChange={setEmail} />
            <ErrorLine error={error} />
            <button type="submit" disabled={busy}>
              Send the reset link
            </button>
          </>
        )}
        <p>
          <a href="/sign-in">Back to sign in</a>
        </p>
      </form>
    </Page>
  );
}

export function ResetPassword() {
  const token = useQuery().get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, submit } = useSubmit(async () => {
    await resetPassword(token, password);
    setDone(true);
  });
  return (
    <Page title="Choose a new password">
      <form class="card narrow" onSubmit={submit}>
        {done ? (
          <p role="status">
            Your password is changed. <a href="/sign-in">Sign in</a> with it.
          </p>
        ) : !token ? (
          <p class="error">This page needs the link from the reset email.</p>
        ) : (
          <>
            <label>
              New password <span class="hint">(at least 10 characters)</span>
              <input type="password" autocomplete="new-password" required minLength={10} maxLength={128} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
            </label>
            <ErrorLine error={error} />
            <button type="submit" disabled={busy}>
              Set the password
            </button>
          </>
        )}
      </form>
    </Page>
  );
}

export function VerifyEmail() {
  const token = useQuery().get('token') ?? '';
  const [state, setState] = useState<'working' | 'done' | unknown>('working');
  useEffect(() => {
    if (!token) return;
    verifyEmail(token).then(
      () => setState('done'),
      (e) => setState(e),
    );
  }, [token]);
  return (
    <Page title="Verify your email">
      <div class="card narrow">
        {!token ? (
          <p class="error">This page needs the link from the verification email.</p>
        ) : state === 'working' ? (
          <p role="status">Verifying…</p>
        ) : state === 'done' ? (
          <p role="status">
            Your email is verified. <a href="/library">Go to your library</a>.
          </p>
        ) : (
          <ErrorLine error={state} />
        )}
      </div>
    </Page>
  );
}

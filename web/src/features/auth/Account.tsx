import { useState } from 'preact/hooks';
import { tokens } from '../../lib/api';
import { ErrorLine, Page, useLoad } from '../../lib/ui';
import { deleteAccount, me, signOut } from './api';

export function Account() {
  const { data, error } = useLoad(me, []);
  const [password, setPassword] = useState('');
  const [deleteError, setDeleteError] = useState<unknown>();
  const remove = async (event: Event) => {
    event.preventDefault();
    if (!confirm('Delete your account and everything in it? This cannot be undone.')) return;
    try {
      await deleteAccount(password);
      tokens.clear('signed_out');
    } catch (e) {
      setDeleteError(e);
    }
  };
  return (
    <Page title="Your account">
      <ErrorLine error={error} />
      {data && (
        <dl class="card">
          <dt>Name</dt>
          <dd>{data.fullName}</dd>
          <dt>Email</dt>
          <dd>
            {data.email} {data.emailVerified ? '(verified)' : '(not verified yet: open the link we mailed you)'}
          </dd>
        </dl>
      )}
      <p>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </p>
      <form class="card narrow danger" onSubmit={remove}>
        <h2>Delete the account</h2>
        <label>
          Your password
          <input type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <ErrorLine error={deleteError} />
        <button type="submit" class="danger">
          Delete my account
        </button>
      </form>
    </Page>
  );
}

import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ErrorLine, Page, useLoad } from '../../lib/ui';
import { DocumentPicker } from '../library/DocumentPicker';
import { createSession, listSessions } from './api';

export function Sessions() {
  const [showArchived, setShowArchived] = useState(false);
  const sessions = useLoad(() => listSessions(showArchived ? 'ARCHIVED' : 'ACTIVE'), [showArchived]);
  const [title, setTitle] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const { route } = useLocation();

  const start = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      const session = await createSession(title.trim() || 'Study session', selected);
      route(`/study/${session.id}`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Page title="Study">
      <form class="card" onSubmit={start}>
        <h2>Start a session</h2>
        <label>
          Title
          <input maxLength={200} value={title} placeholder="Study session" onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <DocumentPicker legend="Documents to ask about" selected={selected} onChange={setSelected} />
        <ErrorLine error={error} />
        <button type="submit" disabled={selected.length === 0}>
          Start studying
        </button>
      </form>
      <div class="toolbar">
        <h2>{showArchived ? 'Archived sessions' : 'Your sessions'}</h2>
        <button type="button" class="secondary" onClick={() => setShowArchived((a) => !a)}>
          {showArchived ? 'Show active sessions' : 'Show the archive'}
        </button>
      </div>
      <ErrorLine error={sessions.error} />
      <ul class="sessions" aria-label="Sessions">
        {(sessions.data?.items ?? []).map((s) => (
          <li key={s.id} class="card">
            <a href={`/study/${s.id}`}>{s.title}</a>{' '}
            <span class="meta">
              {s.messageCount} messages · {s.documentIds.length} documents · {new Date(s.lastActivityAt ?? s.startedAt).toLocaleString()}
            </span>
          </li>
        ))}
      </ul>
      {sessions.data && sessions.data.items.length === 0 && <p>No sessions here yet.</p>}
    </Page>
  );
}

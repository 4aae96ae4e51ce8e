import { useRoute } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, RateLimitedError, tokens } from '../../lib/api';
import { socketUrl, StudySocket, type ServerEvent } from '../../lib/socket';
import { ErrorLine, Page, RateLimitNotice, useLoad } from '../../lib/ui';
import { getDocument } from '../library/api';
import { cardFromCitation } from '../review/api';
import { SaveCardButton } from '../review/SaveCardButton';
import { archiveSession, askOverHttp, history, messagesAfter, readerLink, type Citation, type Message, type StudySession, type Verdict } from './api';

interface Streaming {
  messageId: string;
  text: string;
  citations: Citation[];
}

const VERDICT_TEXT: Record<Verdict, string> = {
  CORRECT: 'Answered from your documents',
  AMBIGUOUS: 'Only partly covered by your documents — check the sources',
  NOT_FOUND: 'Not in your documents',
};

export function SessionChat() {
  const { params } = useRoute();
  const sessionId = params.sessionId;
  const [session, setSession] = useState<StudySession>();
  const [messages, setMessages] = useState<Message[]>([]);
  const [streaming, setStreaming] = useState<Streaming | null>(null);
  const [live, setLive] = useState(false);
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<unknown>();
  const [waitSeconds, setWaitSeconds] = useState(0);
  // The session's documents by title (at most 20; one that was deleted since is named as such).
  const titles = useLoad(
    () => Promise.all((session?.documentIds ?? []).map((id) => getDocument(id).then((d) => d.title, () => 'a deleted document'))),
    [session?.id],
  );
  const socketRef = useRef<StudySocket | null>(null);
  const messagesRef = useRef(messages);
  messagesRef.current = messages;

  const merge = (incoming: Message[]) =>
    setMessages((all) => {
      const known = new Set(all.map((m) => m.id));
      return [...all, ...incoming.filter((m) => !known.has(m.id))];
    });

  const onEvent = (event: ServerEvent) => {
    const id = event.messageId as string | undefined;
    switch (event.type) {
      case 'thinking': {
        const q = event.question as { id: string; content: string; createdAt: string };
        merge([{ id: q.id, role: 'USER', content: q.content, createdAt: q.createdAt }]);
        setStreaming({ messageId: id!, text: '', citations: [] });
        break;
      }
      case 'chunk':
        setStreaming((s) => (s && s.messageId === id ? { ...s, text: s.text + String(event.delta ?? '') } : s ?? { messageId: id!, text: String(event.delta ?? ''), citations: [] }));
        break;
      case 'citation':
        setStreaming((s) => (s && s.messageId === id ? { ...s, citations: [...s.citations, event.citation as Citation] } : s));
        break;
      case 'reset':
        setStreaming((s) => (s && s.messageId === id ? { ...s, text: '', citations: [] } : s));
        break;
      case 'complete':
        setStreaming(null);
        merge([
          {
            id: id!,
            role: 'ASSISTANT',
            content: String(event.content ?? ''),
            citations: event.citations as Citation[],
            verdict: event.verdict as Verdict,
            model: event.model as string,
            cached: Boolean(event.cached),
            createdAt: String(event.createdAt ?? new Date().toISOString()),
          },
        ]);
        break;
      case 'error':
        if (event.messageId) setStreaming(null);
        if (event.code === 'rate_limited') setWaitSeconds(Number(event.retryAfter ?? 60));
        else setError(new ApiError(0, { detail: String(event.message ?? event.code) }));
        break;
    }
  };

  useEffect(() => {
    let cancelled = false;
    history(sessionId).then(
      (h) => {
        if (cancelled) return;
        setSession(h.session);
        setMessages(h.messages);
      },
      setError,
    );
    const socket = new StudySocket({
      url: socketUrl(`/ws/study/${sessionId}`),
      token: () => tokens.fresh(),
      rotate: () => tokens.rotate(),
      onEvent,
      onLiveChange: setLive,
    });
    socketRef.current = socket;
    void socket.open();
    const renew = tokens.subscribe((token) => token && socket.renew(token));
    return () => {
      cancelled = true;
      renew();
      socket.close();
    };
  }, [sessionId]);

  // Polling fallback: without a live socket, new messages (e.g. from another tab) arrive every few seconds.
  useEffect(() => {
    if (live) return;
    const timer = setInterval(async () => {
      const last = messagesRef.current[messagesRef.current.length - 1];
      try {
        merge((await messagesAfter(sessionId, last?.id)).items);
      } catch {
        // next round
      }
    }, 3000);
    return () => clearInterval(timer);
  }, [live, sessionId]);

  const ask = async (event: Event) => {
    event.preventDefault();
    const content = question.trim();
    if (!content) return;
    setError(undefined);
    setWaitSeconds(0);
    setQuestion('');
    if (socketRef.current?.ask(content)) return;
    try {
      const { question: q, answer } = await askOverHttp(sessionId, content);
      merge([q, answer]);
    } catch (e) {
      if (e instanceof RateLimitedError) setWaitSeconds(e.retryAfterSeconds);
      else setError(e);
      setQuestion(content);
    }
  };

  const archive = async () => {
    try {
      await archiveSession(sessionId);
      setSession((s) => s && { ...s, status: 'ARCHIVED' });
    } catch (e) {
      setError(e);
    }
  };

  const archived = session?.status === 'ARCHIVED';
  return (
    <Page title={session?.title ?? 'Study session'}>
      <p class="meta">
        <a href="/study">All sessions</a> · {live ? 'live' : 'updating every few seconds'}
        {archived ? ' · archived (read only)' : ''}{' '}
        {!archived && session && (
          <button type="button" class="secondary" onClick={archive}>
            Archive this session
          </button>
        )}
      </p>
      {session && (
        <p class="meta">
          Asking about: {titles.data?.join(', ') ?? `${session.documentIds.length} documents`}
        </p>
      )}
      <ol class="chat" aria-label="Conversation" aria-live="polite">
        {messages.map((m) => (
          <MessageView key={m.id} message={m} />
        ))}
        {streaming && (
          <li class="answer streaming" aria-busy="true">
            <p>{streaming.text || 'Thinking…'}</p>
            <Chips citations={streaming.citations} />
          </li>
        )}
      </ol>
      {waitSeconds > 0 && <RateLimitNotice seconds={waitSeconds} />}
      <ErrorLine error={error} />
      {!archived && (
        <form class="ask" onSubmit={ask}>
          <label for="question">Your question</label>
          <textarea
            id="question"
            required
            maxLength={4000}
            rows={2}
            value={question}
            onInput={(e) => setQuestion(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) void ask(e);
            }}
          />
          <button type="submit" disabled={!!streaming}>
            Ask
          </button>
        </form>
      )}
    </Page>
  );
}

function MessageView({ message }: { message: Message }) {
  if (message.role === 'USER') {
    return (
      <li class="question">
        <p>{message.content}</p>
      </li>
    );
  }
  return (
    <li class="answer" data-verdict={message.verdict ?? undefined}>
      {message.verdict && <p class={`verdict ${message.verdict.toLowerCase()}`}>{VERDICT_TEXT[message.verdict]}</p>}
      <p>
        <AnswerText content={message.content} citations={message.citations ?? []} />
      </p>
      <Chips citations={message.citations ?? []} />
      <p class="meta">
        {message.cached ? <span class="badge">cached answer</span> : null} {message.model}
      </p>
    </li>
  );
}

/** The answer with each "[n]" marker that has a citation turned into a link to its highlighted page. */
function AnswerText({ content, citations }: { content: string; citations: Citation[] }) {
  const parts = content.split(/(\[\d+\])/);
  return (
    <>
      {parts.map((part, i) => {
        const cited = /^\[(\d+)\]$/.exec(part) && citations.find((c) => `[${c.marker}]` === part);
        return cited ? (
          <a key={i} href={readerLink(cited)} title={`${cited.title}, page ${cited.page}`}>
            {part}
          </a>
        ) : (
          part
        );
      })}
    </>
  );
}

function Chips({ citations }: { citations: Citation[] }) {
  if (citations.length === 0) return null;
  return (
    <ul class="chips" aria-label="Sources">
      {citations.map((c) => (
        <li key={`${c.marker}-${c.documentId}-${c.page}`}>
          <a class="chip" href={readerLink(c)} title={`${c.title}, page ${c.page}: “${c.quote}”`}>
            [{c.marker}] p. {c.page}
          </a>{' '}
          <SaveCardButton label={`Save as card: [${c.marker}] page ${c.page}`} save={() => cardFromCitation(c)} />
        </li>
      ))}
    </ul>
  );
}

import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ErrorLine, Page, useLoad } from '../../lib/ui';
import { listDocuments } from '../library/api';
import { readerLink } from '../study/api';
import { deleteCard, listCards, queueChanged, suspendCard, unsuspendCard, type Card } from './api';
import { ReviewNav } from './ReviewNav';

/** The student's cards, of one document or all: what each asks, when it is due, and suspend/resume/delete. */
export function Cards() {
  const { url, route } = useLocation();
  const documentId = new URLSearchParams(url.split('?')[1] ?? '').get('document');
  const docs = useLoad(() => listDocuments('', false), []);
  const cards = useLoad(() => listCards(documentId), [documentId]);
  const [error, setError] = useState<unknown>();
  const act = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      queueChanged();
      cards.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Page title="Review cards">
      <ReviewNav />
      <label>
        Document{' '}
        <select value={documentId ?? ''} onChange={(e) => route(e.currentTarget.value ? `/review/cards?document=${e.currentTarget.value}` : '/review/cards')}>
          <option value="">All documents</option>
          {(docs.data?.items ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      <ErrorLine error={cards.error ?? error} />
      {cards.data && (
        <p class="meta">
          {cards.data.total} {cards.data.total === 1 ? 'card' : 'cards'}
          {cards.data.total > cards.data.items.length ? ` (the newest ${cards.data.items.length} shown)` : ''}
        </p>
      )}
      {cards.data && cards.data.items.length === 0 && <p>No cards yet. Missed quiz questions become cards, and you can save a question or a citation as one.</p>}
      <ul class="cards" aria-label="Cards">
        {(cards.data?.items ?? []).map((c) => (
          <CardRow key={c.id} card={c} act={act} />
        ))}
      </ul>
    </Page>
  );
}

function CardRow({ card, act }: { card: Card; act: (work: () => Promise<unknown>) => Promise<void> }) {
  const source = card.source;
  // A card whose document was deleted stays suspended: quiz-service refuses to resume it.
  const resumable = card.suspendedReason !== 'document_deleted';
  return (
    <li class="card" data-suspended={card.suspended}>
      <p>
        <strong>{card.prompt}</strong>
      </p>
      <p>Answer: {card.answer}</p>
      <p class="meta">
        {card.suspended ? `suspended${card.suspendedReason === 'document_deleted' ? ' (its document was deleted)' : ''}` : card.state}
        {!card.suspended && card.state !== 'new' ? ` · due ${new Date(card.due).toLocaleDateString()} · recall now ${Math.round(card.retrievability * 100)}%` : ''}
        {source && (
          <>
            {' · '}
            <a href={readerLink({ documentId: source.documentId, page: source.page, startOffset: source.startOffset, endOffset: source.endOffset })}>
              {source.title}, page {source.page}
            </a>
          </>
        )}
      </p>
      <div class="row">
        {card.suspended ? (
          resumable && (
            <button type="button" onClick={() => act(() => unsuspendCard(card.id))} aria-label={`Resume the card: ${card.prompt}`}>
              Resume
            </button>
          )
        ) : (
          <button type="button" onClick={() => act(() => suspendCard(card.id))} aria-label={`Suspend the card: ${card.prompt}`}>
            Suspend
          </button>
        )}
        <button
          type="button"
          class="danger"
          aria-label={`Delete the card: ${card.prompt}`}
          onClick={() => confirm('Delete this card and its review history?') && act(() => deleteCard(card.id))}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

import { useState } from 'preact/hooks';
import { ErrorLine, Page, useLoad } from '../../lib/ui';
import { readerLink } from '../study/api';
import { queue, queueChanged, RATINGS, review, type QueuedCard, type Rating, type ReviewResult } from './api';
import { formatInterval, suggestRating } from './intervals';
import { ReviewNav } from './ReviewNav';

export function ReviewQueue() {
  const due = useLoad(() => queue(), []);
  const [last, setLast] = useState<ReviewResult>();
  const [error, setError] = useState<unknown>();
  const q = due.data;
  const current = q?.items[0];
  return (
    <Page title="Review">
      <ReviewNav />
      <ErrorLine error={due.error ?? error} />
      {q && (
        <p class="meta" id="queue-counts">
          {q.dueCount} due · {q.newCount} new today · {q.reviewsLeft} reviews and {q.newLeft} new cards left of today's limits
        </p>
      )}
      {last && <LastReview result={last} />}
      {q && !current && (
        <p role="status" id="queue-empty">
          Nothing to review right now. Missed quiz questions and cards you save come back here when they are due.
        </p>
      )}
      {current && (
        <ReviewCard
          key={current.card.id}
          queued={current}
          rate={async (rating, answer) => {
            setError(undefined);
            try {
              setLast(await review(current.card.id, rating, answer));
              queueChanged();
              due.reload();
            } catch (e) {
              setError(e);
            }
          }}
        />
      )}
    </Page>
  );
}

function LastReview({ result }: { result: ReviewResult }) {
  const label = RATINGS.find(([r]) => r === result.rating)?.[1] ?? result.rating;
  const graded = result.answerCorrect == null ? '' : result.answerCorrect ? ' Your typed answer was graded right.' : ' Your typed answer was graded wrong.';
  return (
    <p role="status" class="meta" id="last-review">
      Rated {label}: next review {result.scheduledDays > 0 ? `in ${result.scheduledDays} ${result.scheduledDays === 1 ? 'day' : 'days'}` : `at ${new Date(result.card.due).toLocaleTimeString()}`}.
      {graded}
    </p>
  );
}

function ReviewCard({ queued, rate }: { queued: QueuedCard; rate: (rating: Rating, answer?: string) => Promise<void> }) {
  const { card, next } = queued;
  const [typed, setTyped] = useState('');
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  // Previews are due times: the interval is counted from when the card was revealed, as the buttons are then read.
  const [now, setNow] = useState(Date.now());
  const suggested = revealed ? suggestRating(typed, card.answer, card.options) : null;
  const source = card.source;
  return (
    <article class="card review-card" aria-labelledby="card-prompt" data-state={card.state} data-card-id={card.id}>
      <p class="meta">
        {card.state === 'new' ? 'New card' : `${card.state} · reviewed ${card.reps} ${card.reps === 1 ? 'time' : 'times'}`}
        {card.topic ? ` · ${card.topic}` : ''}
      </p>
      <h2 id="card-prompt">{card.prompt}</h2>
      {card.options && card.options.length > 0 && (
        <ol class="options" type="a">
          {card.options.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ol>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setNow(Date.now());
          setRevealed(true);
        }}
      >
        <label>
          Your answer (optional)
          <input value={typed} disabled={revealed} onInput={(e) => setTyped(e.currentTarget.value)} autocomplete="off" />
        </label>
        {!revealed && <button type="submit">Show answer</button>}
      </form>
      {revealed && (
        <>
          <div class="answer-key" id="card-answer">
            <p>
              <strong>Answer:</strong> {card.answer}
            </p>
            {card.explanation && <p>{card.explanation}</p>}
            {source && (
              <p class="meta">
                From{' '}
                <a href={readerLink({ documentId: source.documentId, page: source.page, startOffset: source.startOffset, endOffset: source.endOffset })}>
                  {source.title}, page {source.page}
                </a>
                {source.passage ? <>: “{source.passage}”</> : null}
              </p>
            )}
          </div>
          {suggested && (
            <p class="meta" role="status">
              Your answer {suggested === 'good' ? 'matches the answer' : 'differs from the answer'}: {suggested === 'good' ? 'Good' : 'Again'} suggested.
            </p>
          )}
          <div class="ratings" role="group" aria-label="How well did you remember?">
            {RATINGS.map(([rating, label]) => (
              <button
                key={rating}
                type="button"
                class={suggested === rating ? 'suggested' : undefined}
                disabled={busy}
                onClick={() => {
                  setBusy(true);
                  void rate(rating, typed.trim() || undefined).finally(() => setBusy(false));
                }}
              >
                {label} <span class="interval">{formatInterval(next[rating], now)}</span>
              </button>
            ))}
          </div>
        </>
      )}
    </article>
  );
}

import { useRoute } from 'preact-iso';
import { ErrorLine, Page, useLoad } from '../../lib/ui';
import { readerLink } from '../study/api';
import { cardFromQuestion } from '../review/api';
import { SaveCardButton } from '../review/SaveCardButton';
import { getAttempt } from './api';

export function AttemptResult() {
  const { params } = useRoute();
  const attempt = useLoad(() => getAttempt(params.quizId, params.attemptId), [params.attemptId]);
  const a = attempt.data;
  return (
    <Page title="Your results">
      <p class="meta">
        <a href={`/quizzes/${params.quizId}`}>Back to the quiz</a>
      </p>
      <ErrorLine error={attempt.error} />
      {a && (
        <>
          <p class="score" role="status">
            Score: {a.score} / {a.maxScore} ({Math.round(a.percent)}%)
          </p>
          <ol class="results">
            {(a.results ?? []).map((r) => (
              <li key={r.questionId} class={`card ${r.correct ? 'right' : 'wrong'}`}>
                <p>
                  <strong>{r.correct ? '✓ Correct' : '✗ Not quite'}</strong> — {r.prompt}
                </p>
                <p>
                  Your answer: {r.yourAnswer ?? '(none)'}
                  {!r.correct && r.correctAnswer ? ` · right answer: ${r.correctAnswer}` : ''}
                </p>
                {r.explanation && <p>{r.explanation}</p>}
                {r.source && !r.source.documentDeleted && (
                  <p class="meta">
                    Source:{' '}
                    <a href={readerLink({ documentId: r.source.documentId, page: r.source.page, startOffset: r.source.startOffset, endOffset: r.source.endOffset })}>
                      {r.source.title}, page {r.source.page}
                    </a>
                  </p>
                )}
                {/* a missed question is a card already (quiz-service makes it with the attempt) */}
                {r.correct && <SaveCardButton label={`Save as card: ${r.prompt}`} save={() => cardFromQuestion(r.questionId)} />}
              </li>
            ))}
          </ol>
        </>
      )}
    </Page>
  );
}

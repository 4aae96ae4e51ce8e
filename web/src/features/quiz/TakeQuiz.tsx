import { useLocation, useRoute } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import { ErrorLine, Page, useLoad } from '../../lib/ui';
import { readerLink } from '../study/api';
import { queueChanged } from '../review/api';
import { getQuiz, listAttempts, submitAttempt, type Question } from './api';

export function TakeQuiz() {
  const { params } = useRoute();
  const quizId = params.quizId;
  const quiz = useLoad(() => getQuiz(quizId), [quizId]);
  const attempts = useLoad(() => listAttempts(quizId), [quizId]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [oneAtATime, setOneAtATime] = useState(true);
  const [current, setCurrent] = useState(0);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const startedAt = useRef(Date.now());
  const { route } = useLocation();
  const questions = quiz.data?.questions ?? [];

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const attempt = await submitAttempt(
        quizId,
        Object.entries(answers)
          .filter(([, a]) => a.trim() !== '')
          .map(([questionId, answer]) => ({ questionId, answer })),
        Math.min(86_400, Math.round((Date.now() - startedAt.current) / 1000)),
      );
      queueChanged(); // the questions missed are review cards now
      route(`/quizzes/${quizId}/attempts/${attempt.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const shown = oneAtATime ? questions.slice(current, current + 1) : questions;
  return (
    <Page title={quiz.data?.title ?? 'Quiz'}>
      <p class="meta">
        <a href="/quizzes">All quizzes</a>
        {quiz.data && ` · ${quiz.data.questionCount} questions · ${quiz.data.difficulty}`}
      </p>
      <ErrorLine error={quiz.error} />
      {quiz.data?.generation?.shortfall && (
        <p class="notice">
          Only {quiz.data.generation.shortfall.produced} of {quiz.data.generation.shortfall.requested} questions could be made:{' '}
          {quiz.data.generation.shortfall.reason}
        </p>
      )}
      {questions.length > 0 && (
        <form class="quiz" onSubmit={submit}>
          <label class="inline">
            <input type="checkbox" checked={oneAtATime} onChange={(e) => setOneAtATime(e.currentTarget.checked)} /> One question at a time
          </label>
          {shown.map((q) => (
            <QuestionField key={q.id} question={q} value={answers[q.id] ?? ''} onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))} />
          ))}
          {oneAtATime && (
            <div class="actions">
              <button type="button" class="secondary" disabled={current === 0} onClick={() => setCurrent((c) => c - 1)}>
                Previous question
              </button>
              <span>
                {current + 1} of {questions.length}
              </span>
              <button type="button" class="secondary" disabled={current >= questions.length - 1} onClick={() => setCurrent((c) => c + 1)}>
                Next question
              </button>
            </div>
          )}
          <ErrorLine error={error} />
          <button type="submit" disabled={busy}>
            Submit answers
          </button>
        </form>
      )}
      <h2>Attempts</h2>
      {attempts.data && attempts.data.items.length === 0 && <p>No attempts yet.</p>}
      <ul aria-label="Attempts">
        {(attempts.data?.items ?? []).map((a) => (
          <li key={a.id}>
            <a href={`/quizzes/${quizId}/attempts/${a.id}`}>
              {new Date(a.completedAt).toLocaleString()}: {a.score} / {a.maxScore} ({Math.round(a.percent)}%)
            </a>
          </li>
        ))}
      </ul>
    </Page>
  );
}

function QuestionField({ question, value, onChange }: { question: Question; value: string; onChange: (v: string) => void }) {
  const name = `q-${question.id}`;
  const source = question.source;
  return (
    <fieldset class="card question" data-type={question.type}>
      <legend>
        {question.position}. {question.prompt}
      </legend>
      {question.type === 'multiple_choice' || question.type === 'true_false' ? (
        (question.options ?? []).map((option) => (
          <label class="inline option" key={option}>
            <input
              type="radio"
              name={name}
              value={question.type === 'true_false' ? option.toLowerCase() : option}
              checked={value === (question.type === 'true_false' ? option.toLowerCase() : option)}
              onChange={(e) => onChange(e.currentTarget.value)}
            />{' '}
            {option}
          </label>
        ))
      ) : (
        <label>
          Your answer
          <input name={name} maxLength={2000} value={value} onInput={(e) => onChange(e.currentTarget.value)} />
        </label>
      )}
      {source && !source.documentDeleted && (
        <p class="meta">
          From <a href={readerLink({ documentId: source.documentId, page: source.page })}>{source.title}, page {source.page}</a>
        </p>
      )}
    </fieldset>
  );
}

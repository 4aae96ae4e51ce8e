import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ErrorLine, Page, useLoad } from '../../lib/ui';
import { DocumentPicker } from '../library/DocumentPicker';
import { generateQuiz, listQuizzes, QUESTION_TYPES, type QuestionType } from './api';

export function Quizzes() {
  const quizzes = useLoad(listQuizzes, []);
  const [selected, setSelected] = useState<string[]>([]);
  const [count, setCount] = useState(5);
  const [difficulty, setDifficulty] = useState('medium');
  const [types, setTypes] = useState<QuestionType[]>(QUESTION_TYPES.map(([t]) => t));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const { route } = useLocation();

  const generate = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const quiz = await generateQuiz(selected, count, difficulty, types);
      route(`/quizzes/${quiz.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="Quizzes">
      <form class="card" onSubmit={generate}>
        <h2>Generate a quiz</h2>
        <DocumentPicker legend="From these documents" selected={selected} onChange={setSelected} />
        <div class="row">
          <label>
            Questions
            <input type="number" min={1} max={50} value={count} onInput={(e) => setCount(Number(e.currentTarget.value))} />
          </label>
          <label>
            Difficulty
            <select value={difficulty} onChange={(e) => setDifficulty(e.currentTarget.value)}>
              <option value="easy">Easy</option>
              <option value="medium">Medium</option>
              <option value="hard">Hard</option>
            </select>
          </label>
        </div>
        <fieldset>
          <legend>Question types</legend>
          {QUESTION_TYPES.map(([type, label]) => (
            <label class="inline" key={type}>
              <input
                type="checkbox"
                checked={types.includes(type)}
                onChange={(e) => setTypes((t) => (e.currentTarget.checked ? [...t, type] : t.filter((x) => x !== type)))}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <ErrorLine error={error} />
        <button type="submit" disabled={busy || selected.length === 0 || types.length === 0}>
          {busy ? 'Generating…' : 'Generate'}
        </button>
      </form>
      <h2>Your quizzes</h2>
      <ErrorLine error={quizzes.error} />
      {quizzes.data && quizzes.data.items.length === 0 && <p>No quizzes yet.</p>}
      <ul class="quizzes" aria-label="Quizzes">
        {(quizzes.data?.items ?? []).map((q) => (
          <li key={q.id} class="card">
            <a href={`/quizzes/${q.id}`}>{q.title}</a>{' '}
            <span class="meta">
              {q.questionCount} questions · {q.difficulty} · {q.attemptCount} attempts
              {q.bestPercent != null ? ` · best ${Math.round(q.bestPercent)}%` : ''}
            </span>
          </li>
        ))}
      </ul>
    </Page>
  );
}

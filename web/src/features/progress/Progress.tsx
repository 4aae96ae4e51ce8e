import { useEffect, useRef } from 'preact/hooks';
import { ErrorLine, Page, useLoad } from '../../lib/ui';
import { listQuizzes } from '../quiz/api';
import { readerLink } from '../study/api';
import { getSettings } from '../review/api';
import { activity, overview, queryStats, quizPerformance, reviewStatistics, type ReviewStatistics } from './api';
import { drawChart } from './charts';

function ChartBox({ label, draw }: { label: string; draw: (canvas: HTMLCanvasElement) => () => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  // Drawn once per mount: the parent remounts it (key) when its data changes.
  useEffect(() => (ref.current ? draw(ref.current) : undefined), []);
  return (
    <figure class="chart">
      <div class="chart-box">
        <canvas ref={ref} role="img" aria-label={label} />
      </div>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

const dayCount = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export function Progress() {
  const summary = useLoad(overview, []);
  const days = useLoad(activity, []);
  const quizzes = useLoad(quizPerformance, []);
  const queries = useLoad(queryStats, []);
  const perQuiz = useLoad(listQuizzes, []);
  const reviews = useLoad(reviewStatistics, []);
  // The desired retention is only drawn beside a true one: no call for it before there is one.
  const hasRetention = reviews.data?.trueRetention != null;
  const reviewSettings = useLoad(() => (hasRetention ? getSettings() : Promise.resolve(undefined)), [hasRetention]);
  const taken = (perQuiz.data?.items ?? []).filter((q) => q.bestPercent != null);
  const o = summary.data;
  const series = days.data?.series ?? [];
  const scores = quizzes.data?.scoresOverTime ?? [];
  return (
    <Page title="Your progress">
      <ErrorLine error={summary.error ?? days.error ?? quizzes.error} />
      {o && (
        <dl class="stats">
          <div><dt>Documents</dt><dd>{o.documentsIndexed}</dd></div>
          <div><dt>Questions asked</dt><dd>{o.questionsAsked}</dd></div>
          <div><dt>Quizzes taken</dt><dd>{o.quizzesTaken}</dd></div>
          <div><dt>Average score</dt><dd>{o.averageScore != null ? `${Math.round(o.averageScore)}%` : '–'}</dd></div>
          <div><dt>Minutes studied</dt><dd>{o.minutesStudied}</dd></div>
          <div><dt>Streak</dt><dd>{dayCount(o.currentStreakDays)} (best {dayCount(o.longestStreakDays)})</dd></div>
        </dl>
      )}
      {days.data && (
        <ChartBox
          key={`a${series.length}`}
          label="Activity per day: questions asked and quizzes taken"
          draw={(c) =>
            drawChart(c, 'bar', series.map((p) => p.periodStart.slice(5)), [
              { label: 'Questions', data: series.map((p) => p.questionsAsked) },
              { label: 'Quizzes', data: series.map((p) => p.quizzesTaken) },
            ])
          }
        />
      )}
      {quizzes.data && (
        <ChartBox
          key={`s${scores.length}`}
          label="Quiz scores over time (percent)"
          draw={(c) =>
            drawChart(c, 'line', scores.map((s) => new Date(s.completedAt).toLocaleDateString()), [{ label: 'Score %', data: scores.map((s) => s.percent) }], 100)
          }
        />
      )}
      {taken.length > 0 && (
        <ChartBox
          key={`q${taken.length}`}
          label="Best score per quiz (percent)"
          draw={(c) => drawChart(c, 'bar', taken.map((q) => q.title), [{ label: 'Best %', data: taken.map((q) => q.bestPercent) }], 100)}
        />
      )}
      <ReviewCharts stats={reviews.data} desired={reviewSettings.data?.desiredRetention} />
      <h2>Weak topics</h2>
      {quizzes.data && quizzes.data.weakestTopics.length === 0 && <p>No weak topics yet — take a few quizzes.</p>}
      <ul>
        {(quizzes.data?.weakestTopics ?? []).map((t) => (
          <li key={t.topic}>
            <strong>{t.topic}</strong>: {Math.round(t.accuracyPercent)}% right — review{' '}
            {t.review.map((r) => (
              <a key={r.documentId} href={readerLink({ documentId: r.documentId, page: r.pages[0] ?? 1 })}>
                {r.title} (pages {r.pages.join(', ')}){' '}
              </a>
            ))}
          </li>
        ))}
      </ul>
      <details>
        <summary>Question statistics</summary>
        {queries.data && (
          <p>
            {queries.data.questions} questions
            {queries.data.latencyMs ? ` · answer time p50 ${Math.round(queries.data.latencyMs.p50)} ms, p95 ${Math.round(queries.data.latencyMs.p95)} ms` : ''}
            {queries.data.cacheHitRate != null ? ` · ${Math.round(queries.data.cacheHitRate * 100)}% from cache` : ''} · verdicts:{' '}
            {Object.entries(queries.data.verdicts)
              .map(([v, n]) => `${v} ${n}`)
              .join(', ')}
          </p>
        )}
      </details>
    </Page>
  );
}

/** Spaced review: true retention beside the desired one, and how many cards fall due on each of the next 30 days. */
function ReviewCharts({ stats, desired }: { stats?: ReviewStatistics; desired?: number }) {
  if (!stats || stats.reviewsTotal === 0) return null;
  const forecast = stats.dueForecast;
  return (
    <>
      <h2>Spaced review</h2>
      <p class="meta">
        {stats.reviewsTotal} reviews of {stats.cardsReviewed} cards · {stats.dueNow} due now
        {stats.trueRetention != null ? ` · true retention ${stats.trueRetention}% over ${stats.retentionReviews} reviews` : ' · true retention: no review on a day interval yet'}
      </p>
      {stats.trueRetention != null && desired != null && (
        <ChartBox
          key={`r${stats.trueRetention}-${desired}`}
          label="Retention: true (last 30 days) and desired (percent)"
          draw={(c) => drawChart(c, 'bar', ['True retention', 'Desired retention'], [{ label: 'Retention %', data: [stats.trueRetention ?? 0, Math.round(desired * 100)] }], 100)}
        />
      )}
      <ChartBox
        key={`f${forecast.length}-${forecast.reduce((n, d) => n + d.due, 0)}`}
        label="Cards due per day, the next 30 days (overdue ones on today)"
        draw={(c) => drawChart(c, 'bar', forecast.map((d) => d.day.slice(5)), [{ label: 'Cards due', data: forecast.map((d) => d.due) }])}
      />
    </>
  );
}

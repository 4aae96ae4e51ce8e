import { api } from '../../lib/api';
import type { Schema } from '../../lib/schema';

export type Overview = Schema<'Overview'>;
export type ActivityPoint = Schema<'ActivityPoint'>;
export type WeakTopic = Omit<Schema<'WeakTopic'>, 'review'> & { review: Schema<'Review'>[] };
export type QuizPerformance = {
  scoresOverTime: Schema<'AttemptScore'>[];
  perTopic: Schema<'TopicPerformance'>[];
  weakestTopics: WeakTopic[];
};
export type ReviewStatistics = Omit<Schema<'ReviewStatistics'>, 'trueRetention' | 'dueForecast'> & {
  trueRetention?: number | null;
  dueForecast: Schema<'DayDue'>[];
};
export type QueryStats = Omit<Schema<'QueryStatistics'>, 'latencyMs'> & { latencyMs?: Schema<'Latency'> | null };

const tz = () => encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');

export const overview = () => api.get<Overview>(`/api/v1/analytics/overview?tz=${tz()}`);
export const activity = () => api.get<Omit<Schema<'ActivitySeries'>, 'series'> & { series: ActivityPoint[] }>(`/api/v1/analytics/activity?granularity=day&tz=${tz()}`);
export const quizPerformance = () => api.get<QuizPerformance>('/api/v1/analytics/quiz-performance');
export const queryStats = () => api.get<QueryStats>(`/api/v1/analytics/queries?tz=${tz()}`);
export const reviewStatistics = () => api.get<ReviewStatistics>(`/api/v1/analytics/review?tz=${tz()}`);

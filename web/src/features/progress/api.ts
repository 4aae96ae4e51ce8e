import { api } from '../../lib/api';

export interface Overview {
  documentsIndexed: number;
  pagesIndexed: number;
  questionsAsked: number;
  quizzesTaken: number;
  averageScore?: number | null;
  bestScore?: number | null;
  minutesStudied: number;
  currentStreakDays: number;
  longestStreakDays: number;
}

export interface ActivityPoint {
  periodStart: string;
  questionsAsked: number;
  quizzesTaken: number;
  minutesStudied: number;
}

export interface QuizPerformance {
  scoresOverTime: { attemptId: string; quizId: string; completedAt: string; percent: number }[];
  perTopic: { topic: string; correct: number; total: number; accuracyPercent: number }[];
  weakestTopics: { topic: string; accuracyPercent: number; review: { documentId: string; title: string; missed: number; pages: number[] }[] }[];
}

export interface QueryStats {
  questions: number;
  latencyMs?: { mean: number; p50: number; p95: number; p99: number } | null;
  cacheHitRate?: number | null;
  verdicts: Record<string, number>;
}

const tz = () => encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');

export const overview = () => api.get<Overview>(`/api/v1/analytics/overview?tz=${tz()}`);
export const activity = () => api.get<{ series: ActivityPoint[] }>(`/api/v1/analytics/activity?granularity=day&tz=${tz()}`);
export const quizPerformance = () => api.get<QuizPerformance>('/api/v1/analytics/quiz-performance');
export const queryStats = () => api.get<QueryStats>(`/api/v1/analytics/queries?tz=${tz()}`);

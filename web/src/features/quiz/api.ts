import { api } from '../../lib/api';
import type { PageOf } from '../library/api';
import type { Schema } from '../../lib/schema';

export type QuestionType = 'multiple_choice' | 'true_false' | 'fill_in_blank' | 'short_answer';
export const QUESTION_TYPES: [QuestionType, string][] = [
  ['multiple_choice', 'Multiple choice'],
  ['true_false', 'True / false'],
  ['fill_in_blank', 'Fill in the blank'],
  ['short_answer', 'Short answer'],
];

export type Source = Schema<'SourceView'>;
export type Question = Omit<Schema<'QuestionView'>, 'type' | 'source' | 'options'> & {
  type: QuestionType;
  source?: Source | null;
  options?: string[] | null;
};
export type Quiz = Omit<Schema<'QuizView'>, 'questions' | 'generation'> & {
  questions: Question[];
  generation?: { shortfall?: Schema<'Shortfall'> | null } | null;
};
export type QuizSummary = Schema<'QuizSummaryView'>;
export type QuestionResult = Omit<Schema<'QuestionResultView'>, 'type' | 'source'> & { type: QuestionType; source?: Source | null };
export type Attempt = Omit<Schema<'AttemptView'>, 'results'> & { results?: QuestionResult[] };
export type AttemptSummary = Schema<'AttemptSummaryView'>;

export const listQuizzes = () => api.get<PageOf<QuizSummary>>('/api/v1/quiz?size=50');
export const getQuiz = (id: string) => api.get<Quiz>(`/api/v1/quiz/${id}`);
export const generateQuiz = (documentIds: string[], count: number, difficulty: string, types: QuestionType[]) =>
  api.post<Quiz>('/api/v1/quiz/generate', { documentIds, count, difficulty, types });
export const submitAttempt = (id: string, answers: { questionId: string; answer: string }[], timeSpentSeconds: number) =>
  api.post<Attempt>(`/api/v1/quiz/${id}/attempts`, { answers, timeSpentSeconds });
export const listAttempts = (id: string) => api.get<PageOf<AttemptSummary>>(`/api/v1/quiz/${id}/attempts?size=50`);
export const getAttempt = (id: string, attemptId: string) => api.get<Attempt>(`/api/v1/quiz/${id}/attempts/${attemptId}`);

import { api } from '../../lib/api';
import type { PageOf } from '../library/api';

export type QuestionType = 'multiple_choice' | 'true_false' | 'fill_in_blank' | 'short_answer';
export const QUESTION_TYPES: [QuestionType, string][] = [
  ['multiple_choice', 'Multiple choice'],
  ['true_false', 'True / false'],
  ['fill_in_blank', 'Fill in the blank'],
  ['short_answer', 'Short answer'],
];

export interface Source {
  documentId: string;
  title: string;
  page: number;
  passage: string;
  passageMasked: boolean;
  startOffset?: number | null;
  endOffset?: number | null;
  documentDeleted: boolean;
}

export interface Question {
  id: string;
  position: number;
  type: QuestionType;
  prompt: string;
  options?: string[] | null;
  topic?: string | null;
  source?: Source | null;
}

export interface Quiz {
  id: string;
  title: string;
  difficulty: string;
  questionCount: number;
  questions: Question[];
  generation?: { shortfall?: { requested: number; produced: number; reason: string } | null } | null;
}

export interface QuizSummary {
  id: string;
  title: string;
  difficulty: string;
  questionCount: number;
  attemptCount: number;
  bestPercent?: number | null;
  createdAt: string;
}

export interface QuestionResult {
  questionId: string;
  position: number;
  type: QuestionType;
  prompt: string;
  yourAnswer?: string | null;
  correct: boolean;
  grading: string;
  correctAnswer?: string | null;
  explanation?: string | null;
  page: number;
  source?: Source | null;
}

export interface Attempt {
  id: string;
  quizId: string;
  score: number;
  maxScore: number;
  percent: number;
  timeSpentSeconds: number;
  completedAt: string;
  results?: QuestionResult[];
}

export const listQuizzes = () => api.get<PageOf<QuizSummary>>('/api/v1/quiz?size=50');
export const getQuiz = (id: string) => api.get<Quiz>(`/api/v1/quiz/${id}`);
export const generateQuiz = (documentIds: string[], count: number, difficulty: string, types: QuestionType[]) =>
  api.post<Quiz>('/api/v1/quiz/generate', { documentIds, count, difficulty, types });
export const submitAttempt = (id: string, answers: { questionId: string; answer: string }[], timeSpentSeconds: number) =>
  api.post<Attempt>(`/api/v1/quiz/${id}/attempts`, { answers, timeSpentSeconds });
export const listAttempts = (id: string) => api.get<PageOf<Attempt>>(`/api/v1/quiz/${id}/attempts?size=50`);
export const getAttempt = (id: string, attemptId: string) => api.get<Attempt>(`/api/v1/quiz/${id}/attempts/${attemptId}`);

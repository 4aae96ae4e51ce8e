import { api } from '../../lib/api';
import type { PageOf } from '../library/api';
import type { Schema } from '../../lib/schema';

export type Rating = 'again' | 'hard' | 'good' | 'easy';
export const RATINGS: [Rating, string][] = [
  ['again', 'Again'],
  ['hard', 'Hard'],
  ['good', 'Good'],
  ['easy', 'Easy'],
];
export type CardState = 'new' | 'learning' | 'review' | 'relearning';

export type CardSource = Schema<'CardSourceView'>;
export type Card = Omit<Schema<'CardView'>, 'state' | 'source' | 'options'> & {
  state: CardState;
  source?: CardSource | null;
  options?: string[] | null;
};
/** A queued card and, per rating, the due time that rating would give now (quiz-service previews them). */
export type QueuedCard = { card: Card; next: Record<Rating, string> };
export type Queue = Omit<Schema<'QueueView'>, 'items'> & { items: QueuedCard[] };
export type ReviewResult = Omit<Schema<'ReviewResultView'>, 'card' | 'rating' | 'suggestedRating'> & {
  card: Card;
  rating: Rating;
  suggestedRating?: Rating | null;
};
export type ReviewSettings = Schema<'SettingsView'>;

const BASE = '/api/v1/quiz/review';
/** The due count in the navigation reads the queue up to this many cards ("100+" beyond). */
export const NAV_QUEUE_LIMIT = 100;

export const queue = (limit = 50) => api.get<Queue>(`${BASE}/queue?limit=${limit}`);
export const review = (cardId: string, rating: Rating, answer?: string) =>
  api.post<ReviewResult>(`${BASE}/cards/${cardId}/reviews`, answer ? { rating, answer } : { rating });

export function listCards(documentId: string | null, page = 0): Promise<PageOf<Card>> {
  const params = new URLSearchParams({ page: String(page), size: '50' });
  if (documentId) params.set('documentId', documentId);
  return api.get(`${BASE}/cards?${params}`);
}
export const suspendCard = (id: string) => api.post<Card>(`${BASE}/cards/${id}/suspend`, {});
export const unsuspendCard = (id: string) => api.post<Card>(`${BASE}/cards/${id}/unsuspend`, {});
export const deleteCard = (id: string) => api.del(`${BASE}/cards/${id}`);

export const cardFromQuestion = (questionId: string) => api.post<Card>(`${BASE}/cards/from-question`, { questionId });
export const cardFromCitation = (c: { documentId: string; page: number; quote: string; startOffset?: number | null; endOffset?: number | null }) =>
  api.post<Card>(`${BASE}/cards/from-citation`, {
    documentId: c.documentId,
    page: c.page,
    quote: c.quote,
    ...(c.startOffset != null && c.endOffset != null ? { startOffset: c.startOffset, endOffset: c.endOffset } : {}),
  });

export const getSettings = () => api.get<ReviewSettings>(`${BASE}/settings`);
export const saveSettings = (s: Partial<ReviewSettings>) => api.put<ReviewSettings>(`${BASE}/settings`, s);

/** Reviews, suspensions and new cards change the due count in the navigation: it listens for this event. */
export const QUEUE_CHANGED = 'lectavera:review-queue-changed';
export const queueChanged = () => window.dispatchEvent(new Event(QUEUE_CHANGED));

import { api } from '../../lib/api';
import type { PageOf } from '../library/api';
import type { Schema } from '../../lib/schema';

export type StudySession = Omit<Schema<'SessionView'>, 'status'> & { status: 'ACTIVE' | 'ARCHIVED' };
export type Citation = Schema<'Citation'>;
export type Verdict = 'CORRECT' | 'AMBIGUOUS' | 'NOT_FOUND';
/** A chat message; a question streamed in a `thinking` event has only its id, content and time. */
export type Message = Pick<Schema<'MessageView'>, 'id' | 'content' | 'createdAt'> &
  Partial<Pick<Schema<'MessageView'>, 'model' | 'cached'>> & {
    role: 'USER' | 'ASSISTANT';
    verdict?: Verdict | null;
    citations?: Citation[] | null;
  };

export const listSessions = (status: 'ACTIVE' | 'ARCHIVED') =>
  api.get<PageOf<StudySession>>(`/api/v1/study/sessions?status=${status}&size=50`);
export const getSession = (id: string) => api.get<StudySession>(`/api/v1/study/sessions/${id}`);
export const createSession = (title: string, documentIds: string[]) =>
  api.post<StudySession>('/api/v1/study/sessions', { title, documentIds });
export const archiveSession = (id: string) => api.post(`/api/v1/study/sessions/${id}/archive`);
export const deleteSession = (id: string) => api.del(`/api/v1/study/sessions/${id}`);
export const history = (id: string) =>
  api.get<{ session: StudySession; messages: Message[]; hasMore: boolean }>(`/api/v1/study/sessions/${id}/history?limit=100`);
export const messagesAfter = (id: string, after?: string) =>
  api.get<{ items: Message[]; hasMore: boolean }>(`/api/v1/study/sessions/${id}/messages?limit=50${after ? `&after=${after}` : ''}`);
export const askOverHttp = (id: string, content: string) =>
  api.post<{ question: Message; answer: Message }>(`/api/v1/study/sessions/${id}/messages`, { content });

export async function latestActiveSession(): Promise<string | null> {
  const page = await api.get<PageOf<StudySession>>('/api/v1/study/sessions?status=ACTIVE&size=1');
  return page.items[0]?.id ?? null;
}

/** Where a citation opens: the reader at its page with its span highlighted. */
export function readerLink(c: { documentId: string; page: number; startOffset?: number | null; endOffset?: number | null }): string {
  const params = new URLSearchParams({ page: String(c.page) });
  if (c.startOffset != null && c.endOffset != null) {
    params.set('start', String(c.startOffset));
    params.set('end', String(c.endOffset));
  }
  return `/reader/${c.documentId}?${params}`;
}

import { api, request } from '../../lib/api';
import type { Schema } from '../../lib/schema';

export type DocumentStatus = 'QUEUED' | 'PROCESSING' | 'INDEXED' | 'FAILED' | 'NEEDS_OCR';

export type LibraryDocument = Omit<Schema<'DocumentView'>, 'status'> & { status: DocumentStatus };
export type Progress = Omit<Schema<'StatusView'>, 'status'> & { status: DocumentStatus };
export type Usage = Schema<'UsageView'>;

/** The services' paging envelope ({items, page, size, total}). */
export interface PageOf<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

/** How many of a document's pages were recognised from a scan (document-service's `ocrPages`). */
export const ocrPagesLabel = (n: number) => `${n} ${n === 1 ? 'page' : 'pages'} read by OCR`;

export const isSettled = (status: DocumentStatus) => status === 'INDEXED' || status === 'FAILED' || status === 'NEEDS_OCR';

export function listDocuments(q: string, archived: boolean, page = 0): Promise<PageOf<LibraryDocument>> {
  const params = new URLSearchParams({ page: String(page), size: '50' });
  if (q) params.set('q', q);
  if (archived) params.set('archived', 'true');
  return api.get(`/api/v1/documents?${params}`);
}

export const usage = () => api.get<Usage>('/api/v1/documents/usage');
export const status = (id: string) => api.get<Progress>(`/api/v1/documents/${id}/status`);
export const getDocument = (id: string) => api.get<LibraryDocument>(`/api/v1/documents/${id}`);
export const updateDocument = (id: string, change: Partial<Pick<LibraryDocument, 'title' | 'tags' | 'archived' | 'category'>>) =>
  api.patch<LibraryDocument>(`/api/v1/documents/${id}`, change);
export const deleteDocument = (id: string) => api.del(`/api/v1/documents/${id}`);
export const pageText = (id: string, page: number) =>
  api.get<Schema<'PageView'>>(`/api/v1/documents/${id}/pages/${page}`);

export function upload(file: File): Promise<{ id: string; status: DocumentStatus }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request('POST', '/api/v1/documents', { form });
}

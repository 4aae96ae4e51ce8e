// The one way the app talks to the gateway (same origin): JSON in and out, the access token attached, one silent
// token rotation and retry on a 401, problem+json turned into ApiError, 429 into a RateLimitedError with the wait.
import { TokenStore, type TokenPair } from './tokens';

export interface Problem {
  status?: number;
  title?: string;
  detail?: string;
  code?: string;
  violations?: { field?: string; message?: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title || `Request failed (${status})`);
  }
}

/** 429: the wait the server asked for, from Retry-After (seconds). */
export class RateLimitedError extends ApiError {
  constructor(
    problem: Problem,
    readonly retryAfterSeconds: number,
  ) {
    super(429, problem);
  }
}

async function refreshCall(refreshToken: string): Promise<TokenPair | null> {
  const response = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
  if (response.status === 400 || response.status === 401) return null;
  if (!response.ok) throw new Error(`refresh failed: ${response.status}`);
  return (await response.json()) as TokenPair;
}

export const tokens = new TokenStore({
  refreshCall,
  storage: typeof sessionStorage === 'undefined' ? null : sessionStorage,
});

export interface RequestOptions {
  body?: unknown;
  form?: FormData;
  anonymous?: boolean;
  signal?: AbortSignal;
}

export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (!header) return 60;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? 60 : Math.max(1, Math.ceil((date - now) / 1000));
}

async function send(method: string, path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  return fetch(path, { method, headers, body, signal: options.signal });
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let token = options.anonymous ? null : await tokens.fresh();
  let response = await send(method, path, options, token);
  if (response.status === 401 && !options.anonymous && tokens.hasSession) {
    token = await tokens.rotate();
    if (token) response = await send(method, path, options, token);
  }
  if (response.ok) {
    if (response.status === 204 || response.headers.get('Content-Length') === '0') return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  let problem: Problem = {};
  try {
    problem = (await response.json()) as Problem;
  } catch {
    problem = { title: response.statusText };
  }
  if (response.status === 429) throw new RateLimitedError(problem, retryAfterSeconds(response.headers.get('Retry-After')));
  throw new ApiError(response.status, problem);
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  del: <T>(path: string, body?: unknown) => request<T>('DELETE', path, { body }),
};

/** A human sentence for any error, used by every screen. */
export function describe(error: unknown): string {
  if (error instanceof RateLimitedError) return `Too many requests — please wait ${error.retryAfterSeconds} s and try again.`;
  if (error instanceof ApiError) {
    const fields = error.problem.violations?.map((v) => `${v.field ?? ''} ${v.message ?? ''}`.trim()).join('; ');
    return fields ? `${error.message}: ${fields}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A binary download with the access token (the reader's PDF). */
export async function fetchBytes(path: string): Promise<ArrayBuffer> {
  let token = await tokens.fresh();
  let response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (response.status === 401 && tokens.hasSession && (token = await tokens.rotate())) {
    response = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
  }
  if (!response.ok) throw new ApiError(response.status, { title: `Could not load the file (${response.status})` });
  return response.arrayBuffer();
}

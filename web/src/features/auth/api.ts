import { api, tokens } from '../../lib/api';
import type { TokenPair } from '../../lib/tokens';
import type { Schema } from '../../lib/schema';

export type Me = Schema<'User'>;

export async function signIn(email: string, password: string): Promise<void> {
  tokens.accept(await api.post<TokenPair>('/api/v1/auth/login', { email, password }, { anonymous: true }));
}

export async function signUp(fullName: string, email: string, password: string): Promise<void> {
  await api.post('/api/v1/auth/register', { email, password, fullName }, { anonymous: true });
  await signIn(email, password);
}

export const forgotPassword = (email: string) => api.post('/api/v1/auth/forgot-password', { email }, { anonymous: true });
export const resetPassword = (token: string, newPassword: string) =>
  api.post('/api/v1/auth/reset-password', { token, newPassword }, { anonymous: true });
export const verifyEmail = (token: string) => api.post('/api/v1/auth/verify-email', { token }, { anonymous: true });
export const me = () => api.get<Me>('/api/v1/users/me');
export const deleteAccount = (password: string) => api.del('/api/v1/users/me', { password });

/** Revokes the session server-side (best effort), then forgets the tokens here. */
export async function signOut(): Promise<void> {
  try {
    await api.post('/api/v1/auth/logout', { refreshToken: tokens.currentRefreshToken ?? undefined });
  } catch {
    // Signed out here either way; the access token dies at its expiry.
  }
  tokens.clear('signed_out');
}

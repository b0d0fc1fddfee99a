import { signal } from '@preact/signals';
import { ApiError, send } from '../shared/api.js';
import type { ConsoleKey } from './i18n.js';

export interface Session {
  token: string;
  username: string;
  role: string;
  /** Epoch ms: a token past it is dropped at start rather than tried. */
  expiresAt: number;
}

const KEY = 'orleu.console.session';

function saved(): Session | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    if (value && typeof value.token === 'string' && value.expiresAt > Date.now()) return value;
  } catch {
    // Storage blocked or a broken entry: sign in again.
  }
  return null;
}

/** The organiser's session, kept on this laptop so a reload stays signed in. */
export const session = signal<Session | null>(saved());

function keep(next: Session | null): void {
  session.value = next;
  try {
    if (next) localStorage.setItem(KEY, JSON.stringify(next));
    else localStorage.removeItem(KEY);
  } catch {
    // Kept for this page only.
  }
}

export function signOut(): void {
  keep(null);
}

export async function signIn(username: string, password: string): Promise<void> {
  const answer = await call<{ accessToken: string; expiresIn: number; organiserRole: string }>('/api/auth/login', {
    method: 'POST',
    body: { username, password },
  });
  keep({
    token: answer.accessToken,
    username,
    role: answer.organiserRole,
    expiresAt: Date.now() + answer.expiresIn * 1000,
  });
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON, or a CSV sheet sent as text/csv. */
  body?: unknown;
  csv?: string;
  /** Read the answer as text (CSV exports). */
  text?: boolean;
}

/** An API call with the organiser's token; a 401 signs out (the token expired or the account changed). */
export async function call<T>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: options.text ? 'text/csv' : 'application/json' };
  if (options.csv !== undefined) headers['Content-Type'] = 'text/csv';
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = session.value?.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    const body = options.csv ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    return (await send(path, { method: options.method ?? 'GET', headers, body, cache: 'no-store' }, options.text)) as T;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && token) signOut();
    throw error;
  }
}

/** What to tell the organiser about a failed call: a catalogue key and the server's own words where they help. */
export function failure(error: unknown): { key: ConsoleKey; detail: string } {
  const status = error instanceof ApiError ? error.status : 0;
  const detail = error instanceof ApiError ? error.messages.join('; ') : String(error);
  if (status === 0) return { key: 'err.network', detail };
  if (status === 401) return { key: 'err.unauthenticated', detail };
  if (status === 403) return { key: 'err.forbidden', detail };
  if (status === 404) return { key: 'err.notFound', detail };
  if (status === 409 && /stale|version/i.test(detail)) return { key: 'err.conflict', detail };
  if (status >= 500) return { key: 'err.server', detail };
  return { key: 'err.rule', detail };
}

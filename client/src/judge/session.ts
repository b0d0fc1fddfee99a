import { signal } from '@preact/signals';
import { ApiError, request } from '../shared/api.js';
import { deleteValue, getValue, setValue } from '../shared/storage.js';

/** What the device remembers: the link token renews the access token without typing. */
export interface Session {
  accessToken: string;
  judgeId: string;
  linkToken?: string;
}

export type SignInState =
  | { kind: 'starting' }
  | { kind: 'signedIn'; session: Session }
  | { kind: 'signedOut'; reason?: 'revoked' | 'badCode' | 'offline' | 'expired' };

export const auth = signal<SignInState>({ kind: 'starting' });
const KEY = 'judge.session';

/** `/j/<token>` (the QR code's short form) and `/judge/<token>` (the link the API hands out). */
export function linkToken(pathname: string): string | undefined {
  const match = /^\/(?:j|judge)\/([^/?#]+)/.exec(pathname);
  return match ? decodeURIComponent(match[1]) : undefined;
}

async function exchange(
  body: { token: string } | { accessCode: string },
): Promise<{ accessToken: string; judgeId: string }> {
  return request('/api/auth/judge', { method: 'POST', body });
}

async function remember(session: Session): Promise<void> {
  await setValue(KEY, session);
  auth.value = { kind: 'signedIn', session };
}

/** At start: a link in the address bar signs in (and is then hidden from it); otherwise the remembered session. */
export async function startSession(): Promise<void> {
  const fromLink = linkToken(location.pathname);
  const saved = await getValue<Session>(KEY);
  if (fromLink) {
    // Keep the secret out of the address bar, the history and screenshots.
    history.replaceState(null, '', '/');
    try {
      await remember({ ...(await exchange({ token: fromLink })), linkToken: fromLink });
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      if (status === 0 && saved?.linkToken === fromLink) auth.value = { kind: 'signedIn', session: saved };
      else auth.value = { kind: 'signedOut', reason: status === 0 ? 'offline' : 'revoked' };
    }
    return;
  }
  auth.value = saved ? { kind: 'signedIn', session: saved } : { kind: 'signedOut' };
}

export async function signInWithCode(accessCode: string): Promise<void> {
  try {
    await remember(await exchange({ accessCode: accessCode.trim().toUpperCase() }));
  } catch (error) {
    const status = error instanceof ApiError ? error.status : 0;
    auth.value = { kind: 'signedOut', reason: status === 0 ? 'offline' : 'badCode' };
  }
}

let renewing: Promise<string | undefined> | undefined;

/**
 * After a 401: a new access token from the remembered link. A link the organiser revoked (401/403) signs the device
 * out with the "ask the organiser" message; no network keeps the session for later.
 */
export function renewSession(): Promise<string | undefined> {
  renewing ??= (async () => {
    const state = auth.value;
    if (state.kind !== 'signedIn') return undefined;
    const { linkToken: token } = state.session;
    if (!token) {
      await signOut('expired');
      return undefined;
    }
    try {
      const fresh = await exchange({ token });
      await remember({ ...fresh, linkToken: token });
      return fresh.accessToken;
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      if (status === 401 || status === 403) await signOut('revoked');
      return undefined;
    }
  })().finally(() => (renewing = undefined));
  return renewing;
}

export async function signOut(reason?: 'revoked' | 'expired'): Promise<void> {
  await deleteValue(KEY);
  auth.value = { kind: 'signedOut', reason };
}

export function currentToken(): string | undefined {
  const state = auth.value;
  return state.kind === 'signedIn' ? state.session.accessToken : undefined;
}

import { signal } from '@preact/signals';
import { ApiError, request } from '../shared/api.js';
import { getValue, setValue } from '../shared/storage.js';
import { currentToken, renewSession } from './session.js';
import type { Format, JudgeWork } from './types.js';

export const work = signal<JudgeWork | null>(null);
/** True while the list on screen is the copy saved on the device (no network). */
export const workIsSavedCopy = signal(false);
export const formats = signal<Record<string, Format>>({});

/** A GET with the judge's token, renewing it once on a 401. */
export async function authorised<T>(path: string): Promise<T> {
  try {
    return await request<T>(path, { token: currentToken() });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      const token = await renewSession();
      if (token) return request<T>(path, { token });
    }
    throw error;
  }
}

/** The work list from the server, kept on the device so the app opens with it when the network is down. */
export async function loadWork(): Promise<void> {
  if (!work.value) {
    const saved = await getValue<JudgeWork>('judge.work');
    if (saved) work.value = saved;
  }
  try {
    const fresh = await authorised<JudgeWork>('/api/me/work');
    work.value = fresh;
    workIsSavedCopy.value = false;
    await setValue('judge.work', fresh);
  } catch (error) {
    if (error instanceof ApiError && error.status === 0) workIsSavedCopy.value = !!work.value;
    else throw error;
  }
}

export async function loadFormats(): Promise<void> {
  const saved = await getValue<Record<string, Format>>('formats');
  if (saved) formats.value = saved;
  try {
    const { items } = await request<{ items: Format[] }>('/api/formats');
    formats.value = Object.fromEntries(items.map((f) => [f.key, f]));
    await setValue('formats', formats.value);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 0)) throw error;
  }
}

let pending: ReturnType<typeof setTimeout> | undefined;
/** Live events come in bursts (a draw release touches many rooms): one reload per burst. */
export function reloadSoon(): void {
  if (pending) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = undefined;
    void loadWork().catch(() => undefined);
  }, 200);
}

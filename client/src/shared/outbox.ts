import { signal } from '@preact/signals';
import { ApiError, request } from './api.js';
import { retryDelayMs } from './backoff.js';
import { newIdempotencyKey } from './ids.js';
import { outboxItems, putOutbox, type OutboxItem } from './storage.js';

export interface OutboxAuth {
  token(): string | undefined;
  /** After a 401: get a fresh token (renew from the link) or give up (undefined). */
  renew(): Promise<string | undefined>;
}

/** Every submission this device made, newest last, as stored in IndexedDB. */
export const outbox = signal<OutboxItem[]>([]);

let auth: OutboxAuth | undefined;
let running: Promise<void> | undefined;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;
const accepted = new Set<(item: OutboxItem) => void>();

export function onAccepted(listener: (item: OutboxItem) => void): void {
  accepted.add(listener);
}

async function refresh(): Promise<void> {
  outbox.value = await outboxItems();
}

/**
 * Starts the outbox: loads what an earlier session left and sends it. Triggers that retry at once (resetting the
 * backoff wait): the app starting, the browser going online, the live socket reconnecting, the tab becoming visible.
 */
export async function startOutbox(provider: OutboxAuth): Promise<void> {
  auth = provider;
  await refresh();
  globalThis.addEventListener?.('online', () => flush(true));
  globalThis.document?.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') flush(true);
  });
  flush(true);
}

/** Stores the submission first (its Idempotency-Key with it), then tries to send it. */
export async function submit(
  entry: Pick<OutboxItem, 'method' | 'url' | 'body' | 'label' | 'draftId'>,
): Promise<OutboxItem> {
  const item: OutboxItem = {
    ...entry,
    id: newIdempotencyKey(),
    state: 'saved',
    attempts: 0,
    nextAttemptAt: 0,
    createdAt: Date.now(),
  };
  await putOutbox(item);
  await refresh();
  flush(true);
  return item;
}

let forceNext = false;

/** Sends what is due; `now` also sends items still waiting out their backoff. */
export function flush(now = false): void {
  forceNext ||= now;
  if (running) {
    again = true;
    return;
  }
  const force = forceNext;
  forceNext = false;
  running = (force ? dueNow() : Promise.resolve())
    .then(drain)
    .catch(() => undefined)
    .finally(() => {
      running = undefined;
      if (again) {
        again = false;
        flush();
      }
    });
}

async function dueNow(): Promise<void> {
  for (const item of await outboxItems()) {
    if (item.state === 'saved' && item.nextAttemptAt > Date.now()) await putOutbox({ ...item, nextAttemptAt: 0 });
  }
}

async function drain(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  // Oldest first and one at a time: a corrected ballot must reach the server after the one it corrects.
  for (const item of await outboxItems()) {
    if (item.state === 'accepted' || item.state === 'rejected') continue;
    if (item.nextAttemptAt > Date.now()) break;
    if (!(await send(item))) break;
  }
  await refresh();
  const waiting = outbox.value.filter((i) => i.state === 'saved' || i.state === 'sending');
  if (waiting.length) {
    const next = Math.min(...waiting.map((i) => i.nextAttemptAt));
    timer = setTimeout(() => flush(), Math.max(250, next - Date.now()));
  }
}

/** One attempt; false when the network is down (stop and wait), true to go on with the next item. */
async function send(item: OutboxItem): Promise<boolean> {
  await putOutbox({ ...item, state: 'sending' });
  await refresh();
  let token = auth?.token();
  for (let renewed = false; ; renewed = true) {
    try {
      await request(item.url, { method: item.method, body: item.body, token, idempotencyKey: item.id });
      const done: OutboxItem = { ...item, state: 'accepted', attempts: item.attempts + 1, error: undefined };
      await putOutbox(done);
      for (const listener of accepted) listener(done);
      return true;
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(0, []);
      if (failure.status === 401 && !renewed && auth) {
        token = await auth.renew();
        if (token) continue;
      }
      const attempts = item.attempts + 1;
      // Signed out (and no link to renew from): keep the ballot until the judge signs in again.
      if (failure.meaning.retry || failure.status === 401) {
        await putOutbox({
          ...item,
          state: 'saved',
          attempts,
          nextAttemptAt: Date.now() + retryDelayMs(attempts),
          error: undefined,
        });
        return failure.status !== 0 && failure.status !== 401;
      }
      await putOutbox({
        ...item,
        state: 'rejected',
        attempts,
        error: { status: failure.status, messages: failure.messages, problems: failure.problems },
      });
      return true;
    }
  }
}

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Problem } from './api.js';

/** A write waiting for (or done with) the server; stored before the first attempt so nothing is lost. */
export interface OutboxItem {
  /** The Idempotency-Key, also the record's key. */
  id: string;
  method: 'POST' | 'PUT';
  url: string;
  body: unknown;
  /** What the list shows: a message key and its parameters. */
  label: { key: 'outbox.ballot' | 'outbox.sheet'; params: Record<string, string | number> };
  /** Draft this submission came from. */
  draftId: string;
  state: 'saved' | 'sending' | 'accepted' | 'rejected';
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  /** Rejected: the server's status and messages. */
  error?: { status: number; messages: string[]; problems?: Problem[] };
}

export interface Draft {
  id: string;
  data: unknown;
  updatedAt: number;
}

interface OrleuDb extends DBSchema {
  kv: { key: string; value: unknown };
  drafts: { key: string; value: Draft };
  outbox: { key: string; value: OutboxItem; indexes: { byCreated: number } };
}

let db: Promise<IDBPDatabase<OrleuDb>> | undefined;

/** One IndexedDB database per origin, shared by the apps: key-value (session, cached lists), drafts, outbox. */
export function database(): Promise<IDBPDatabase<OrleuDb>> {
  db ??= openDB<OrleuDb>('orleu', 1, {
    upgrade(d) {
      d.createObjectStore('kv');
      d.createObjectStore('drafts', { keyPath: 'id' });
      d.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byCreated', 'createdAt');
    },
  });
  return db;
}

export async function getValue<T>(key: string): Promise<T | undefined> {
  return (await (await database()).get('kv', key)) as T | undefined;
}

export async function setValue(key: string, value: unknown): Promise<void> {
  await (await database()).put('kv', value, key);
}

export async function deleteValue(key: string): Promise<void> {
  await (await database()).delete('kv', key);
}

export async function getDraft<T>(id: string): Promise<T | undefined> {
  return (await (await database()).get('drafts', id))?.data as T | undefined;
}

export async function saveDraft(id: string, data: unknown): Promise<void> {
  await (await database()).put('drafts', { id, data, updatedAt: Date.now() });
}

export async function outboxItems(): Promise<OutboxItem[]> {
  return (await database()).getAllFromIndex('outbox', 'byCreated');
}

export async function putOutbox(item: OutboxItem): Promise<void> {
  await (await database()).put('outbox', item);
}

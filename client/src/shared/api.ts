import type { MessageKey } from './i18n.js';

/** What went wrong, as a key of the message catalogue, plus whether a retry may succeed. */
export interface ErrorMeaning {
  key: MessageKey;
  retry: boolean;
  detail?: string;
}

export class ApiError extends Error {
  constructor(
    /** 0 = no response (offline, DNS, reset). */
    readonly status: number,
    readonly messages: string[],
  ) {
    super(messages.join('; ') || `HTTP ${status}`);
  }

  get meaning(): ErrorMeaning {
    return explain(this.status, this.messages);
  }
}

/**
 * Maps the server's status and English message to a translated message. The server's codes are its HTTP
 * statuses (see ../shared/API.md); a 409 and a 422 carry several cases, told apart by the message's wording.
 */
export function explain(status: number, messages: string[]): ErrorMeaning {
  const text = messages.join('; ');
  if (status === 0) return { key: 'err.network', retry: true };
  if (status === 401) return { key: 'err.unauthenticated', retry: false };
  if (status === 403) return { key: 'err.forbidden', retry: false };
  if (status === 404) return { key: 'err.notFound', retry: false };
  if (status === 409) {
    if (/confirmed/i.test(text)) return { key: 'err.confirmed', retry: false };
    if (/stale/i.test(text)) return { key: 'err.stale', retry: false };
    if (/idempotency|key/i.test(text)) return { key: 'err.keyReused', retry: false };
    return { key: 'err.closed', retry: false };
  }
  if (status === 422) {
    if (/conflict|same institution/i.test(text)) return { key: 'err.conflict', retry: false };
    return { key: 'err.rule', retry: false, detail: text };
  }
  if (status === 429) return { key: 'err.busy', retry: true };
  if (status >= 500) return { key: 'err.server', retry: true };
  return { key: 'err.invalid', retry: false, detail: text };
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  token?: string;
  idempotencyKey?: string;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, []);
  }
  const text = await response.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page: keep the status, drop the body.
  }
  if (!response.ok) {
    const message = (data as { message?: unknown } | undefined)?.message;
    throw new ApiError(
      response.status,
      Array.isArray(message) ? message.map(String) : message ? [String(message)] : [],
    );
  }
  return data as T;
}

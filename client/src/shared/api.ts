import type { MessageKey } from './i18n.js';

/** One problem of an error response, as the server words it (README *Errors*). */
export interface Problem {
  field: string | null;
  code: string;
  message: string;
}

/**
 * What went wrong, as a key of the message catalogue, plus whether a retry may succeed. `detail` is the server's
 * own English text: shown apart from the translated message (a small "server's words" line), never inside it.
 */
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
    readonly problems: Problem[] = [],
  ) {
    super(messages.join('; ') || `HTTP ${status}`);
  }

  get meaning(): ErrorMeaning {
    return explain(this.status, this.messages, this.problems);
  }
}

/** The server's problem codes the judge can meet, each with its translated message (a key per meaning). */
const BY_CODE: Record<string, MessageKey> = {
  UNAUTHENTICATED: 'err.unauthenticated',
  TOKEN_EXPIRED: 'err.unauthenticated',
  TOKEN_INVALID: 'err.unauthenticated',
  TOKEN_SUPERSEDED: 'err.unauthenticated',
  BAD_CREDENTIALS: 'err.unauthenticated',
  JUDGE_REVOKED: 'err.revoked',
  FORBIDDEN: 'err.forbidden',
  ROLE_FORBIDDEN: 'err.forbidden',
  NOT_FOUND: 'err.notFound',
  WRONG_STATE: 'err.closed',
  CONFLICT: 'err.closed',
  STALE_VERSION: 'err.stale',
  IDEMPOTENCY_KEY_REUSED: 'err.keyReused',
  RULE_VIOLATION: 'err.rule',
  TOO_MANY_REQUESTS: 'err.busy',
  DATABASE_UNAVAILABLE: 'err.server',
  INTERNAL: 'err.server',
  PAYLOAD_TOO_LARGE: 'err.invalid',
  INVALID_INPUT: 'err.invalid',
  INVALID_NESTED: 'err.invalid',
  UNKNOWN_PROPERTY: 'err.invalid',
  REQUIRED: 'err.invalid',
  MAX: 'err.range',
  MIN: 'err.range',
  IS_NUMBER: 'err.notNumber',
  IS_INT: 'err.notNumber',
};
const RETRY: ReadonlySet<MessageKey> = new Set(['err.network', 'err.busy', 'err.server']);

/** A status with no problem list (a proxy's page, an old server): the nearest meaning. */
function byStatus(status: number): MessageKey {
  if (status === 0) return 'err.network';
  if (status === 401) return 'err.unauthenticated';
  if (status === 403) return 'err.forbidden';
  if (status === 404) return 'err.notFound';
  if (status === 409) return 'err.closed';
  if (status === 422) return 'err.rule';
  if (status === 429) return 'err.busy';
  if (status >= 500) return 'err.server';
  return 'err.unknown';
}

/**
 * Maps the server's problem codes to translated messages; an unknown code gets the generic `err.unknown`. One code
 * covers cases the judge must tell apart (a result already confirmed, a team the judge is conflicted with), so
 * those few are told apart by the English wording; the wording only picks the key, it is never shown inside it.
 */
export function explain(status: number, messages: string[], problems: Problem[] = []): ErrorMeaning {
  const text = (problems.length ? problems.map((p) => p.message) : messages).join('; ');
  const code = problems[0]?.code;
  let key: MessageKey = code === undefined ? byStatus(status) : (BY_CODE[code] ?? 'err.unknown');
  if ((key === 'err.closed' || key === 'err.unknown') && /confirmed/i.test(text)) key = 'err.confirmed';
  if (key === 'err.rule' && /conflict|same institution/i.test(text)) key = 'err.conflict';
  return { key, retry: RETRY.has(key), ...(text && status !== 0 ? { detail: text } : {}) };
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  token?: string;
  idempotencyKey?: string;
}

export function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  return send(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    cache: 'no-store',
  }) as Promise<T>;
}

/**
 * Sends a request; the answer's body as JSON (undefined when empty), or as text with `asText`. A failure throws an
 * ApiError: status 0 when there was no answer, else the status with the server's messages and problems.
 */
export async function send(path: string, init: RequestInit, asText?: boolean): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, []);
  }
  const text = await response.text();
  if (response.ok && asText) return text;
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page: keep the status, drop the body.
  }
  if (!response.ok) {
    const body = data as { message?: unknown; problems?: unknown } | undefined;
    const message = body?.message;
    throw new ApiError(
      response.status,
      Array.isArray(message) ? message.map(String) : message ? [String(message)] : [],
      Array.isArray(body?.problems) ? (body.problems as Problem[]) : [],
    );
  }
  return data;
}

/** A small HTTP client for Orleu's public API: the demo and the benchmarks drive the app only through it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what}: ${status} ${JSON.stringify(body)}`);
  }
}

export interface CallOptions {
  token?: string;
  idempotencyKey?: string;
  /** Retries so far of a 503 (see `call`). */
  attempt?: number;
}

export class OrleuApi {
  constructor(readonly baseUrl: string) {}

  async call<T>(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    // A read or a write with an Idempotency-Key may simply be sent again: the server answers it once.
    const repeatable = method === 'GET' || !!options.idempotencyKey;
    const attempt = options.attempt ?? 0;
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/api${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      // A kept-alive connection the server closed as the request went out ("other side closed").
      if (repeatable && attempt < 5) return this.call<T>(method, path, body, { ...options, attempt: attempt + 1 });
      throw error;
    }
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    // The server answers 503 (Retry-After) when it waited too long for a database connection, as on a busy
    // embedded database: the request is sent again after the pause.
    if (res.status === 503 && repeatable && attempt < 5) {
      const seconds = Number(res.headers.get('retry-after')) || 2;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      return this.call<T>(method, path, body, { ...options, attempt: attempt + 1 });
    }
    if (!res.ok) throw new ApiError(res.status, parsed, `${method} ${path}`);
    return parsed as T;
  }

  get<T>(path: string, token?: string) {
    return this.call<T>('GET', path, undefined, { token });
  }

  post<T>(path: string, body: unknown, token?: string, idempotencyKey?: string) {
    return this.call<T>('POST', path, body, { token, idempotencyKey });
  }

  put<T>(path: string, body: unknown, token?: string, idempotencyKey?: string) {
    return this.call<T>('PUT', path, body, { token, idempotencyKey });
  }

  async login(username: string, password: string): Promise<string> {
    return (await this.post<{ accessToken: string }>('/auth/login', { username, password })).accessToken;
  }
}

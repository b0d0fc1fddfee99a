/** Errors the services raise; one filter maps each code to its HTTP status (Twenty-style). */
export enum DomainErrorCode {
  InvalidInput = 'INVALID_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  StaleVersion = 'STALE_VERSION',
  WrongState = 'WRONG_STATE',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  RuleViolation = 'RULE_VIOLATION',
}

/**
 * One problem of an error response, for clients: `field` is the input it concerns (a dotted path, or null when
 * it concerns no single field), `code` a stable SCREAMING_SNAKE name a client can translate, `message` English.
 */
export interface Problem {
  field: string | null;
  code: string;
  message: string;
}

// "members.0.birthDate gives age…", "regionCode must be…", "name: a team called…", "oblastCode "x" is…"
const LEADING_FIELD =
  /^([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*)(?::|\s(?:must|should|is|are|has|gives|names|belongs|\()|\s")/;

/** The field a message starts by naming, the way the services word their messages; null when there is none. */
export function leadingField(message: string): string | null {
  return LEADING_FIELD.exec(message)?.[1] ?? null;
}

export class DomainError extends Error {
  readonly problems: Problem[];

  constructor(
    readonly code: DomainErrorCode,
    readonly messages: string[],
    problems?: Problem[],
  ) {
    super(messages.join('; '));
    this.problems = problems ?? messages.map((message) => ({ field: leadingField(message), code, message }));
  }

  /** One field-level problem with its own stable code, e.g. ('version', 'REQUIRED', 'version is required'). */
  static field(code: DomainErrorCode, field: string, problemCode: string, message: string) {
    return new DomainError(code, [message], [{ field, code: problemCode, message }]);
  }

  /** Field-level problems that carry their own codes (a 400). */
  static problems(problems: Problem[]) {
    return new DomainError(
      DomainErrorCode.InvalidInput,
      problems.map((p) => p.message),
      problems,
    );
  }

  static invalid(...messages: string[]) {
    return new DomainError(DomainErrorCode.InvalidInput, messages);
  }
  static notFound(what: string, id: string) {
    return new DomainError(DomainErrorCode.NotFound, [`${what} ${id} not found`]);
  }
  static conflict(message: string) {
    return new DomainError(DomainErrorCode.Conflict, [message]);
  }
  static staleVersion(what: string, expected: number) {
    const message = `version ${expected} of ${what} is stale: reload it and apply your change again`;
    return new DomainError(
      DomainErrorCode.StaleVersion,
      [message],
      [{ field: 'version', code: DomainErrorCode.StaleVersion, message }],
    );
  }
  static wrongState(message: string) {
    return new DomainError(DomainErrorCode.WrongState, [message]);
  }
  static rule(...messages: string[]) {
    return new DomainError(DomainErrorCode.RuleViolation, messages);
  }
  static forbidden(message: string, problemCode: string = DomainErrorCode.Forbidden) {
    return new DomainError(DomainErrorCode.Forbidden, [message], [{ field: null, code: problemCode, message }]);
  }
  static unauthenticated(message: string, problemCode: string = DomainErrorCode.Unauthenticated) {
    return new DomainError(DomainErrorCode.Unauthenticated, [message], [{ field: null, code: problemCode, message }]);
  }
}

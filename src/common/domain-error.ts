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

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly messages: string[],
  ) {
    super(messages.join('; '));
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
    return new DomainError(DomainErrorCode.StaleVersion, [
      `version ${expected} of ${what} is stale: reload it and apply your change again`,
    ]);
  }
  static wrongState(message: string) {
    return new DomainError(DomainErrorCode.WrongState, [message]);
  }
  static rule(...messages: string[]) {
    return new DomainError(DomainErrorCode.RuleViolation, messages);
  }
  static forbidden(message: string) {
    return new DomainError(DomainErrorCode.Forbidden, [message]);
  }
  static unauthenticated(message: string) {
    return new DomainError(DomainErrorCode.Unauthenticated, [message]);
  }
}

/**
 * Typed domain errors with stable codes. Routes and domain verbs throw them; the one
 * `onError` in app.ts turns them into `{ error: { code, message, fields?, requestId } }`
 * with the message in the request's language.
 */
import type { ErrorKey } from "../i18n/de/errors";

export type FieldProblem = { key: ErrorKey; params?: Record<string, string | number> };

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 404 | 409 | 410 | 413 | 415 | 422 | 429,
    readonly messageKey: ErrorKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export class ValidationError extends DomainError {
  constructor(readonly fields: Record<string, FieldProblem>) {
    super("validation_failed", 422, "error.validation");
  }
}

export class NotFoundError extends DomainError {
  constructor(messageKey: ErrorKey = "error.not_found") {
    super("not_found", 404, messageKey);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, messageKey: ErrorKey, params: Record<string, string | number> = {}) {
    super(code, 409, messageKey, params);
  }
}

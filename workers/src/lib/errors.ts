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
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503,
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

/** No valid console session. */
export class UnauthenticatedError extends DomainError {
  constructor() {
    super("unauthenticated", 401, "error.unauthenticated");
  }
}

/** Signed in, but the role does not allow this (only where the object's existence is no secret to the user). */
export class ForbiddenError extends DomainError {
  constructor(code = "forbidden") {
    super(code, 403, code === "csrf_failed" ? "error.csrf_failed" : "error.forbidden");
  }
}

/**
 * The deployment lacks a secret it needs (env.ts missingConfiguration): participant and console
 * actions are refused rather than run with a published secret or a public mailbox.
 */
export class NotConfiguredError extends DomainError {
  constructor(readonly missing: readonly string[]) {
    super("not_configured", 503, "error.not_configured");
  }
}

/**
 * The console's one API client. Every console page and the check-in page call the Worker
 * through it: JSON in and out, the console's language in `Accept-Language`, the session's
 * CSRF token on every request that changes something, a 401 sends the user to the sign-in
 * page (remembering where they were), and every failure becomes an `ApiFailure` whose
 * message is already in the console's language and whose `fields` name each bad field by
 * the API's dotted path ("sessions.0.startsAt"), for the form system (./form.tsx).
 */
import type { ApiError } from "../../../../workers/src/api-types";
import type { MeResponse } from "../../../../workers/src/console-types";
import { ApiFailure } from "../../api-failure";
import { consoleLocale, s } from "../strings";

export { ApiFailure };

export type Me = MeResponse["user"];

/** The message of any failure, in the console's language. */
export function failureMessage(error: unknown): string {
  return error instanceof ApiFailure ? error.message : s("common.server_error");
}

/** True when the call failed for want of a connection (not an answer from the Worker). */
export const isOffline = (error: unknown): boolean => error instanceof ApiFailure && error.code === "network";

let csrfToken = "";
const NEXT_KEY = "zusammen.console.next";

/** Goes to the sign-in page, remembering where to come back to. */
export function goToSignIn(): never {
  try {
    sessionStorage.setItem(NEXT_KEY, location.pathname + location.search);
  } catch {
    // Not remembered: the console's start page follows sign-in.
  }
  location.assign("/console/sign-in");
  throw new ApiFailure(401, "unauthenticated", s("common.signed_out"));
}

/** Where to go after signing in: the remembered console page, else the start page. */
export function takeNextPath(): string {
  let next: string | null = null;
  try {
    next = sessionStorage.getItem(NEXT_KEY);
    sessionStorage.removeItem(NEXT_KEY);
  } catch {
    // Storage blocked.
  }
  return next && /^\/console\/[\w?=&%.-]*$/.test(next) && !next.startsWith("/console/sign-in") ? next : "/console/";
}

export type RequestOptions = {
  /** Default true: a 401 goes to the sign-in page. The sign-in page itself handles it. */
  redirectOn401?: boolean;
  signal?: AbortSignal;
};

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

async function request<T>(method: Method, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": consoleLocale() };
  if (method !== "GET") headers["X-CSRF-Token"] = csrfToken;
  let payload: string | undefined;
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: "same-origin", cache: "no-store", signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiFailure(0, "network", s("common.network_error"));
  }
  if (response.status === 401 && options.redirectOn401 !== false) goToSignIn();
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    // Not JSON (an HTML error page, an empty body): handled below.
  }
  if (response.ok) return (data ?? {}) as T;
  const error = (data as Partial<ApiError> | null)?.error;
  if (error && typeof error.message === "string") throw new ApiFailure(response.status, error.code ?? "error", error.message, error.fields ?? {});
  throw new ApiFailure(response.status, "unexpected", response.status === 404 ? s("common.not_found") : s("common.server_error"));
}

/** `api.get<T>("/api/console/events")`, `api.post<T>(path, body)`, … */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>("GET", path, undefined, options),
  post: <T = unknown>(path: string, body?: unknown, options?: RequestOptions) => request<T>("POST", path, body, options),
  put: <T = unknown>(path: string, body: unknown, options?: RequestOptions) => request<T>("PUT", path, body, options),
  patch: <T = unknown>(path: string, body: unknown, options?: RequestOptions) => request<T>("PATCH", path, body, options),
  delete: <T = unknown>(path: string, options?: RequestOptions) => request<T>("DELETE", path, undefined, options),
};

/** The signed-in user (and the CSRF token every later call carries); goes to sign-in without a session. */
export async function loadMe(options: RequestOptions = {}): Promise<Me> {
  const response = await api.get<MeResponse>("/api/auth/me", options);
  csrfToken = response.csrfToken;
  return response.user;
}

/** The user may create and edit events (administrator, or organiser somewhere). */
export function canOrganise(me: Me): boolean {
  return me.isAdmin || me.memberships.some((m) => m.role === "organiser");
}

/** Query string from the values that are set ("?q=x&status=confirmed", or ""). */
export function query(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

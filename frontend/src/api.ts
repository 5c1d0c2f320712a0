/** Calls to the Worker's /api on the same origin, in the chosen language. */
import type { ApiError } from "../../workers/src/api-types";
import { ApiFailure } from "./api-failure";
import { chosenLocale, t } from "./i18n";

export { ApiFailure };

/** Any error as a failure a page can show: an unexpected one reads "something went wrong", in the page's language. */
export function asFailure(error: unknown): ApiFailure {
  return error instanceof ApiFailure ? error : new ApiFailure(0, "unexpected", t("common.server_error"));
}

/**
 * The D1 bookmark of the last answer (http/database.ts on the Worker): sent back, so reads
 * that a read replica may answer show at least what this tab wrote. Kept for the tab only.
 */
const BOOKMARK_HEADER = "X-D1-Bookmark";
const BOOKMARK_KEY = "zusammen.d1-bookmark";

function storedBookmark(): string | null {
  try {
    return sessionStorage.getItem(BOOKMARK_KEY);
  } catch {
    return null; // storage switched off: reads may simply be a moment behind
  }
}

function keepBookmark(response: Response): void {
  const bookmark = response.headers.get(BOOKMARK_HEADER);
  try {
    if (bookmark) sessionStorage.setItem(BOOKMARK_KEY, bookmark);
  } catch {
    // as above
  }
}

export async function api<T>(
  path: string,
  options: { method?: "GET" | "POST"; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const bookmark = storedBookmark();
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": chosenLocale(),
    ...(bookmark ? { [BOOKMARK_HEADER]: bookmark } : {}),
    ...options.headers,
  };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? "GET", headers, body, credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new ApiFailure(0, "network", t("common.network_error"));
  }
  keepBookmark(response);
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    // An HTML error page or an empty body; handled below.
  }
  if (response.ok && data !== null) return data as T;
  const error = (data as Partial<ApiError> | null)?.error;
  if (error && typeof error.message === "string") {
    throw new ApiFailure(response.status, error.code ?? "error", error.message, error.fields ?? {});
  }
  throw new ApiFailure(response.status, "unexpected", t("common.server_error"));
}

/** A random UUID also where crypto.randomUUID is missing (plain http on a LAN address). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

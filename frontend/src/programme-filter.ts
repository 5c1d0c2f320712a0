/**
 * The filters of the public programme as they live in a page's URL (`/?audience=parents&free=1`),
 * so that a filtered list is a link to share; the same names as the API's query
 * (GET /api/events, the feeds, /embed).
 */
export type ProgrammeFilter = {
  q: string;
  audience: string;
  organisation: string;
  format: string;
  language: string;
  from: string;
  to: string;
  free: boolean;
};

export const NO_FILTER: ProgrammeFilter = { q: "", audience: "", organisation: "", format: "", language: "", from: "", to: "", free: false };
const TEXT_KEYS = ["q", "audience", "organisation", "format", "language", "from", "to"] as const;

export function filterFromQuery(search: string): ProgrammeFilter {
  const params = new URLSearchParams(search);
  const filter = { ...NO_FILTER };
  for (const key of TEXT_KEYS) filter[key] = params.get(key)?.trim() ?? "";
  filter.free = ["1", "true"].includes(params.get("free") ?? "");
  return filter;
}

/** The query string of a filter ("" without one); empty fields are left out. */
export function filterQuery(filter: ProgrammeFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) if (filter[key]) params.set(key, filter[key]);
  if (filter.free) params.set("free", "1");
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return params.toString();
}

/** How many filters besides the title search are set. */
export function activeFilters(filter: ProgrammeFilter): number {
  return TEXT_KEYS.filter((key) => key !== "q" && filter[key]).length + (filter.free ? 1 : 0);
}
